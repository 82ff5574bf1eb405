"""DisjointSets: the groups merging joins, named by the root of the group joined into."""

from __future__ import annotations

from timeline.disjoint import DisjointSets


def test_join_names_the_group_by_the_root_it_was_joined_into() -> None:
    sets: DisjointSets[int] = DisjointSets(range(6))
    sets.join(0, 3)
    sets.join(4, 0)
    assert {sets.find(i) for i in (0, 3, 4)} == {3}
    assert [sets.find(i) for i in (1, 2, 5)] == [1, 2, 5]
    sets.join(3, 5)
    assert {sets.find(i) for i in (0, 3, 4, 5)} == {5}


def test_long_chains_are_found_and_start_groups_are_kept() -> None:
    sets: DisjointSets[str] = DisjointSets(parents={"a": "a", "b": "a", "c": "b", "d": "d"})
    assert sets.find("c") == "a" and "c" in sets and "z" not in sets
    chain: DisjointSets[int] = DisjointSets(range(1000))
    for i in range(999):
        chain.join(i, i + 1)
    assert chain.find(0) == 999 and len({chain.find(i) for i in range(1000)}) == 1
