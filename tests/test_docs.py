"""Docs generated from the rule files stay current, and every rule is exercised by a golden."""
from __future__ import annotations

from cleaner import clean_and_explain
from cleaner.io.decode import decode_bytes
from cleaner.docs import KINDS_BEGIN, README, RULES_README, with_kinds_table, with_rule_table
from cleaner.rules import load_rules

from .conftest import case_config, golden_cases


def test_readme_rule_table_is_current():
    text = README.read_text("utf-8")
    assert with_rule_table(text) == text, "run: python -m cleaner.docs"
    for rule in load_rules():
        assert f"`{rule.full_id}`" in text


def test_every_noise_rule_fires_in_some_golden_case():
    fired = set()
    for case in golden_cases():
        text = decode_bytes((case / "input.txt").read_bytes())
        fired |= {v.rule for v in clean_and_explain(text, case_config(case))[1] if v.rule}
    missing = sorted(r.full_id for r in load_rules() if r.kind != "guard" and r.full_id not in fired)
    assert not missing, f"rules with no golden case: {missing}"


def test_rules_readme_kinds_table_is_current():
    text = RULES_README.read_text("utf-8")
    assert KINDS_BEGIN in text and with_kinds_table(text) == text, "run: python -m cleaner.docs"
