"""Every rule's own examples run as tests (sqlfluff-style cases kept next to the rule).

The checks live in :mod:`cleaner.examples`, which ``clean --test-rules DIR`` runs on a
user's own folder; here each example of the catalogue is one test.

- ``drop``: with only this rule selected (guards always run), the line is dropped by it.
- ``keep``: the full pipeline keeps the line (no rule drops or blanks it).
- ``cases``: a multi-line document through the full pipeline; each line is marked
  ``keep:`` or ``drop:``; in at least one of its cases a dropped line names this rule.
- ``todo_drop`` / ``todo_keep`` / ``todo = true`` cases: known gaps, strict xfail.
"""
from __future__ import annotations

import pytest

from cleaner import Config
from cleaner.examples import case_name, check_case, check_drop, check_fires, check_keep
from cleaner.kinds import KINDS
from cleaner.kinds.base import REVISE
from cleaner.rules import load_rules

RULES = load_rules(Config(mode="page"))  # every rule, page-mode rules too
KNOWN_GAP = pytest.mark.xfail(strict=True, reason="known gap")


def _examples(key: str, todo_key: str):
    for rule in RULES:
        for text in rule.examples.get(key, []):
            yield pytest.param(rule, text, id=f"{rule.full_id}:{text[:40]}")
        for text in rule.examples.get(todo_key, []):
            yield pytest.param(rule, text, id=f"{rule.full_id}:todo:{text[:40]}", marks=KNOWN_GAP)


def _cases():
    for rule in RULES:
        for i, case in enumerate(rule.examples.get("cases", [])):
            yield pytest.param(rule, case["lines"], id=f"{rule.full_id}:{case_name(case, i)}",
                               marks=[KNOWN_GAP] if case.get("todo") else [])


@pytest.mark.parametrize("rule, text", list(_examples("drop", "todo_drop")))
def test_rule_drops_its_example(rule, text):
    failure = check_drop(rule, text)
    assert failure is None, failure


@pytest.mark.parametrize("rule, text", list(_examples("keep", "todo_keep")))
def test_pipeline_keeps_near_miss(rule, text):
    failure = check_keep(rule, text)
    assert failure is None, failure


@pytest.mark.parametrize("rule, lines", list(_cases()))
def test_rule_case(rule, lines):
    failure = check_case(rule, lines)
    assert failure is None, "\n" + failure


@pytest.mark.parametrize("rule", [r for r in RULES if r.examples.get("cases")], ids=lambda r: r.full_id)
def test_rule_fires_in_one_of_its_cases(rule):
    failure = check_fires(rule)
    assert failure is None, failure


def test_every_noise_rule_has_examples():
    for rule in RULES:
        if KINDS[rule.kind].stage == REVISE:
            assert rule.examples.get("cases"), f"{rule.full_id}: context rules need [[examples.cases]]"
        elif rule.kind != "guard":
            assert rule.examples.get("drop") and rule.examples.get("keep"), \
                f"{rule.full_id}: needs drop and near-miss keep examples"


def test_every_exception_vetoes_a_keep_example():
    """An ``exceptions`` pattern is there for a near miss: a keep example that the rule's
    patterns match and the exception saves. Without one, nothing shows the exception works."""
    for rule in RULES:
        if rule.exceptions is None:
            continue
        saved = [text for text in rule.examples.get("keep", []) + [line.split(":", 1)[1].strip()
                 for case in rule.examples.get("cases", []) for line in case["lines"]]
                 if rule.matcher(text, "") and rule.exceptions.search(text)]
        assert saved, f"{rule.full_id}: no keep example shows what its exceptions save"
