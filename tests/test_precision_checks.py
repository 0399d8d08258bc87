"""Context checks keep article text when their second piece of evidence is missing."""
from cleaner.stages import classify, revise
from cleaner.document import DROP, Document
from cleaner.rules import load_rules

RULES = load_rules()


def clean(lines: list[str], dropped_first: bool = False) -> list[tuple[str, str]]:
    doc = Document.from_lines(lines)
    classify(doc, RULES)
    if dropped_first:  # as page mode drops a title printed above the article region
        doc.lines[0].decide(DROP, "page/outside-article", "page", "revise")
    revise(doc, RULES)
    return [(line.action, line.rule) for line in doc.lines]


def test_a_copy_of_a_dropped_line_is_not_a_duplicate():
    title = "Harbour authority backs the new ferry timetable"
    body = "The harbour authority said on Monday that the ferries would run every twenty minutes from May."
    actions = clean([title, "", title, "", body], dropped_first=True)
    assert actions[2] == ("keep", "")  # the headline stays once


def test_a_copy_of_a_kept_line_is_a_duplicate():
    title = "Harbour authority backs the new ferry timetable"
    body = "The harbour authority said on Monday that the ferries would run every twenty minutes from May."
    actions = clean([title, "", title, "", body])
    assert actions[2] == ("drop", "duplicates/repeated-paragraph")
