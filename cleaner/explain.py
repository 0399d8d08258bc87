"""Render a trace for people (text) or programs (JSON).

>>> from cleaner.document import Verdict
>>> trace = [Verdict(1, "keep", "", "", "", "Title"),
...          Verdict(2, "drop", "ads/advertisement-label", "ads", "classify", "Advertisement")]
>>> print(explain_text(trace, "story.txt"))
story.txt:2: ads/advertisement-label (ads): Advertisement
>>> explain_json(trace, "story.txt")["dropped"][0]["rule"]
'ads/advertisement-label'
"""
from __future__ import annotations

from collections import Counter

from .document import Verdict
from .text import fold_spaces


def explain_text(trace, name: str = "-", counts: dict | None = None) -> str:
    """One line per line a rule removed: ``name:number: rule (category): text``; a line a
    debris rule blanked (it still separates paragraphs) says ``[blank]`` after the category.
    ``counts`` gives, per rule of exact lines, how many documents held each line when it was
    learned.

    >>> print(explain_text([Verdict(4, "blank", "debris/html-tags", "debris", "classify", "</div>")]))
    -:4: debris/html-tags (debris) [blank]: </div>
    >>> print(explain_text([Verdict(3, "drop", "site/example-com", "site", "classify", "Menu")], "a.txt",
    ...                    {"site/example-com": {"Menu": 40}}))
    a.txt:3: site/example-com (site, on 40 documents): Menu
    """
    counts = counts or {}

    def why(v: Verdict) -> str:
        seen = counts.get(v.rule, {}).get(fold_spaces(v.text.strip()))
        detail = f", on {seen} documents" if seen else ""
        return f"{v.rule} ({v.category}{detail}){' [blank]' if not v.dropped else ''}"

    return "\n".join(f"{name}:{v.number}: {why(v)}: {v.text}" for v in trace if v.removed)


def explain_json(trace, name: str = "-") -> dict:
    """The dropped lines of one document, the lines a rule blanked, and how many lines
    each rule removed (both)."""
    dropped = [v.as_dict() for v in trace if v.dropped]
    blanked = [v.as_dict() for v in trace if v.removed and not v.dropped]
    return {
        "file": name,
        "lines": len(trace),
        "dropped": dropped,
        "blanked": blanked,
        "rules": dict(Counter(v["rule"] for v in dropped + blanked)),
    }


def annotate(text: str, result) -> list[dict]:
    """The lines a rule removed from ``result`` (cleaned from ``text``: dropped, or blanked
    by a debris rule) with their character span in ``text``, so that a later step can
    audit or undo the cleaning.

    >>> from cleaner import Cleaner
    >>> raw = "Title of the story\\nAdvertisement\\nBody.\\n"
    >>> annotate(raw, Cleaner().run(raw))
    [{'line': 2, 'action': 'drop', 'rule': 'ads/advertisement-label', 'category': 'ads', 'start': 19, 'end': 32}]
    """
    from .normalize import raw_line_spans

    spans = raw_line_spans(text)
    rows = []
    for verdict, origin in zip(result.trace, result.origins):
        if verdict.removed:
            start, end = spans[origin]
            rows.append({"line": verdict.number, "action": verdict.action, "rule": verdict.rule,
                         "category": verdict.category, "start": start, "end": end})
    return rows


def summarize(trace: list[Verdict] | tuple[Verdict, ...]) -> str:
    """A one-line count of dropped lines by category, e.g. ``3 lines: ads 1, share 2``."""
    counts = Counter(v.category for v in trace if v.dropped)
    total = sum(counts.values())
    detail = ", ".join(f"{cat} {n}" for cat, n in sorted(counts.items()))
    return f"{total} line{'s' if total != 1 else ''}" + (f": {detail}" if detail else "")
