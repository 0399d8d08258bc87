"""How many lines and characters each rule and category removed, over a whole run.

>>> from cleaner import Cleaner
>>> stats = Stats()
>>> stats.add(document_counts(Cleaner().run("Title of the story\\nAdvertisement\\nBody.\\n").trace))
>>> stats.as_dict()["categories"]
{'ads': {'lines': 1, 'chars': 13}}
"""
from __future__ import annotations

from collections import defaultdict


def document_counts(trace) -> dict[str, list[int]]:
    """``{rule: [lines, chars]}`` for one document: small, so workers can return it cheaply."""
    counts: dict[str, list[int]] = {}
    for verdict in trace:
        if verdict.dropped:
            row = counts.setdefault(verdict.rule, [0, 0])
            row[0] += 1
            row[1] += len(verdict.text)
    return counts


class Stats:
    """Totals over many documents, by rule and by category."""

    def __init__(self) -> None:
        self.documents = 0
        self.changed = 0
        self.rules: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def add(self, counts: dict[str, list[int]]) -> None:
        self.documents += 1
        self.changed += bool(counts)
        for rule, (lines, chars) in counts.items():
            self.rules[rule][0] += lines
            self.rules[rule][1] += chars

    def as_dict(self) -> dict:
        categories: dict[str, dict[str, int]] = {}
        for rule, (lines, chars) in sorted(self.rules.items()):
            row = categories.setdefault(rule.split("/")[0], {"lines": 0, "chars": 0})
            row["lines"] += lines
            row["chars"] += chars
        return {
            "documents": self.documents,
            "changed": self.changed,
            "categories": categories,
            "rules": {rule: {"lines": l, "chars": c} for rule, (l, c) in sorted(self.rules.items())},
        }

    def as_text(self) -> str:
        data = self.as_dict()
        rows = [f"{data['documents']} documents, {data['changed']} changed"]
        for title, table in (("category", data["categories"]), ("rule", data["rules"])):
            rows.append(f"{title:<40} {'lines':>9} {'chars':>12}")
            rows += [f"{name:<40} {v['lines']:>9} {v['chars']:>12}" for name, v in table.items()]
        return "\n".join(rows)

    def as_json(self) -> str:
        import json  # only for --stats json

        return json.dumps(self.as_dict(), ensure_ascii=False)
