"""The guard contract, for every kind: a guarded line (a byline, a date) inside what the
kind drops is kept if the kind declares ``guarded``, and dropped if it does not.

Each document is cleaned twice with only the kind's test rule: without the guard rules
(the line must then go, which shows it lies inside what the kind drops) and with them."""
from __future__ import annotations

import pytest

from cleaner.stages import classify, revise
from cleaner.document import KEEP, Document
from cleaner.kinds import KINDS
from cleaner.rules import load_rules, parse_rule

PROSE = [
    "The council approved the budget on Monday after a long debate about the state of the schools.",
    "The mayor said the plan would be paid for by savings and by a small rise in fees next year.",
    "Opposition members said the rise would fall hardest on families who already pay the most.",
    "The budget also sets aside money for road repairs that were put off during the winter storms.",
]
MENU = ["Home", "News", "Local", "Sport", "Business", "Weather", "Opinion", "Culture", "Travel", "Food",
        "Video", "Podcasts"]
FOOTER = ["Most read", "Storm closes coastal road", "Ferry fares to rise in spring", "About us", "Contact",
          "Careers", "Advertise", "Privacy", "Terms", "Archive", "Sitemap", "Help"]

# kind -> (the rule's patterns and params, the document, the guarded line)
CASES = {
    "line": (["by ann lee"], {}, ["Budget passes", "By Ann Lee", *PROSE], "By Ann Lee"),
    "contains": (["ann lee"], {}, ["Budget passes", "By Ann Lee", *PROSE], "By Ann Lee"),
    "debris": (["by ann lee"], {}, ["Budget passes", "By Ann Lee", *PROSE], "By Ann Lee"),
    "page": ([], {}, ["Council approves budget for schools - Town News", *MENU, "Council approves budget for schools",
                      *PROSE, *FOOTER, "By Ann Lee"], "By Ann Lee"),
    "head": ([], {}, ["Town News", "By Ann Lee", "Council approves budget for schools", *PROSE], "By Ann Lee"),
    "run": (["home|news"], {}, [*PROSE, "", "Home", "News", "Sport", "Weather", "Travel", "Von Anna", "Food", "Video", "Opinion",
                     "Culture", "Books", ""], "Von Anna"),
    "teaser": ([r"- ", r"\d{4}-\d\d-\d\d "], {}, [*PROSE, "", "Most Read", "- Storm Closes Coastal Road Again",
                                                  "- Ferry Fares Rise In Spring", "2024-05-01 Mayor Opens New Library Today",
                                                  "- Council Budget Passes After Late Vote"],
               "2024-05-01 Mayor Opens New Library Today"),
    "span": (["related articles"], {}, [*PROSE, "Related articles", "Storm closes coastal road", "By Ann Lee",
                                        "Ferry fares to rise"], "By Ann Lee"),
    "zone": (["comments"], {}, [*PROSE, "Comments", "By Ann Lee", "Great story."], "By Ann Lee"),
    "quote": (["click to tweet"], {}, [PROSE[0], "By Ann Lee Smith Jones", PROSE[1],
                                       "By Ann Lee Smith Jones Click To Tweet", PROSE[2]],
              "By Ann Lee Smith Jones Click To Tweet"),
    "slides": ([r"\d+/\d+"], {}, [PROSE[0], "1/5 The harbour at dawn seen from above", "2/5 The harbour at noon seen from the pier",
                                  "3/5/24 the harbour at dusk seen from the hill", "4/5 The harbour at night seen from a boat",
                                  "5/5 The harbour in the rain seen from the quay"], "3/5/24 the harbour at dusk seen from the hill"),
    "inline": (["by ann lee"], {}, [PROSE[0], "By Ann Lee", PROSE[1]], "By Ann Lee"),
    "duplicate": ([], {}, ["By Ann Lee and Tom Park", *PROSE, "By Ann Lee and Tom Park"], "By Ann Lee and Tom Park"),
}
GUARDS = tuple(rule for rule in load_rules() if rule.kind == "guard")


def _test_rule(kind: str, patterns: list[str], params: dict):
    data = {"id": f"test-{kind}", "category": "navigation", "kind": kind, "summary": "a test rule",
            "patterns": patterns, "params": params}
    return parse_rule(f"rules/navigation/test-{kind}.toml", data, "navigation")


def _kept(kind: str, guarded: bool) -> bool:
    """Is the guarded line of the kind's case kept (its last copy: a duplicate is the later one)?"""
    patterns, params, texts, line = CASES[kind]
    rules = (GUARDS if guarded else ()) + (_test_rule(kind, patterns, params),)
    doc = Document.from_lines(texts)
    classify(doc, rules)
    revise(doc, rules, "page" if KINDS[kind].page_only else "article")
    last = max(i for i, text in enumerate(texts) if text == line)
    return doc.lines[last].action == KEEP


def test_every_kind_that_drops_has_a_case():
    assert sorted(CASES) == sorted(name for name, kind in KINDS.items() if kind.drops)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_the_guarded_line_lies_inside_what_the_kind_drops(kind):
    assert not _kept(kind, guarded=False), f"{kind}: the case's line is not dropped even without guards"


@pytest.mark.parametrize("kind", sorted(CASES))
def test_the_kind_keeps_its_guard_contract(kind):
    patterns, params, texts, line = CASES[kind]
    doc = Document.from_lines([line])
    classify(doc, GUARDS)
    assert doc.lines[0].guarded, f"{kind}: the guard rules do not guard {line!r}"
    assert _kept(kind, guarded=True) == KINDS[kind].guarded, (
        f"{kind} declares guarded={KINDS[kind].guarded}, but the guarded line was "
        + ("kept" if _kept(kind, guarded=True) else "dropped"))
