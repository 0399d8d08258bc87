"""Docs generated from the rule files and the kinds: the README's rule table and the
kinds table of ``rules/README.md``.

Regenerate with ``python -m cleaner.docs``; ``tests/test_docs.py`` fails when either is
out of date.

>>> table = rule_table()
>>> table.splitlines()[0]
'| rule | kind | what it removes |'
>>> kinds_table().splitlines()[2].split(" | ")[:5]
['| `guard`', 'classify', 'the whole line', '-', 'nothing: it marks a matching line (a byline, a dateline) as guarded; the kinds marked guarded never drop it, the others still may']
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from .kinds import KINDS
from .rules import load_rules

BEGIN, END = "<!-- rule-table:begin -->", "<!-- rule-table:end -->"
KINDS_BEGIN, KINDS_END = "<!-- kinds-table:begin -->", "<!-- kinds-table:end -->"
README = Path(__file__).resolve().parent.parent / "README.md"
RULES_README = README.parent / "rules" / "README.md"


def rule_table() -> str:
    """A Markdown table of every built-in rule, in run order."""
    rows = ["| rule | kind | what it removes |", "|---|---|---|"]
    for rule in load_rules():  # in run order: by category, then id
        summary = rule.summary.replace("|", "\\|")
        rows.append(f"| `{rule.full_id}` | {rule.kind} | {summary} |")
    return "\n".join(rows)


def kinds_table() -> str:
    """A Markdown table of every kind in the registry, in run order within its stage:
    how its patterns meet a line, whether keep-guards protect lines from it, what it
    drops and its parameters."""
    rows = ["| kind | stage | patterns match | guarded | drops | parameters (default) |",
            "|---|---|---|---|---|---|"]
    for name, kind in KINDS.items():
        match = kind.pattern_match + ("" if kind.needs_patterns or not kind.reads_patterns else " (patterns optional)")
        guarded = kind.guard_contract
        params = "; ".join(f"`{p}` ({_value(spec.default)}): {spec.doc}" for p, spec in kind.params.items())
        rows.append(f"| `{name}` | {kind.stage} | {match} | {guarded} | {kind.summary} | {params} |")
    return "\n".join(rows)


def kind_notes(rule) -> str:
    """What the registry says of ``rule``'s kind, as TOML comments for ``clean --show-rule``:
    the stage, how patterns meet a line, the guard contract and each parameter's value.

    >>> from cleaner.config import Config
    >>> rule = next(r for r in load_rules(Config(mode="page")) if r.full_id == "page/outside-article")
    >>> print(kind_notes(rule).splitlines()[0])
    # kind page: revise stage; patterns: none (not read); keep-guards protect lines from it: no
    """
    kind = KINDS[rule.kind]
    guarded = "(it drops nothing)" if kind.guard_contract == "-" else kind.guard_contract
    lines = [f"# kind {kind.name}: {kind.stage} stage; patterns: {kind.pattern_match}; "
             f"keep-guards protect lines from it: {guarded}", f"#   {kind.summary}"]
    for name, spec in kind.params.items():
        value = rule.params.get(name, spec.default)
        lines.append(f"#   {name} = {_value(value)} (default {_value(spec.default)}): {spec.doc}")
    return "\n".join(lines) + "\n"


def _value(default) -> str:
    return "true" if default is True else "false" if default is False else repr(default).replace("'", '"')


def _with(text: str, begin: str, end: str, table: str) -> str:
    pattern = re.compile(re.escape(begin) + ".*?" + re.escape(end), re.S)
    return pattern.sub(lambda _: f"{begin}\n{table}\n{end}", text)


def with_rule_table(readme: str) -> str:
    """``readme`` with the text between the rule-table markers replaced."""
    return _with(readme, BEGIN, END, rule_table())


def with_kinds_table(readme: str) -> str:
    """``readme`` (rules/README.md) with the text between the kinds-table markers replaced."""
    return _with(readme, KINDS_BEGIN, KINDS_END, kinds_table())


def main() -> int:
    for path, update in ((README, with_rule_table), (RULES_README, with_kinds_table)):
        path.write_text(update(path.read_text("utf-8")), "utf-8")
        print(f"updated {path.relative_to(README.parent)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
