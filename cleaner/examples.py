"""Run a rule's own examples: the suite runs the catalogue's, ``clean --test-rules DIR`` a user's.

- ``drop``: with only this rule selected (guards always run), every line is removed by it.
- ``keep``: the whole pipeline keeps the line (no rule drops or blanks it); a guard also
  guards it.
- ``cases``: a small document whose lines start with ``keep:`` or ``drop:``; the whole
  pipeline agrees line by line. A rule with cases must fire in at least one of them.
- ``todo_drop``, ``todo_keep`` and ``todo = true`` cases are known gaps: they must still fail.

Each check returns ``None`` when the example holds, else a message that says what happened.

>>> from cleaner.rules import load_rules
>>> rule = next(r for r in load_rules() if r.full_id == "ads/advertisement-label")
>>> check_drop(rule, "Advertisement") is None, check_keep(rule, "Advertisement") is None
(True, False)
"""
from __future__ import annotations

from collections import namedtuple

from .config import Config
from .normalize import normalize
from .pipeline import Cleaner

Failure = namedtuple("Failure", "rule example message")


def pipeline_config(rule, rule_dirs: tuple[str, ...] = ()) -> Config:
    """Page rules run in page mode (their cases are whole pages); every other rule as shipped."""
    return Config(rule_dirs=rule_dirs, mode="page" if rule.kind == "page" else "article")


def case_text(lines: list[str]) -> tuple[list[str], str]:
    """The marks (keep / drop) and the document of a case's ``lines``."""
    marks = [line.split(":", 1)[0] for line in lines]
    return marks, "\n".join(line.split(":", 1)[1].strip() for line in lines) + "\n"


def site_of(rule) -> str | None:
    """A site-scoped rule's examples are documents of its (first) site."""
    return rule.sites[0] if rule.sites else None


def check_drop(rule, text: str, rule_dirs: tuple[str, ...] = ()) -> str | None:
    trace = Cleaner(Config(select=(rule.full_id,), rule_dirs=rule_dirs)).run(text, site_of(rule)).trace
    removed = [v.rule for v in trace if v.action != "keep"]  # debris rules blank the line
    if removed == [rule.full_id] * len(normalize(text)):
        return None
    return "not dropped by this rule: " + "; ".join(f"{v.action} {v.rule or '-'}: {v.text!r}" for v in trace)


def check_keep(rule, text: str, rule_dirs: tuple[str, ...] = ()) -> str | None:
    if rule.kind == "guard" and not rule.matches(text, text.lower()):
        return "not guarded by this rule"  # (a guard's keep example is a line it guards)
    dropped = [v for v in Cleaner(pipeline_config(rule, rule_dirs)).run(text, site_of(rule)).trace if v.removed]
    return None if not dropped else "dropped: " + "; ".join(f"{v.rule}: {v.text!r}" for v in dropped)


def case_trace(rule, lines: list[str], rule_dirs: tuple[str, ...] = ()):
    return Cleaner(pipeline_config(rule, rule_dirs)).run(case_text(lines)[1], site_of(rule)).trace


def check_case(rule, lines: list[str], rule_dirs: tuple[str, ...] = ()) -> str | None:
    marks = case_text(lines)[0]
    trace = case_trace(rule, lines, rule_dirs)
    got = ["drop" if v.removed else "keep" for v in trace]  # (a debris rule's blank counts as a drop)
    if got == marks:
        return None
    return "\n".join(f"{'  ' if m == g else '!!'} want {m}, got {g} {v.rule or '-':32} {v.text}"
                     for m, g, v in zip(marks, got, trace))


def check_fires(rule, rule_dirs: tuple[str, ...] = ()) -> str | None:
    """A rule with cases drops a line in at least one of them (else its cases test nothing)."""
    cases = [c for c in rule.examples.get("cases", []) if not c.get("todo")]
    if not cases or any(v.removed and v.rule == rule.full_id
                        for case in cases for v in case_trace(rule, case["lines"], rule_dirs)):
        return None
    return "fires in none of its cases"


def case_name(case: dict, index: int) -> str:
    return case.get("name") or f"case{index}"


def run_examples(rules, rule_dirs: tuple[str, ...] = ()) -> tuple[int, list[Failure]]:
    """Every example of ``rules``: (how many ran, the failures). A todo example that now
    holds is a failure too: the gap is closed, so move it out of todo."""
    ran, failures = 0, []

    def expect(rule, name: str, message: str | None, todo: bool) -> None:
        nonlocal ran
        ran += 1
        if todo and message is None:
            failures.append(Failure(rule.full_id, name, "a todo example now holds: move it out of todo"))
        elif not todo and message is not None:
            failures.append(Failure(rule.full_id, name, message))

    for rule in rules:
        for key, check in (("drop", check_drop), ("keep", check_keep)):
            for todo in (False, True):
                for text in rule.examples.get(f"todo_{key}" if todo else key, []):
                    expect(rule, f"{key}: {text[:60]!r}", check(rule, text, rule_dirs), todo)
        for i, case in enumerate(rule.examples.get("cases", [])):
            expect(rule, case_name(case, i), check_case(rule, case["lines"], rule_dirs), bool(case.get("todo")))
        if rule.examples.get("cases"):
            expect(rule, "cases", check_fires(rule, rule_dirs), False)
    return ran, failures
