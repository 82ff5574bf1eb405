"""Helpers shared by the temporal tests: the examples corpora as parametrize lists."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def read_table(name: str) -> list[list[str]]:
    rows = []
    for line in (HERE / name).read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows
