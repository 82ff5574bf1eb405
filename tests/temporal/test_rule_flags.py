"""The FLAGS column of data/patterns.txt: only known flags, one set per rule name."""

from __future__ import annotations

import pytest

import timeline.temporal.lexicon as lexicon_module
from timeline.temporal.lexicon import RULE_FLAGS, Lexicon, lexicon


def test_rules_carry_their_flags() -> None:
    lex = lexicon()
    assert all(rule.flags <= RULE_FLAGS for rule in lex.rules)
    assert "parse" in lex.rule_flags["month"] and "verb_homonym" in lex.rule_flags["month"]
    assert "clock" in lex.rule_flags["clock_time"] and "names_day" in lex.rule_flags["weekday"]
    assert lex.rule_flags["iso_date"] == frozenset()


@pytest.mark.parametrize("edit", [("\tparse\t", "\tparsed\t"), ("month_day\tDATE\tnames_day,numeric\t", "month_day\tDATE\tnumeric\t")],
                         ids=["unknown flag", "two flag sets for one rule"])
def test_bad_flags_are_refused(monkeypatch: pytest.MonkeyPatch, edit: tuple[str, str]) -> None:
    read = lexicon_module._read

    def edited(name: str) -> str:
        text = read(name)
        return text.replace(*edit, 1) if name == "patterns.txt" else text

    monkeypatch.setattr(lexicon_module, "_read", edited)
    with pytest.raises(ValueError, match="flags"):
        Lexicon()
