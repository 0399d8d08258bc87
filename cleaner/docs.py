"""Docs generated from the rule files: the README's rule table.

Regenerate with ``python -m cleaner.docs``; ``tests/test_docs.py`` fails when the README
is out of date.

>>> table = rule_table()
>>> table.splitlines()[0]
'| rule | kind | what it removes |'
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from .rules import load_rules

BEGIN, END = "<!-- rule-table:begin -->", "<!-- rule-table:end -->"
README = Path(__file__).resolve().parent.parent / "README.md"


def rule_table() -> str:
    """A Markdown table of every built-in rule, in run order."""
    rows = ["| rule | kind | what it removes |", "|---|---|---|"]
    for rule in load_rules():  # in run order: by category, then id
        summary = rule.summary.replace("|", "\\|")
        rows.append(f"| `{rule.full_id}` | {rule.kind} | {summary} |")
    return "\n".join(rows)


def with_rule_table(readme: str) -> str:
    """``readme`` with the text between the rule-table markers replaced."""
    pattern = re.compile(re.escape(BEGIN) + ".*?" + re.escape(END), re.S)
    return pattern.sub(lambda _: f"{BEGIN}\n{rule_table()}\n{END}", readme)


def main() -> int:
    text = README.read_text("utf-8")
    README.write_text(with_rule_table(text), "utf-8")
    print(f"updated the rule table in {README.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
