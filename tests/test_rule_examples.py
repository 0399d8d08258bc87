"""Every rule's own examples run as tests (sqlfluff-style cases kept next to the rule).

- ``drop``: with only this rule selected (guards always run), the line is dropped by it.
- ``keep``: the full pipeline keeps the line (no rule at all drops it).
- ``cases``: a multi-line document through the full pipeline; each line is marked
  ``keep:`` or ``drop:``; in at least one of its cases a dropped line names this rule.
- ``todo_drop`` / ``todo_keep`` / ``todo = true`` cases: known gaps, strict xfail.
"""
from __future__ import annotations

import pytest

from cleaner import Config, clean_and_explain
from cleaner.normalize import normalize
from cleaner.rules import CONTEXT_KINDS, load_rules

RULES = load_rules(Config(mode="page"))  # every rule, page-mode rules too


def _config(rule) -> Config:
    """Page rules run in page mode (and their cases are whole pages); the rest as shipped."""
    return Config(mode="page") if rule.kind == "page" else Config()


def _examples(key: str, todo_key: str):
    for rule in RULES:
        for text in rule.examples.get(key, []):
            yield pytest.param(rule, text, id=f"{rule.full_id}:{text[:40]}")
        for text in rule.examples.get(todo_key, []):
            yield pytest.param(rule, text, id=f"{rule.full_id}:todo:{text[:40]}",
                               marks=pytest.mark.xfail(strict=True, reason="known gap"))


def _cases():
    for rule in RULES:
        for i, case in enumerate(rule.examples.get("cases", [])):
            marks = [pytest.mark.xfail(strict=True, reason="known gap")] if case.get("todo") else []
            yield pytest.param(rule, case["lines"], id=f"{rule.full_id}:case{i}", marks=marks)


@pytest.mark.parametrize("rule, text", list(_examples("drop", "todo_drop")))
def test_rule_drops_its_example(rule, text):
    _, trace = clean_and_explain(text, Config(select=(rule.full_id,)))
    removed = [v.rule for v in trace if v.action != "keep"]  # debris rules blank the line
    assert removed == [rule.full_id] * len(normalize(text)), trace


@pytest.mark.parametrize("rule, text", list(_examples("keep", "todo_keep")))
def test_pipeline_keeps_near_miss(rule, text):
    _, trace = clean_and_explain(text, _config(rule))
    assert not [v for v in trace if v.removed], trace  # (nor blanked by a debris rule)


@pytest.mark.parametrize("rule, lines", list(_cases()))
def test_rule_case(rule, lines):
    marks = [line.split(":", 1)[0] for line in lines]
    texts = [line.split(":", 1)[1].strip() for line in lines]
    _, trace = clean_and_explain("\n".join(texts) + "\n", _config(rule))
    got = ["drop" if v.removed else "keep" for v in trace]  # (a debris rule's blank counts as a drop)
    report = "\n".join(f"{m} -> {g} {v.rule:32} {v.text}" for m, g, v in zip(marks, got, trace))
    assert got == marks, report


@pytest.mark.parametrize("rule", [r for r in RULES if r.examples.get("cases")], ids=lambda r: r.full_id)
def test_rule_fires_in_one_of_its_cases(rule):
    fired = set()
    for case in rule.examples["cases"]:
        texts = [line.split(":", 1)[1].strip() for line in case["lines"]]
        fired |= {v.rule for v in clean_and_explain("\n".join(texts) + "\n", _config(rule))[1] if v.removed}
    assert rule.full_id in fired


def test_every_noise_rule_has_examples():
    for rule in RULES:
        if rule.kind in CONTEXT_KINDS:
            assert rule.examples.get("cases"), f"{rule.full_id}: context rules need [[examples.cases]]"
        elif rule.kind != "guard":
            assert rule.examples.get("drop") and rule.examples.get("keep"), \
                f"{rule.full_id}: needs drop and near-miss keep examples"
