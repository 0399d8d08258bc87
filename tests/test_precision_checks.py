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


def test_auto_mode_knows_a_page_by_the_menus_at_its_top():
    """A page whose long comment thread makes most lines long still opens with its
    <title> and menus; an article with as many long lines opens with its paragraphs."""
    from cleaner.kinds.page import looks_like_page

    menus = ["Harbour news - Town Daily"] + ["Home", "News", "Sport", "Local", "Weather", "Opinion"] * 5
    thread = [f"Comment {k}: I take this ferry every day and the new timetable will make my mornings far easier."
              for k in range(60)]
    article = [f"Paragraph {k} of the story says what the harbour authority decided and why it matters here."
               for k in range(31)]
    assert looks_like_page(Document.from_lines(menus + thread), strict=True)
    assert not looks_like_page(Document.from_lines(article + ["Home", "News", "Sport"] * 10 + thread), strict=True)
