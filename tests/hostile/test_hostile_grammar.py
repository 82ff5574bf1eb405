"""The TIMEX3 value grammar the hostile tests judge values with: it must
accept the canonical forms (and the shared gold corpus) and reject the rest."""

from __future__ import annotations

import re

import pytest
from support import shared_path
from hostile_grammar import is_valid_value, value_problem

VALID = [
    "2017-11-02", "2017-11", "2017", "201", "20", "2", "19XX", "199X", "XXXX", "XXXX-XX-XX", "XXXX-11-02",
    "2017-W43", "2017-W43-WE", "2015-W53", "XXXX-WXX-4", "XXXX-WXX-2TNI", "2017-Q4", "2017-QX", "2017-H1",
    "2017-SU", "XXXX-WI", "FY2017", "FY2017-Q1", "BC0400", "2017-11-02TAF", "2017-11-02TMO", "2017-11-02T15:00",
    "2017-11-02T06:17-05:00", "2017-11-02T24:00", "2017-11-02T15:04:05.5Z", "T15:00", "P1Y", "PXD", "P2Y6M",
    "P1DE", "P2E", "PXC", "P1L", "P1.5Y", "PT5H30M", "PTXH", "P1DT12H", "PRESENT_REF", "PAST_REF", "FUTURE_REF",
    "0001-01-01", "9999-12-31",
]
INVALID = [
    "", " 2017", "2017-11-02 ", "2017-13", "2017-00", "2017-11-32", "2017-02-30", "2017-04-31", "2019-02-29",
    "2017-W54", "2017-W53", "2017-W00", "2017-Q5", "2017-H3", "2017-XY", "0000", "0000-01-01", "10000",
    "+10000", "-0001", "P", "PT", "P1", "P1Y2", "PY", "2017-11-02T25:00", "2017-11-02T24:30", "2017-11-02TXX",
    "present_ref", "NOW", "2017/11/02", "2017-1-2", "None", "nan",
]


@pytest.mark.parametrize("value", VALID)
def test_grammar_accepts_canonical_values(value: str) -> None:
    assert is_valid_value(value), value_problem(value)


@pytest.mark.parametrize("value", INVALID)
def test_grammar_rejects_malformed_values(value: str) -> None:
    assert not is_valid_value(value)


def test_grammar_checks_type_against_value() -> None:
    assert not is_valid_value("2017-11-02", "DURATION")
    assert not is_valid_value("P1D", "DATE")
    assert is_valid_value("P1W", "SET") and is_valid_value("XXXX-WXX-1", "SET")


def test_grammar_accepts_the_gold_corpus() -> None:
    """Every value annotators wrote, except two known sloppy forms: one-digit
    weeks (2000-W7; canonical is W07) and PXX (no unit)."""
    corpus = shared_path("data", "timeml-tbaq")
    values = {m for path in corpus.glob("*/*.tml")
              for m in re.findall(r'<TIMEX3[^>]*\svalue="([^"]*)"', path.read_text("utf-8"))}
    assert len(values) > 500
    rejected = sorted(v for v in values if not is_valid_value(v))
    assert all(re.fullmatch(r"\d{4}-W\d|PXX", v) for v in rejected), rejected
