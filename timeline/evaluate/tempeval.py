"""TempEval-3 Task A scoring of TIMEX3 recognition and normalisation.

As the TempEval-3 scorer does: strict match = identical offsets, relaxed
match = any overlap (one-to-one); attribute F1 = relaxed F1 x the attribute's
accuracy over the relaxed matches.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Protocol, Sequence


class SpanLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Error:
    """One disagreement, for the error listing."""

    doc: str
    kind: str  # missed | spurious | boundary | value | type
    gold: str
    system: str
    context: str


@dataclass(slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    type_ok: int = 0
    per_type: Counter[str] = field(default_factory=Counter)  # "DATE:gold", "DATE:relaxed", "DATE:value"

    def add(self, other: "Counts") -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.value_ok += other.value_ok
        self.type_ok += other.type_ok
        self.per_type.update(other.per_type)


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Scores:
    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    value_accuracy: float
    value_f1: float
    type_accuracy: float
    type_f1: float


def scores(c: Counts) -> Scores:
    sp = c.strict / c.system if c.system else 0.0
    sr = c.strict / c.gold if c.gold else 0.0
    rp = c.relaxed / c.system if c.system else 0.0
    rr = c.relaxed / c.gold if c.gold else 0.0
    rf = f1(rp, rr)
    va = c.value_ok / c.relaxed if c.relaxed else 0.0
    ta = c.type_ok / c.relaxed if c.relaxed else 0.0
    return Scores(sp, sr, f1(sp, sr), rp, rr, rf, va, rf * va, ta, rf * ta)


def _overlap(a: SpanLike, b: SpanLike) -> bool:
    return a.start < b.end and b.start < a.end


def match_timexes(
    gold: Sequence[SpanLike], system: Sequence[SpanLike]
) -> list[tuple[SpanLike, SpanLike]]:
    """One-to-one relaxed matching, exact matches first, then largest overlap."""
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if _overlap(g, s):
                exact = g.start == s.start and g.end == s.end
                size = min(g.end, s.end) - max(g.start, s.start)
                pairs.append((0 if exact else 1, -size, gi * 100000 + si))
    used_g: set[int] = set()
    used_s: set[int] = set()
    out: list[tuple[SpanLike, SpanLike]] = []
    for _, _, key in sorted(pairs):
        gi, si = divmod(key, 100000)
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        out.append((gold[gi], system[si]))
    return out


# TimeBank and AQUAINT write clock times in local time without their zone
# ("5 p.m. EST" is T17:00); the zone a value adds (T17:00-05:00) is not compared
_ZONE_SUFFIX = re.compile(r"(T\d\d(?::\d\d)?)(?:Z|[+-]\d\d:\d\d)$")


def _local_value(value: str) -> str:
    return _ZONE_SUFFIX.sub(r"\1", value)


def score_document(
    doc_id: str, text: str, gold: Sequence[SpanLike], system: Sequence[SpanLike],
    errors: list[Error] | None = None,
) -> Counts:
    c = Counts(gold=len(gold), system=len(system))
    for g in gold:
        c.per_type[f"{g.type}:gold"] += 1
    for s in system:
        c.per_type[f"{s.type}:system"] += 1
    matched = match_timexes(gold, system)
    seen_g = {id(g) for g, _ in matched}
    seen_s = {id(s) for _, s in matched}
    for g, s in matched:
        c.relaxed += 1
        c.per_type[f"{g.type}:relaxed"] += 1
        exact = g.start == s.start and g.end == s.end
        if exact:
            c.strict += 1
        same_value = _local_value(g.value) == _local_value(s.value)
        if same_value:
            c.value_ok += 1
            c.per_type[f"{g.type}:value"] += 1
        if g.type == s.type:
            c.type_ok += 1
        if errors is not None:
            if not exact:
                errors.append(Error(doc_id, "boundary", _show(g), _show(s), _context(text, g)))
            if not same_value:
                errors.append(Error(doc_id, "value", _show(g), _show(s), _context(text, g)))
            elif g.type != s.type:
                errors.append(Error(doc_id, "type", _show(g), _show(s), _context(text, g)))
    if errors is not None:
        for g in gold:
            if id(g) not in seen_g:
                errors.append(Error(doc_id, "missed", _show(g), "", _context(text, g)))
        for s in system:
            if id(s) not in seen_s:
                errors.append(Error(doc_id, "spurious", "", _show(s), _context(text, s)))
    return c


def _show(t: SpanLike) -> str:
    return f"[{t.text}] {t.type} {t.value}"


def _context(text: str, t: SpanLike, width: int = 60) -> str:
    left = text[max(0, t.start - width):t.start]
    right = text[t.end:t.end + width]
    return " ".join(f"{left}<<{text[t.start:t.end]}>>{right}".split())


def format_scores(name: str, s: Scores, c: Counts) -> str:
    return (
        f"{name:<10} gold {c.gold:>5} sys {c.system:>5} | "
        f"strict P {100 * s.strict_p:5.1f} R {100 * s.strict_r:5.1f} F1 {100 * s.strict_f1:5.1f} | "
        f"relaxed P {100 * s.relaxed_p:5.1f} R {100 * s.relaxed_r:5.1f} F1 {100 * s.relaxed_f1:5.1f} | "
        f"value F1 {100 * s.value_f1:5.1f} (acc {100 * s.value_accuracy:5.1f}) | "
        f"type F1 {100 * s.type_f1:5.1f}"
    )


def format_per_type(c: Counts, types: Iterable[str] = ("DATE", "TIME", "DURATION", "SET")) -> str:
    lines = []
    for t in types:
        g = c.per_type[f"{t}:gold"]
        sysn = c.per_type[f"{t}:system"]
        rel = c.per_type[f"{t}:relaxed"]
        val = c.per_type[f"{t}:value"]
        lines.append(
            f"  {t:<9} gold {g:>5} sys {sysn:>5} relaxed-recall {100 * rel / g if g else 0:5.1f} "
            f"value-acc {100 * val / rel if rel else 0:5.1f}"
        )
    return "\n".join(lines)
