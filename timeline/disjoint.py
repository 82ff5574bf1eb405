"""Disjoint sets (union-find): which items merging has joined into one group.

The merge of timeline entries (:mod:`timeline.coreference`) and its Dask
counterpart (:mod:`timeline.distributed`) both join reports into groups and
order the groups by their root, so :meth:`DisjointSets.join` always makes the
root of ``into`` the root of the joined group."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

Item = TypeVar("Item", bound=Hashable)


class DisjointSets(Generic[Item]):
    """Groups of items, each named by its root; ``parents`` may start items
    in a group already (item -> an item of its group that is itself present)."""

    def __init__(self, items: Iterable[Item] = (), parents: dict[Item, Item] | None = None) -> None:
        self.parent: dict[Item, Item] = {item: item for item in items}
        if parents:
            self.parent.update(parents)

    def __contains__(self, item: object) -> bool:
        return item in self.parent

    def find(self, item: Item) -> Item:
        """The root of ``item``'s group (path halving keeps chains short)."""
        parent = self.parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def join(self, item: Item, into: Item) -> None:
        """One group of the two, named by the root of ``into``'s."""
        self.parent[self.find(item)] = self.find(into)
