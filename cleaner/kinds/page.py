"""Page mode: find the article inside a full-page text dump (menus, teasers, footers around it).

The article is the stretch of the page where prose is densest. Each non-blank line gets a
weight: prose (``prose_words`` words or more) and short sentences count their words; other
lines cost ``line_cost``. The headline is the first line that repeats the page title (a
dump starts with the HTML ``<title>``, "Headline - Site") with prose soon below it; the body
is the best-sum stretch from there (or, without a headline, the maximum-sum stretch
anywhere), moved past a table or a fact box (venue, hours, prices) right below it, then
widened when in doubt: over a label or two between paragraphs, over the list items right
next to it and over a list a line ending in ':' introduces (see :func:`_widen`).
Between headline and body, bylines, datelines and standfirsts stay. Outside, every line
that is not sentence prose is dropped.

Precision first: a line inside the body is never dropped by this rule, prose outside it is
left to the other rules, and a page with no prose at all is left alone.

>>> from cleaner.stages import classify
>>> from cleaner.document import Document
>>> from cleaner.rules import load_rules
>>> page = ["Budget passes - Town News", "Home", "News", "Sport", "Budget passes",
...         "By Ann Lee", "The council approved the budget on Monday after a long debate about schools.",
...         "The mayor said the plan would be paid for by savings and by a small rise in fees.",
...         "About us", "Contact", "© 2024 Town News"]
>>> doc = Document.from_lines(page)
>>> classify(doc, load_rules())  # guards mark the byline
>>> outside = article_bounds(doc.lines, PageKind().defaults())
>>> [doc.lines[i].text for i in range(len(page)) if i not in outside]
['Budget passes', 'By Ann Lee', 'The council approved the budget on Monday after a long debate about schools.', 'The mayor said the plan would be paid for by savings and by a small rise in fees.']
"""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..cache import compile_pattern
from ..document import DROP, Line
from ..text import (DATA_CHARS, DIGIT, TITLE_MAX_WORDS, TITLE_MIN_CHARS, ends_sentence, fold, is_headline_like,
                    is_prose, is_title_like, nearly_repeats_title, repeats_title, word_count, words)
from .base import Param, ReviseKind

if TYPE_CHECKING:
    from collections.abc import Mapping

    from ..document import Document
    from ..rules import Rule


class PageKind(ReviseKind):
    name = "page"
    summary = ("page mode only: every non-prose line outside the article region of a full-page dump (the "
               "stretch where prose is densest, from the headline that repeats the page title)")
    needs_patterns = False
    reads_patterns = False
    page_only = True
    params = {
        "prose_words": Param(12, "the fewest words of a line of prose"),
        "min_body_words": Param(30, "the fewest words of prose the article's stretch holds for the page to be cut "
                                    "around it (fewer: a recipe, a song's lyrics, a product's sheet, whose text is "
                                    "lists and labels; the page is left to the other rules)"),
        "line_cost": Param(10, "what a line that is not prose costs the stretch that holds it"),
        "window": Param(25, "how many rows from the article a headline or a lone paragraph may stand"),
        "dropped_cost": Param(2, "what a line a rule dropped inside the article (an ad label, a caption) costs"),
        "max_gap": Param(2, "the label rows the article may hold between two of its prose lines"),
        "card_min_run": Param(3, "the fewest teaser cards in a row (headline, date or byline, summary) that are no article"),
        "card_headline_min_words": Param(5, "the shortest teaser card headline (in words)"),
        "card_headline_max_words": Param(20, "the longest teaser card headline (in words)"),
        "card_meta_rows": Param(2, "the most short lines (a date, a byline) between a card's headline and its summary"),
        "card_meta_words": Param(8, "the longest of those lines (in words)"),
        "byline_rows": Param(3, "the rows after the body (or above the headline) where a guarded line still belongs "
                                "to the article"),
        "max_table_rows": Param(100, "the most rows of a table or list right below the body that the body takes in"),
        "table_min_rows": Param(3, "the fewest data rows of a table under its own heading below the story's last "
                                   "sentence that the body takes in"),
        "box_max_rows": Param(20, "the most rows of a fact box (venue, hours, prices) below the body"),
        "box_digit_share": Param(0.4, "the share of a fact box's rows that hold a number"),
        "box_headline_min_words": Param(9, "the shortest headline (in words) that shows a list below the body is no "
                                           "fact box"),
        "box_headline_max_words": Param(20, "the longest such headline (in words)"),
        "clearly_more": Param(2, "how many times the words of sentences below the first copy of the title a later "
                                 "copy needs below it to be the headline instead"),
        "flat_words": Param(30, "the most words of a line without punctuation that still counts as prose (longer: "
                                "a list flattened into a line, a tag cloud)"),
        "list_item_words": Param(8, "the most words of an item of a list a line ending in ':' introduces, for "
                                    "the list to cost the article nothing"),
        "numbered_min_run": Param(4, "the fewest numbered section labels ('Step 1', 'Step 2', ...) with a sentence "
                                     "between each two that cost the article nothing"),
        "entry_rows": Param(6, "the most rows of a live blog's entry between two time stamps"),
        "header_rows": Param(3, "the rows above the body in which its headline (sharing words with the title) is "
                                "looked for"),
        "header_block_rows": Param(12, "the rows above the body in which a headline with a byline or date under it is "
                                       "looked for, when the <title> is no help"),
    }

    def check(self, doc: Document, rule: Rule, matching: frozenset[int]) -> None:
        """Drop what lies outside the article region (see :func:`article_bounds`)."""
        for i in article_bounds(doc.lines, rule.params):
            if doc.lines[i].is_kept:
                doc.lines[i].drop(rule)


_PAGE = "page"


def _ruled(line: Line) -> bool:
    """A rule dropped the line."""
    return line.action == DROP


def _ruled_else(line: Line) -> bool:
    """Another rule dropped the line (not this one, in an earlier round)."""
    return line.action == DROP and line.category != _PAGE


def article_bounds(lines: list[Line], p: Mapping) -> set[int]:
    """Indexes of the lines outside the article (empty: leave the document alone); ``p``
    holds the page kind's parameters (a rule's ``params``)."""
    prose_words, line_cost, window = p["prose_words"], p["line_cost"], p["window"]
    rows = [i for i, line in enumerate(lines) if not line.is_blank]
    weights = [_weight(lines[i], prose_words, line_cost, p["dropped_cost"], p["flat_words"]) for i in rows]
    _neutral_structure(lines, rows, weights, p)
    _headline_runs(lines, rows, weights, p)
    cards = _teaser_cards(lines, rows, weights, p)
    for k in cards:  # a teaser's summary is no article prose
        weights[k] = min(weights[k], -line_cost)
    # a dump starts with the <title> (a paragraph of prose there is no title)
    title = lines[rows[0]].key if rows and not _is_sentence_prose(lines[rows[0]], prose_words) else ""
    site = _site_names(lines[rows[0]].text) if rows else set()  # (a part of the title no line anchors on)
    story = _story_part(lines[rows[0]].text, site) if title else ""
    anchor = _title_anchor(lines, rows, weights, window, title, site, story, p["clearly_more"])
    if anchor is not None and _begins_with_headline(lines, rows, weights, anchor):
        anchor = 0  # the title is the headline, the article right below it (a page already cut)
    body = _densest_from(weights, anchor) if anchor is not None else _densest(weights)
    densest = _densest(weights)
    if anchor is not None and densest is not None and body is not None and densest[1] < anchor \
            and sum(weights[densest[0] : densest[1] + 1]) > sum(weights[body[0] : body[1] + 1]) \
            and _sentence_words(lines, rows, densest) > _sentence_words(lines, rows, body):
        # the title repeated below a denser body: a sidebar or related link, not the headline
        # (denser in sentences: a sidebar's long lists of categories and archive months
        # are long lines, but no sentences)
        anchor, body = None, densest
    elif anchor is not None and densest is not None and densest[0] < anchor < densest[1] \
            and _late_copy(lines, rows, densest, anchor, repeats_title(lines[rows[anchor]].text, title, prefix=True),
                           p["clearly_more"]):
        # a line that nearly repeats the title (a word changed) inside the article, more of
        # its prose above than below: a late subheading ("Conclusion: X or Y?"), not the
        # headline; an exact copy with clearly more above: a menu's or a related link's copy
        anchor, body = None, densest
    if body is None:
        return set()
    end = _fact_box_after(lines, rows, _table_after(lines, rows, body[1], p["max_table_rows"]), cards, p)  # (its last row)
    table = _more_parts(lines, rows, end, p["max_table_rows"], p["table_min_rows"]) \
        if end == body[1] and _ends_sentence(lines[rows[end]].text) else end  # (a table under its heading)
    begin, end = _widen(lines, rows, weights, cards, body[0], end, anchor, p["max_gap"])
    if table > end:  # (widened from the story's end, the article may reach further: a list its line introduces)
        end = max(end, _widen(lines, rows, weights, cards, body[0], table, anchor, p["max_gap"])[1])
    if sum(w for w in weights[max(0, begin - window) : end + 1 + window] if w > 0) < p["min_body_words"]:
        return set()  # too little prose to tell the article from the page: when in doubt, keep
    first, last = rows[begin], rows[end]
    headline = rows[anchor] if anchor is not None else _headline(lines, rows, begin, window, title, site)
    if headline is None and rows and rows[0] < first and (_begins_with_headline(lines, rows, weights, begin)
                                                          or _headed(lines, rows, weights, p["header_rows"])):
        headline = rows[0]  # the page begins with its headline (a page already cut)
    if headline is None:  # no line repeats the title: the headline is the line right above the body
        first = _header_above(lines, rows, begin, p["header_rows"])
        if first == rows[begin]:  # (or higher, above the byline block of a page without a <title>)
            first = _bylined_headline(lines, rows, weights, begin, p["header_block_rows"])
    start = headline if headline is not None else first
    # Outside the body only what is not prose goes: a paragraph split off by a large block
    # (a gallery, a video) stays, and the other rules judge it like any line.
    outside = {i for i in rows if (i < start or i > last) and not _is_sentence_prose(lines[i], prose_words)}
    outside |= _far_lone_prose(lines, rows, weights, start, last, window)
    outside |= {rows[k] for k in cards if rows[k] < start or rows[k] > last}
    authors = _author_names(lines, rows, start, first)
    outside -= _author_bio(lines, rows, _bylined_names(lines, rows, start, p["header_block_rows"], prose_words), last, window)
    for i in rows:  # between headline and body: bylines, dates, standfirsts stay; labels go
        if (start < i < first and not lines[i].guarded and lines[i].words <= 2 and i not in authors
                and not DATA_CHARS.search(lines[i].text)):  # (a line of code or data is no label)
            outside.add(i)
    byline_rows = p["byline_rows"]
    outside -= {i for i in rows[end + 1 : end + 1 + byline_rows] if lines[i].guarded}  # a byline at the end
    if headline is not None:
        outside -= _dated_above(lines, rows, rows.index(headline), byline_rows)
    if end > body[1]:  # the body holds a table: its notes stay with it
        outside -= _table_notes(lines, rows, end)
    if headline is None and rows and is_title_like(lines[rows[0]]) and rows[0] < first:
        outside.discard(rows[0])  # no headline found near the body: the page title stands in
    # a data article (standings, results, a forecast): the title's repeat with a table under it
    outside -= _data_under_headline(lines, rows, title, site, cards, p["header_rows"], p["max_table_rows"])
    return outside


def _late_copy(lines: list[Line], rows: list[int], densest: tuple[int, int], anchor: int, exact: bool,
               clearly_more: float) -> bool:
    """The ``anchor`` inside the densest stretch is a late copy of the title, not the
    headline: the stretch holds more words of sentences above it than below (a near copy,
    a late subheading), or ``clearly_more`` times more (an exact copy: the guide's topic
    in a menu at its end, met again when its cut output is read a second time).

    >>> story = Line(0, "A worker who pays 100 euros a month gets 40 euros more from the employer, she said.")
    >>> lines = [story, story, story, Line(3, "Company pensions"), Line(4, "We test every offer ourselves.")]
    >>> rows = list(range(5))
    >>> _late_copy(lines, rows, (0, 4), 3, True, 2)  # (the guide above it, a footer's line below)
    True
    >>> _late_copy([lines[3], story, story], rows[:3], (0, 2), 0, True, 2)  # (the headline over its story)
    False
    """
    above = _sentence_words(lines, rows, (densest[0], anchor - 1))
    below = _sentence_words(lines, rows, (anchor + 1, densest[1]))
    return above > (clearly_more * below if exact else below)


_LIST_ITEM = compile_pattern(r"^(?:[-–•*·▪►+]|\d{1,2}[.)])\s")
_TRUNCATED = compile_pattern(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])['\"’”»)]?$")  # a teaser's cut summary
_END_CATEGORIES = ("related", "footer", "comments")  # a rule's drop of these ends the article


# a turn of a dialogue: a speaker's name (three words at most, or 'Q' / 'A') and a colon
_TURN = compile_pattern(r"^([^\W\d_][\w.\x27’-]*(?: [^\W\d_][\w.\x27’-]*){0,2})\s*+[:：]\s")


def _speaker(text: str) -> str:
    """The speaker's name a dialogue's turn starts with, or ''.

    >>> _speaker("KATHY: So special!"), _speaker("Terry Gross: Hi."), _speaker("so: what now")
    ('KATHY', 'Terry Gross', '')
    """
    found = _TURN.match(text)
    return found.group(1) if found and found.group(1)[0].isupper() else ""


_DIALOGUE_SWITCHES = 3  # the fewest changes of speaker from a turn to the next that make a dialogue


def _speakers(lines: list[Line], rows: list[int], begin: int, end: int) -> set[str]:
    """The speakers of a dialogue the body is: names that open two turns or more in it, when
    a third of its rows or more are turns and the speaker changes from a turn to the next
    three times or more (a transcript, an interview in 'Q:' / 'A:' turns). Labels with a
    colon ('Kaufratgeber: ...', 'Rate This: 0 0', 'Pingback: ...') recur on a page too, but
    among other lines and seldom one right after another of another name.

    >>> from cleaner.document import Document
    >>> lines = Document.from_lines(["A: Yes.", "Q: Why?", "A: Because.", "Q: Sure?"]).lines
    >>> sorted(_speakers(lines, [0, 1, 2, 3], 0, 3))
    ['A', 'Q']
    >>> lines = Document.from_lines(["DIY: Mouse", "Cats love it.", "DIY: Rod", "Guide: Posts"]).lines
    >>> _speakers(lines, [0, 1, 2, 3], 0, 3)
    set()
    """
    counts: dict[str, int] = {}
    switches, last, turns = 0, "", 0
    for k in range(begin, end + 1):
        name = _speaker(lines[rows[k]].text)
        if name:
            counts[name] = counts.get(name, 0) + 1
            turns += 1
            switches += bool(last) and name != last
        last = name
    names = {name for name, count in counts.items() if count >= 2}
    dialogue = len(names) >= 2 and switches >= _DIALOGUE_SWITCHES and 3 * turns >= end - begin + 1
    return names if dialogue else set()


def _widen(lines: list[Line], rows: list[int], weights: list[int], cards: set[int], begin: int, end: int,
           anchor: int | None, max_gap: int) -> tuple[int, int]:
    """The body's first and last rows, widened when in doubt. Forward: over up to
    ``max_gap`` label rows, when article prose follows them (a subheading, a "Learn more"
    link between paragraphs); over the list items right below it (bulleted or numbered
    lines of three words or more); over a list a line ending in ':' introduces. Backward
    the same, up to the headline. A teaser card, or a line a rule dropped as related links,
    footer or comments (the end of the article), stops the widening. In a dialogue (the body
    holds the turns of two speakers or more), a short turn of one of its speakers ('KATHY:
    Yeah!') is the article's, as its prose is."""
    speakers = _speakers(lines, rows, begin, end)

    def kind(k: int) -> str:
        line = lines[rows[k]]
        if k in cards or (_ruled_else(line) and line.category in _END_CATEGORIES):
            return "stop"
        if _ruled_else(line):
            return "skip"
        if speakers and _speaker(line.text) in speakers:
            return "prose"
        if (weights[k] > 0 or (line.category == _PAGE and line.words >= 4)) and _ends_sentence(line.text) and not _TRUNCATED.search(line.text):
            return "prose"
        if line.words >= 3 and _LIST_ITEM.match(line.text):
            return "item"
        return "label"

    def reach(k: int, step: int, limit: int) -> int:
        """The last row (from k, going by step) the article reaches."""
        last, gap, listing = k, 0, ""
        k += step
        while (k < limit) if step > 0 else (k > limit):
            what = kind(k)
            if what == "stop":
                break
            if what != "skip":
                # (going forward) the items of a list a line ending in ':' introduced: the
                # adjacent lines below it, no blank line between them
                # (one blank line may stand between the intro and its first item)
                in_list = listing and what == "label" and rows[k] <= rows[k - 1] + 1 + (listing == "intro")
                intro = step > 0 and lines[rows[k]].text.endswith((":", "："))
                if what == "prose" or (what == "item" and gap == 0):
                    last, gap = k, 0
                elif what == "label" and not in_list and not intro:
                    if gap >= max_gap:
                        break
                    gap += 1
                listing = "intro" if intro else "item" if in_list else ""
            k += step
        return last

    end = reach(end, 1, len(rows))
    begin = reach(begin, -1, anchor if anchor is not None else -1)
    return begin, end


_TOP_ROWS, _TOP_SHARE = 30, 0.8  # a page's top: its <title>, then menus


def looks_like_page(doc, strict: bool = True) -> bool:
    """A full-page dump rather than an article: many non-blank lines, many of them short
    labels (menus, link lists). ``strict`` (for ``--mode auto``): 60 lines, half of them
    short or 80% of the first 30 (a page whose comments make most lines long still opens
    with its menus; an article's first lines are its headline and paragraphs); otherwise
    (``--mode page``) 30 lines, 40% short, so that the article page mode returns is not
    cut again when cleaned a second time."""
    rows = [line for line in doc.lines if not line.is_blank]
    min_rows, share = (60, 0.5) if strict else (30, 0.4)
    if len(rows) < min_rows:
        return False
    if sum(1 for line in rows if line.words <= 4) >= share * len(rows):
        return True
    top = rows[:_TOP_ROWS]
    return strict and sum(1 for line in top if line.words <= 4) >= _TOP_SHARE * len(top)


def _teaser_cards(lines: list[Line], rows: list[int], weights: list[int], p: Mapping) -> set[int]:
    """The rows (positions in ``rows``) of runs of teaser cards: ``card_min_run`` or more in a row,
    each a headline, one or two short lines of which one is a date or byline, and a
    one-paragraph summary, the next card's headline right below it. Each summary is
    prose, so a stream of cards would otherwise read as article text. (A headline and a
    paragraph alone, repeated, is how listicles and deal roundups are written: no date,
    no card.)"""
    meta_rows, meta_words = p["card_meta_rows"], p["card_meta_words"]
    headline_words = p["card_headline_min_words"], p["card_headline_max_words"]

    def card_at(k: int) -> int | None:
        """The row after the card that starts at row k, or None if no card starts there."""
        if not _is_card_headline(lines[rows[k]], headline_words):
            return None
        dated = False
        for j in range(k + 1, min(k + 2 + meta_rows, len(rows))):
            if weights[j] > 0:
                after = j + 1
                one_paragraph = after == len(rows) or weights[after] <= 0 or _is_card_headline(lines[rows[after]], headline_words)
                return after if dated and one_paragraph else None
            meta = lines[rows[j]]
            if _ruled(meta) or not (meta.guarded or (meta.words <= meta_words
                                                              and not _ends_sentence(meta.text))):
                return None
            dated = dated or meta.guarded
        return None

    found: set[int] = set()
    k = 0
    while k < len(rows):
        run, end = [], k
        while end < len(rows) and (after := card_at(end)) is not None:
            run.append(range(end, after))
            end = after
        if len(run) >= p["card_min_run"]:
            found.update(j for card in run for j in card)
        k = end if run else k + 1
    return found


def _is_card_headline(line: Line, words: tuple[int, int]) -> bool:
    """A teaser card's headline: ``words`` (low, high) words, no sentence end, kept and not guarded."""
    low, high = words
    return (not _ruled(line) and not line.guarded and low <= line.words <= high
            and not _ends_sentence(line.text))


def _headline_runs(lines: list[Line], rows: list[int], weights: list[int], p: Mapping) -> None:
    """Long lines without a sentence end (of a headline's length), three or more in a row,
    each a paragraph of its own (blank lines around it), are a list of other stories' headlines ('Flights:
    Passengers can fly for up to 80 percent less by travelling on this day'), not
    paragraphs: they weigh as labels. One such line alone is a long headline or a
    paragraph that lost its period; lines with no blank line between them are a
    paragraph wrapped by hand."""
    def alone(k: int) -> bool:
        return ((k == 0 or rows[k - 1] < rows[k] - 1)
                and (k + 1 == len(rows) or rows[k + 1] > rows[k] + 1))

    run: list[int] = []
    for k in range(len(rows) + 1):
        if (k < len(rows) and weights[k] > 0 and lines[rows[k]].words <= TITLE_MAX_WORDS
                and not _ends_sentence(lines[rows[k]].text) and alone(k)):
            run.append(k)
            continue
        if len(run) >= 3:
            for j in run:
                weights[j] = -p["line_cost"]
        run = []


def _far_lone_prose(lines: list[Line], rows: list[int], weights: list[int], start: int, last: int,
                    window: int) -> set[int]:
    """Prose lines more than ``window`` rows away from the article with no prose line next to
    them: the one-sentence summaries of teasers. A part of the article split off by a large
    block comes as paragraphs in a row, and stays."""
    far = set()
    for k, i in enumerate(rows):
        if weights[k] <= 0 or start - window <= i <= last + window:
            continue
        before = weights[k - 1] if k > 0 else 0
        after = weights[k + 1] if k + 1 < len(rows) else 0
        if before <= 0 and after <= 0:
            far.add(i)
    return far


def _ends_sentence(text: str) -> bool:
    """A sentence ends here, a question too, with a smiley after the mark ("See you soon! 🙂"),
    or a sentence of a script with its own marks (the Arabic question mark, the Devanagari
    danda, the Urdu, Armenian, Ethiopic and Myanmar full stops).

    >>> _ends_sentence("Who won?"), _ends_sentence("ما هو أكبر خليج في العالم؟"), _ends_sentence("यह सच है।")
    (True, True, True)
    """
    return ends_sentence(text, question=True, emoji=True) or text.rstrip(_SCRIPT_CLOSERS)[-1:] in _SCRIPT_ENDS


_SCRIPT_ENDS = "؟।॥۔։።။"
_SCRIPT_CLOSERS = " \"'”’»)]"


def _is_sentence_prose(line: Line, prose_words: int) -> bool:
    """(``rows`` hold no blank line: a line no rule dropped is kept; a guarded line counts.)"""
    return is_prose(line, prose_words, guarded=True, sentence=True)


# (a paragraph holds a mark of these; scripts written without them are not judged so)
_PUNCTUATION = compile_pattern(r"[.,;:!?…–—\"“”„«»'’。，、；：！？।॥،؛؟۔።፣]")
_UNPUNCTUATED_SCRIPTS = compile_pattern(r"[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff]")


def _weight(line: Line, prose_words: int, line_cost: int, dropped_cost: int, flat_words: int) -> int:
    """Prose and short sentences count their words; a line a rule dropped costs a little;
    any other line (a label, a link, a teaser headline) costs ``line_cost``. A line of more
    than ``flat_words`` words without a single punctuation mark counts nothing: a list
    flattened into one line (a tag cloud, an archive's months, a category menu), which
    would otherwise outweigh a short article; a paragraph that long holds a comma or a
    period, a headline (shorter) need not. A short line cut with an ellipsis ("Use 3D
    tracking data along with the...") is a teaser's summary, not a short sentence, and a
    long line in Title Case without a sentence end is a teaser's headline, not a paragraph.

    >>> cloud = Line(0, " ".join(["Travel Food Garden Books Music"] * 8))
    >>> _weight(cloud, 12, 10, 2, 30), _weight(Line(1, cloud.text + "."), 12, 10, 2, 30)
    (0, 40)
    >>> _weight(Line(2, "Build a particle system using the..."), 12, 10, 2, 30)
    -10
    """
    if _ruled(line):
        return -dropped_cost
    if line.words >= prose_words:
        flat = (line.words > flat_words and not _PUNCTUATION.search(line.text)
                and not _UNPUNCTUATED_SCRIPTS.search(line.text))
        if flat:
            return 0
        if is_headline_like(line.text, 1.0):
            return -line_cost  # (a long headline in Title Case: a teaser, not a paragraph)
        return line.words
    if line.words >= 4 and _ends_sentence(line.text) and not _TRUNCATED.search(line.text):
        return line.words
    return -line_cost


_NUMBERED = compile_pattern(r"^(\D{0,12}?)(\d{1,3})(?:[.):]|\s|$)")


def _neutral_structure(lines: list[Line], rows: list[int], weights: list[int], p: Mapping) -> None:
    """Labels that structure an article cost it nothing (weight 0, not ``line_cost``), so
    that the stretch of the article reaches over them; each needs a second piece of
    evidence, shown by the prose around it:

    - the items of a list a line ending in ':' introduces ("What you need:", then the
      items), two or more, when the intro is a phrase (two words or more: "Tags:",
      "Topics:" head a site's labels), the items are short (``list_item_words`` words at
      most: things, not teaser headlines), none ends in a comma (a tag list: "Apple,"),
      the list stands right under its intro (one blank line may stand between; a line
      ending in ':' begins the next list), and a sentence follows within ``max_gap`` rows
      (the list stands inside the article, not at its end above the comments);
    - numbered section labels ("Step 1", "Step 2", ...; "1.", "2.", ...): ``numbered_min_run``
      or more with the same words before consecutive numbers, with a sentence between each
      two (a pager's numbers have none), no other number and no guard (a numbered
      comment's header holds a date).

    Prose still has to outweigh the rest: a list or labels alone make no article.

    >>> text = ["What you need:", "Pot", "Soil", "", "Step 1", "Fill the pot with soil.",
    ...         "Step 2", "Set the plant in it.", "Step 3", "Water it and wait.", "Step 4", "Keep it in the shade."]
    >>> lines = [Line(i, t) for i, t in enumerate(text)]
    >>> rows = [i for i, t in enumerate(text) if t]
    >>> weights = [_weight(lines[i], 12, 10, 2, 30) for i in rows]
    >>> _neutral_structure(lines, rows, weights, PageKind().defaults())
    >>> weights
    [-10, 0, 0, 0, 5, 0, 5, 0, 4, 0, 5]
    """
    item_words = p["list_item_words"]
    for k in range(len(rows) - 1):
        intro = lines[rows[k]]
        if _ruled(intro) or intro.words < 2 or not intro.text.endswith((":", "：")):
            continue
        items = []
        for j in range(k + 1, min(len(rows), k + 1 + p["max_table_rows"])):
            item = lines[rows[j]].text
            if _ruled(lines[rows[j]]) or rows[j] > rows[j - 1] + 1 + (j == k + 1) or item.endswith((":", "：")):
                break
            items.append(j)
        after = range(items[-1] + 1, min(len(rows), items[-1] + 2 + p["max_gap"])) if items else range(0)
        if (len(items) >= 2 and all(lines[rows[j]].words <= item_words and not lines[rows[j]].text.endswith(",")
                                    for j in items)
                and any(weights[j] > 0 and _ends_sentence(lines[rows[j]].text) for j in after)):
            for j in items:
                weights[j] = max(weights[j], 0)
    numbered = [(k, m) for k in range(len(rows)) if weights[k] < 0 and _is_plain_label(lines[rows[k]])
                and (m := _NUMBERED.match(lines[rows[k]].text)) and not DIGIT.search(lines[rows[k]].text[m.end():])]
    run: list[int] = []
    for (k, m), following in zip(numbered, numbered[1:] + [(None, None)]):
        run.append(k)
        joined = (following[0] is not None and following[1].group(1).casefold() == m.group(1).casefold()
                  and int(following[1].group(2)) == int(m.group(2)) + 1
                  and any(weights[j] > 0 and _ends_sentence(lines[rows[j]].text) for j in range(k + 1, following[0])))
        if not joined:
            if len(run) >= p["numbered_min_run"]:
                for j in run:
                    weights[j] = 0
            run = []
    _live_entries(lines, rows, weights, p)


# a live blog's time stamp: a clock time ('14:32', '2:15 PM', '10h30', '14.32 Uhr') or a
# match's minute ("45'", "90+3’"), alone or before a label of three words ("96' Fin du match")
_TIME_MARK = compile_pattern(r"(?i)^(?:\d{1,3}(?:\+\d{1,2})?\s?['’′]|\d{1,2}[:.h]\d{2}(?:\s?(?:[ap]\.?\s?m\.?|uhr))?)"
                             r"(?:\s+\S+){0,3}$")


def _live_entries(lines: list[Line], rows: list[int], weights: list[int], p: Mapping) -> None:
    """A live blog's entries cost the article nothing: ``numbered_min_run`` or more time
    stamps in a row (a clock time, a match's minute), each entry between two of them at
    most ``entry_rows`` rows long, no line a rule dropped among them, and more than half
    of the entries telling something in a sentence. The stamps and the short lines of
    its entries ("Substitution: Wadja for Hamel") weigh 0, so the article reaches over the
    whole blog. A sidebar's news ticker (stamps over headlines, no sentences), a video
    list's running times and a pager do not qualify.

    >>> text = ["88'", "Bard's volley ends up in the side netting.", "85'", "Substitution: Bard",
    ...         "81'", "Cornet's shot is blocked.", "80'", "A corner comes to nothing."]
    >>> lines = [Line(i, t) for i, t in enumerate(text)]
    >>> rows = list(range(len(text)))
    >>> weights = [_weight(lines[i], 12, 10, 2, 30) for i in rows]
    >>> _live_entries(lines, rows, weights, PageKind().defaults())
    >>> weights
    [0, 8, 0, 0, 0, 4, 0, 5]
    >>> ticker = ["14:10", "Storm closes schools across the region", "13:24", "Council backs new budget plan",
    ...           "12:21", "Police name driver in crash", "11:48", "Team signs striker on loan"]
    >>> lines = [Line(i, t) for i, t in enumerate(ticker)]
    >>> weights = [_weight(line, 12, 10, 2, 30) for line in lines]
    >>> _live_entries(lines, rows, weights, PageKind().defaults())
    >>> min(weights)
    -10
    """
    marks = [k for k in range(len(rows)) if not _ruled(lines[rows[k]]) and _TIME_MARK.match(lines[rows[k]].text)]
    runs: list[list[int]] = []
    for k in marks:
        entry = range(runs[-1][-1] + 1, k) if runs else range(0)
        if runs and len(entry) <= p["entry_rows"] and not any(_ruled(lines[rows[j]]) for j in entry):
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        entries = [range(a + 1, b) for a, b in zip(run, run[1:]) if b > a + 1]
        told = [e for e in entries if any(weights[j] > 0 and _ends_sentence(lines[rows[j]].text) for j in e)]
        if len(run) >= p["numbered_min_run"] and 2 * len(told) > len(entries):
            for j in range(run[0], run[-1] + 1):
                weights[j] = max(weights[j], 0)


_NAME_WORDS = r"(?:[^\W\d_][\w.\x27’-]*\s){1,2}[^\W\d_][\w.\x27’-]*"  # two or three words
_NAME = compile_pattern(f"^{_NAME_WORDS}$")


def _is_bare_name(text: str) -> bool:
    """Two or three capitalised words and nothing else: an author's name ('Tom Cheredar')."""
    return _NAME.match(text) is not None and all(word[0].isupper() for word in text.split())


def _author_names(lines: list[Line], rows: list[int], start: int, first: int) -> set[int]:
    """The lines between headline and body that are an author's bare name ('Tom Cheredar'
    under 'October 30, 2012 2:39 PM'): two or three capitalised words right next to a
    byline or date, or to such a name (a name printed twice, as text and as a link)."""
    names: set[int] = set()
    inside = [i for i in rows if start < i < first]
    for k, i in enumerate(inside):
        text = lines[i].text
        if lines[i].guarded or not _is_bare_name(text):
            continue
        near = [inside[j] for j in (k - 1, k + 1) if 0 <= j < len(inside)]
        if any(lines[j].guarded or j in names for j in near):
            names.add(i)
    return names


_BYLINE_NAME = compile_pattern(rf"^(?:by|von|por|par|di|door|av)\s+({_NAME_WORDS})")


def _bylined_names(lines: list[Line], rows: list[int], start: int, header_rows: int, prose_words: int) -> set[str]:
    """The authors' names in the article's header (the rows under its first row ``start``,
    up to ``header_rows``, above the first paragraph): the names of guarded bylines ('By
    Ann Lee, staff writer') and bare names beside a byline or date ('Ann Lee' over
    '1:39 PM ET').

    >>> text = ["Neon lights up the city", "Ann Lee", "1:39 PM ET", "The lights went on at dusk, as they have for a hundred years."]
    >>> sorted(_bylined_names([Line(i, t, guarded=i == 2) for i, t in enumerate(text)], [0, 1, 2, 3], 0, 6, 12))
    ['Ann Lee']
    """
    header: list[int] = []
    for i in rows:
        if i <= start:
            continue
        if len(header) == header_rows or _is_sentence_prose(lines[i], prose_words) and not lines[i].guarded:
            break
        header.append(i)
    names = set()
    for k, i in enumerate(header):
        text = lines[i].text.strip()
        if lines[i].guarded:
            if m := _BYLINE_NAME.match(text):
                names.add(m.group(1))
        elif _is_bare_name(text) and any(
                lines[header[j]].guarded for j in (k - 1, k + 1) if 0 <= j < len(header)):
            names.add(text)
    return {name for name in names if " " in name}


def _author_bio(lines: list[Line], rows: list[int], names: set[str], last: int, window: int) -> set[int]:
    """The author's bio under the article ('Ann Lee is the author of The Kitchen.'): within
    ``window`` rows after its last line, a sentence that starts with a name the byline
    printed above the body, and that name alone on the line right above it. A short
    sentence outside the body is otherwise a teaser's summary; the byline's name is the
    second piece of evidence.

    >>> text = ["Article ends here.", "About the author", "Ann Lee", "Ann Lee is the author of The Kitchen."]
    >>> sorted(_author_bio([Line(i, t) for i, t in enumerate(text)], [0, 1, 2, 3], {"Ann Lee"}, 0, 25))
    [2, 3]
    """
    bio: set[int] = set()
    if not names:
        return bio
    after = [i for i in rows if last < i <= last + window]
    for k, i in enumerate(after):
        text = lines[i].text.strip()
        name = next((n for n in names if text.startswith(n + " ")), None)
        if name is None or _ruled_else(lines[i]) or not _ends_sentence(text) or lines[i].words < 5:
            continue
        bio.add(i)
        if k > 0 and lines[after[k - 1]].text.strip() == name:
            bio.add(after[k - 1])
    return bio


def _is_plain_label(line: Line) -> bool:
    """A short line no rule dropped and no guard marked (a date, a byline: a comment's header)."""
    return not _ruled(line) and not line.guarded and line.words <= 8


def _dated_above(lines: list[Line], rows: list[int], head: int, byline_rows: int) -> set[int]:
    """The date (or byline: a guarded line) printed just above the headline, as blogs print
    the day's date over each post: within ``byline_rows`` rows above it, with nothing but
    bare labels (one or two words: "Print", "Text") or lines a rule dropped between them.
    A page's menus above the headline hold no date; a date at the top of the page, above
    the menus, is further away."""
    kept = set()
    for k in range(head - 1, max(head - 1 - byline_rows, -1), -1):
        line = lines[rows[k]]
        if line.guarded and not _ruled(line):
            kept.add(rows[k])
        elif not (_ruled(line) or line.words <= 2):
            break
    return kept


_FOOTNOTE = compile_pattern(r"[*†‡¹²³]")


def _table_notes(lines: list[Line], rows: list[int], end: int) -> set[int]:
    """The notes printed under a table the article holds: the rows right after it that
    start with a footnote mark ("* Only the top 12 race for the title."). They do not
    widen the article's reach (the window for lone prose is counted from the table)."""
    notes = set()
    for i in rows[end + 1 :]:
        if _ruled(lines[i]) or not _FOOTNOTE.match(lines[i].text):
            break
        notes.add(i)
    return notes


def _table_after(lines: list[Line], rows: list[int], end: int, max_rows: int) -> int:
    """The body's last row, moved past a table or list the article holds: the block of
    adjacent lines (no blank between them, but after its heading) right below the body,
    when the body's last line introduces it (ends with ':') or when most of its lines hold
    a number (standings, tour dates, prices), which menus and teaser lists rarely do; or
    when it stands right under the body (no blank line) and half its lines or more end in
    a comma: a sentence carried on over short lines (a letter's sign-off, a verse), which
    menus do not end in."""
    block: list[int] = []
    for k in range(end + 1, min(len(rows), end + 1 + max_rows)):
        # the block's own heading may stand apart ("Tour dates", a blank line, the dates)
        if _ruled(lines[rows[k]]) or (len(block) > 1 and rows[k] != rows[k - 1] + 1):
            break
        block.append(k)
    if not block:
        return end
    introduced = lines[rows[end]].text.endswith((":", "："))
    data = block[1:]  # (the first line may be the heading)
    numbered = len(data) >= 3 and sum(bool(DIGIT.search(lines[rows[k]].text)) for k in data) >= 0.8 * len(data)
    # a sentence carried on over short lines right under the body (a letter's sign-off,
    # a verse): the lines adjacent to it, most of them ending in a comma
    continued = (len(block) >= 2 and rows[block[0]] == rows[end] + 1
                 and sum(lines[rows[k]].text.endswith((",", "，", "、")) for k in block) >= 0.5 * len(block))
    if not (introduced or numbered or continued):
        return end
    return _more_parts(lines, rows, block[-1], max_rows) if numbered else block[-1]


def _more_parts(lines: list[Line], rows: list[int], end: int, max_rows: int, first_min: int = 2) -> int:
    """The last row of a table of several parts (results, then the next round's fixtures,
    then the standings) below row ``end``: each part (one or two heading rows, then data
    rows, see :func:`_data_row`, ``first_min`` or more for the first part and two for
    the next, with the short lines a data row ending in ':' introduces, the fixtures under
    'Sunday 12 May 14:30:', and a short subheading between two data rows, a match day's
    date) belongs to the table; the first part without data ends it. A row may stand one
    blank line from the next: some pages print every row as a paragraph.

    >>> page = ["Sparta - Vitesse 1-0", "Ajax - PSV 2-2", "", "Standings", "Club P Pts", "1 PSV 24 62",
    ...         "2 Ajax 24 43", "3 AZ 24 39", "Most read", "Storm closes the coastal road", "Ferry fares rise"]
    >>> lines = [Line(i, text) for i, text in enumerate(page)]
    >>> rows = [i for i, text in enumerate(page) if text]
    >>> rows[_more_parts(lines, rows, 1, 100)]
    7
    """
    def usable(k: int) -> bool:
        return k < len(rows) and not _ruled(lines[rows[k]]) and (k == end + 1 or rows[k] <= rows[k - 1] + 2)

    needed = first_min
    while True:
        k = end + 1
        for _ in range(2):  # (its heading, a row of column names)
            if usable(k) and not _data_row(lines[rows[k]].text):
                k += 1
        data, listing, last = 0, False, end
        while usable(k) and k - end <= max_rows:
            line = lines[rows[k]]
            if _data_row(line.text):
                listing = line.text.endswith((":", "："))  # ('Sunday 12 May 14:30:' over the fixtures)
                data += 1
            elif not (listing and line.words <= _LIST_WORDS) and not (
                    data and line.words <= _SUBHEAD_WORDS and usable(k + 1) and _data_row(lines[rows[k + 1]].text)):
                break
            last, k = k, k + 1
        if data < needed:
            return end
        end, needed = last, 2


_SUBHEAD_WORDS = 6  # the most words of a subheading between two rows of a table ('Saturday, 21 September')
_LIST_WORDS = 8  # the most words of an item a data row introduces
_NUMBER = compile_pattern(r"(?<![\w.])[+-]?\d[\d.,:'’/-]*%?(?![\w])")
# a year, a date, a clock time: no figure of a table ('Fees may rise in 2025', 'Issue 01/2022',
# 'Posted at 10:52')
_NO_DATA = compile_pattern(r"^(?:(?:1[89]|20)\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}[./-](?:1[89]|20)\d\d"
                           r"|(?:[01]?\d|2[0-3]):[0-5]\d)[.,:]?$")
_LETTER = compile_pattern(r"[^\W\d_]")
_KEY_VALUE = compile_pattern(r"^[^\s:][^:]{0,30}:\s+\S")
_KEY_VALUE_WORDS = 12


def _data_row(text: str) -> bool:
    """A row of a table of results, standings, prices or forecasts: two numbers or more
    (a score '2-2' is one), or a short line of five words at most that ends in a number
    ('Roma 21'), or a key and a value that holds a number ('RAM: 8 or 16GB'), and a word:
    a year, a date or a clock time is no figure (a teaser headline 'Fees may rise in 2025',
    a magazine's 'Issue 01/2022', 'Posted at 10:52'; a share '19.33 %' is a figure), a
    number alone is a pager's, and a sentence of twelve words or more is prose.

    >>> [_data_row(t) for t in ("Chelsea 2 Arsenal 0", "Inter-Roma 0-3 (sabato)", "Roma 21", "RAM: 8 or 16GB",
    ...                         "| PODEMOS | 23 | 19.33 % |")]
    [True, True, True, True, True]
    >>> [_data_row(t) for t in ("Insurance fees may rise in 2025", "Guitar Monthly 01/2022", "Posted at 10:52",
    ...                         "14.10.2021", "3", "Storm closes the coastal road")]
    [False, False, False, False, False, False]
    """
    numbers = [n for n in _NUMBER.findall(text) if not _NO_DATA.match(n)]
    if not numbers or not _LETTER.search(text) or _is_long_sentence(text):
        return False  # (a pager's '1', a date alone, a sentence with figures: no row of a table)
    if _KEY_VALUE.match(text) and word_count(text) <= _KEY_VALUE_WORDS:
        return True  # a spec sheet's or a fact box's 'RAM: 8 or 16GB'
    if len(numbers) >= 2 or (len(numbers) == 1 and any(c in numbers[0] for c in ":-") and word_count(text) <= 8):
        return True  # (a score is one figure: 'PSS Sleman vs Arema FC 3-1')
    return bool(numbers) and word_count(text) <= 5 and text.rstrip(" *").endswith(numbers[-1])


def _is_long_sentence(text: str) -> bool:
    """A sentence of twelve words or more: prose with figures in it, no row of a table."""
    return word_count(text) >= 12 and _ends_sentence(text)


def _data_under_headline(lines: list[Line], rows: list[int], title: str, site: set[str], cards: set[int],
                         header_rows: int, max_rows: int) -> set[int]:
    """The rows of a data article: the line that repeats the page title and, within
    ``header_rows`` rows under it (a date, 'Table as at Monday:'), a table of data rows
    (see :func:`_data_row`): standings, results, a forecast, prices, with little or no
    prose, so that the page's densest prose is elsewhere (a sidebar). Two pieces of
    evidence: the title's repeat and the data right under it; menus and teaser lists
    under a copy of the title are no data. Empty when there is none."""
    if not title:
        return set()
    for k in range(len(rows)):  # (the first row too: the headline of a page already cut)
        line = lines[rows[k]]
        if _ruled(line) or line.key in site or not repeats_title(line.text, title, prefix=True):
            continue
        for start in range(k + 1, min(len(rows), k + 2 + header_rows)):
            if _ruled(lines[rows[start]]) or start in cards:
                break
            end = _data_block(lines, rows, start, max_rows)
            if end is not None:
                end = _more_parts(lines, rows, end, max_rows)
                return set(rows[k : end + 1])
    return set()


def _data_block(lines: list[Line], rows: list[int], start: int, max_rows: int) -> int | None:
    """The last row of the table that starts at ``start`` (adjacent lines, a heading or a
    column header among them), if five of its rows or more, and 80% of them, are data
    rows, and they name different things: a forum's 'Post #938535 (5)', 'Post #940240
    (4)' is a list of links made from one template, not a table.

    >>> page = ["Post #938535 (5)", "Post #940240 (4)", "Post #939435 (4)", "Post #940944 (4)", "Post #940702 (4)"]
    >>> _data_block([Line(i, text) for i, text in enumerate(page)], list(range(5)), 0, 100) is None
    True
    """
    block: list[int] = []
    for k in range(start, min(len(rows), start + max_rows)):
        if _ruled(lines[rows[k]]) or (block and rows[k] != rows[k - 1] + 1):
            break
        block.append(k)
    data = [k for k in block if _data_row(lines[rows[k]].text)]
    named = {_DIGITS.sub("", lines[rows[k]].key) for k in data}  # (each row names its own team, party, city)
    if len(data) >= 5 and len(data) >= 0.8 * (len(block) - 1) and len(named) >= 0.5 * len(data):
        return block[-1]
    return None


_DIGITS = compile_pattern(r"\d+")


_URL = compile_pattern(r"https?://|www\.")


def _fact_box_after(lines: list[Line], rows: list[int], end: int, cards: set[int], p: Mapping) -> int:
    """The body's last row, moved past a fact box below it: the details of the event or
    place the article is about (venue, address, dates, opening hours, prices, contact),
    up to the next line a rule dropped (a share bar, an ad label, a related header).
    Two to ``box_max_rows`` rows, a share ``box_digit_share`` of them holding a number, none of them a teaser
    card or a headline (9 to 20 words, no sentence end, no link): a teaser list or a
    menu below an article reads otherwise. The body must end on a sentence (not on a
    teaser it took in); lines a rule dropped between body and box (a caption) are skipped.

    >>> page = ["The show runs all week.", "Jane Doe", "North Gallery", "12 Harbour Street", "10 A.M. / 6 P.M."]
    >>> _fact_box_after([Line(i, text) for i, text in enumerate(page)], list(range(5)), 0, set(), PageKind().defaults())
    4
    """
    low, high = p["box_headline_min_words"], p["box_headline_max_words"]
    max_rows, digit_share = p["box_max_rows"], p["box_digit_share"]
    if not _ends_sentence(lines[rows[end]].text):
        return end
    k = end + 1
    while k < len(rows) and _ruled(lines[rows[k]]):
        k += 1
    box: list[Line] = []
    for line in (lines[i] for i in rows[k:]):
        if _ruled(line):
            break
        headline = (low <= line.words <= high and not _ends_sentence(line.text)
                    and not _URL.search(line.text))
        if len(box) == max_rows or k + len(box) in cards or headline:
            return end
        box.append(line)
    numbered = sum(1 for line in box if DIGIT.search(line.text))
    return k - 1 + len(box) if len(box) >= 2 and numbered >= digit_share * len(box) else end


def _sentence_words(lines: list[Line], rows: list[int], stretch: tuple[int, int]) -> int:
    """The words of the lines in a stretch that end like a sentence."""
    return sum(lines[i].words for i in rows[stretch[0] : stretch[1] + 1]
               if not _ruled(lines[i]) and _ends_sentence(lines[i].text))


def _densest(weights: list[int]) -> tuple[int, int] | None:
    """The maximum-sum stretch (Kadane); None if no stretch has a positive sum."""
    best, best_range, total, start = 0, None, 0, 0
    for i, weight in enumerate(weights):
        if total <= 0:
            total, start = weight, i
        else:
            total += weight
        if total > best:
            best, best_range = total, (start, i)
    return best_range


def _title_anchor(lines: list[Line], rows: list[int], weights: list[int], window: int,
                  title: str, site: set[str], story: str, clearly_more: float) -> int | None:
    """The row of the headline: a line after the title that repeats it and has prose within
    ``window`` rows below it. Of several, the one repeating most of the title (the headline,
    not the site's name of "Headline | Site"); of those the first, unless a later one is
    followed by clearly more article (``clearly_more`` times the words of sentences): the
    title repeated in a sign-up box above the article has a form under it, not the body,
    while a teaser list below the article has comments under it, which are sentences too.
    A later copy with no sentence between the two is the headline (see
    :func:`_nearest_copy`). A line that repeats only the site's name (``site``, see
    :func:`_site_names`) or that another rule dropped is no headline; one that adds a few
    words to the title's ``story`` part is (see :func:`_extends_story`)."""
    def prose_below(k: int) -> bool:
        return any(w > 0 for w in weights[k + 1 : k + 1 + window])

    best, best_length, best_body = None, 0, 0
    for k in range(1, len(rows)):
        line = lines[rows[k]]
        if (not _ruled(line) and line.key not in site
                and (repeats_title(line.text, title, prefix=True) or _extends_story(line, story))
                and prose_below(k)):
            length, body = len(line.key), _body_below(lines, rows, weights, k)
            if length > best_length or (length == best_length and body > clearly_more * best_body):
                best, best_length, best_body = k, length, body
    if best is None and rows and lines[rows[0]].words <= TITLE_MAX_WORDS:
        # the headline may differ from the <title> by a word (a page that starts with a
        # paragraph, not a title, has nothing that repeats it: a sidebar teaser whose
        # words all stand in an author's bio is no headline)
        title_words = words(lines[rows[0]].text.casefold(), plain=True)
        best = next((k for k in range(1, len(rows))
                     if nearly_repeats_title(lines[rows[k]].text, title_words) and prose_below(k)), None)
    return _nearest_copy(lines, rows, best)


_TITLE_SEPARATOR = compile_pattern(r"\s+[|–—·-]\s+|\s*::\s*")


def _story_part(title: str, site: set[str]) -> str:
    """The folded part of a <title> that names the story, when the title also names the
    site (see :func:`_site_names`); empty otherwise.

    >>> _story_part("Ultium Cells erhöht Kapazität - Battery-News.de", {"batterynewsde"})
    'ultiumcellserhöhtkapazität'
    """
    parts = [fold(part) for part in _TITLE_SEPARATOR.split(title)] if site else []
    return max((part for part in parts if part not in site), key=len, default="")


def _extends_story(line: Line, story: str) -> bool:
    """The line is the story's part of the title and a few words more, as a headline that
    the <title> shortened ('Ultium Cells erhöht Gigafactory-Kapazität in Tennessee')."""
    return (len(story) >= TITLE_MIN_CHARS and line.key.startswith(story) and line.key != story
            and line.words <= TITLE_MAX_WORDS and not _ends_sentence(line.text))


def _site_names(title: str) -> set[str]:
    """The folded parts of a <title> that name the site, not the story: of the parts
    between separators ('Headline | National Review'), those of at most three words that
    are not the longest (a headline's own parts, 'Run Windows on Mac - Parallels Desktop
    15 for Mac', are longer).

    >>> sorted(_site_names("Schiff works against the clock | National Review"))
    ['nationalreview']
    >>> _site_names("Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac")
    set()
    """
    parts = [part for part in _TITLE_SEPARATOR.split(title) if part.strip()]
    if len(parts) < 2:
        return set()
    longest = max(parts, key=len)
    return {fold(part) for part in parts if part is not longest and word_count(part) <= 3}


def _nearest_copy(lines: list[Line], rows: list[int], anchor: int | None) -> int | None:
    """The last copy of the anchor's line that no sentence separates from it: a site's
    header prints the headline, then a list of other stories' headlines, then the article
    with its headline again. Copies with an article between them are another matter (a
    teaser of the story below it, see :func:`_title_anchor`)."""
    if anchor is None:
        return None
    key = lines[rows[anchor]].key
    for k in range(anchor + 1, len(rows)):
        line = lines[rows[k]]
        if line.key == key and not _ruled(line):
            anchor = k
        elif not _ruled(line) and line.words >= 4 and _ends_sentence(line.text):
            break
    return anchor


def _body_below(lines: list[Line], rows: list[int], weights: list[int], anchor: int) -> int:
    """The words of sentences in the best stretch below ``anchor`` (0: none). (Sentences:
    a sidebar's list of archive months is a long line, but no sentence.)"""
    body = _densest_from(weights, anchor)
    return _sentence_words(lines, rows, body) if body is not None else 0


def _densest_from(weights: list[int], anchor: int) -> tuple[int, int] | None:
    """The best stretch that starts at the first prose row after ``anchor``."""
    start = next((i for i in range(anchor + 1, len(weights)) if weights[i] > 0), None)
    if start is None:
        return None
    best, best_end, total = 0, None, 0
    for i in range(start, len(weights)):
        total += weights[i]
        if total > best:
            best, best_end = total, i
    return (start, best_end) if best_end is not None else None


def _headline(lines: list[Line], rows: list[int], body_start: int, window: int, title: str,
              site: set[str]) -> int | None:
    """The line within ``window`` rows above the body that repeats the page title (not
    only the site's name in it: ``site``, see :func:`_site_names`)."""
    for k in range(body_start - 1, max(body_start - 1 - window, 0), -1):
        if lines[rows[k]].key not in site and repeats_title(lines[rows[k]].text, title, prefix=True):
            return rows[k]
    return None


def _begins_with_headline(lines: list[Line], rows: list[int], weights: list[int], until: int) -> bool:
    """The first row is the article's headline, not a page's <title> above its menus: it
    reads like a title (a question too), and every row between it and row ``until`` (the body, or the title
    repeated) is prose or what stays between a headline and its body (a byline, a date, a
    standfirst, a line of data), never a bare label of one or two words nor a line a rule
    dropped. That is how the article page mode returns begins; a page's menus hold labels."""
    return bool(rows) and _is_headline_shape(lines[rows[0]]) and all(
        weights[k] > 0 or _heads_article(lines[rows[k]]) for k in range(1, until))


def _header_above(lines: list[Line], rows: list[int], begin: int, header_rows: int) -> int:
    """The article's headline right above its body (``begin``), when no line repeats the
    page title (the <title> adds or changes words: "X Review | Site" over "Book Report:
    X Debuts"): within ``header_rows`` rows of what stays under a headline (a headline, a
    standfirst, a byline, a date: lines of three words or more, guarded lines, lines of
    data; a photo's caption is passed over) up to a bare label or a line a rule dropped,
    the highest title-like line that shares two words (of four letters or more) with the
    title: the second piece of evidence (a list of teaser headlines above a body shares
    no words with it). A <title> written for search engines may share no words with the
    headline: then the byline block under it tells (see :func:`_bylined_headline`)."""
    if not rows or _is_sentence_prose(lines[rows[0]], 1):
        return rows[begin]
    title_words = {w for w in words(lines[rows[0]].text.casefold(), plain=True) if len(w) >= 4}
    top = begin
    for k in range(begin - 1, max(begin - 1 - header_rows, 0), -1):
        line = lines[rows[k]]
        if _ruled_else(line) and line.category == "captions":
            continue
        if not _heads_article(line):
            break
        shared = {w for w in words(line.text.casefold(), plain=True) if len(w) >= 4} & title_words
        if is_title_like(line) and len(shared) >= 2:
            top = k
    return rows[top]


def _bylined_headline(lines: list[Line], rows: list[int], weights: list[int], begin: int, block_rows: int) -> int:
    """The headline of a page whose <title> is no help (missing, or sharing no word with
    it), found by the byline block under it. The block is what stays between a headline
    and its body, within ``block_rows`` kept rows above the body: bylines and dates, a
    standfirst, up to three short lines (an author's name, a place), headline-shaped lines,
    and lines a rule dropped (share buttons, a caption, an ad); related links or comments
    end it. Its headline is the highest headline-shaped line right above a byline or
    date ('The Impeachment Clock' over 'By Victor Davis Hanson'), else the lowest one of
    five words or more with a byline or date below it (and the one right above that, if it
    too reads like a headline: the first was the standfirst). A teaser list above the
    body holds headlines with no byline under them."""
    block: list[int] = []  # (kept rows, from the body up)
    short = 0
    for k in range(begin - 1, -1, -1):
        line = lines[rows[k]]
        if _ruled(line):
            if line.category in _END_CATEGORIES:
                break
            continue
        if len(block) == block_rows:
            break
        if not (line.guarded or weights[k] > 0 or line.words >= 12 or _is_headline_shape(line)):
            if line.words > 4 or short == 3:
                break
        short += line.words <= 4 and not line.guarded
        block.append(k)
    strong = [k for k, below in zip(block[1:], block) if lines[rows[below]].guarded
              and _is_headline_shape(lines[rows[k]]) and not lines[rows[k]].guarded]
    if strong:
        return rows[strong[-1]]
    bylined, found = False, None
    for k in block:
        line = lines[rows[k]]
        if found is not None:
            if _is_headline_shape(line) and line.words >= 5:
                found = k  # (the headline above a standfirst that reads like one)
            break
        bylined = bylined or line.guarded
        if bylined and not line.guarded and _is_headline_shape(line) and line.words >= 5:
            found = k
    return rows[found] if found is not None else rows[begin]


def _is_headline_shape(line: Line) -> bool:
    """Three to thirty words, no final period: a headline, a question among them."""
    return 3 <= line.words <= TITLE_MAX_WORDS and not ends_sentence(line.text)


def _headed(lines: list[Line], rows: list[int], weights: list[int], header_rows: int) -> bool:
    """The first row is the headline of an article already cut, with its header right
    below it: it reads like a title (a question too), and the rows right under it (up to the first bare
    label, at most three) are what stays under a headline, one of them a byline or a date
    (a guarded line). A page's <title> is followed by its menus, not by a byline. Further
    down, a box of scores or specs may hold bare labels before the body begins."""
    if not rows or not _is_headline_shape(lines[rows[0]]):
        return False
    under = []
    for k in range(1, min(len(rows), 1 + header_rows)):
        if not (weights[k] > 0 or _heads_article(lines[rows[k]])):
            break
        under.append(lines[rows[k]])
    return any(line.guarded for line in under)


def _heads_article(line: Line) -> bool:
    """A line that stays between headline and body: a byline, a date, a standfirst, a
    line of data (no bare label of one or two words, no line a rule dropped)."""
    return not _ruled(line) and (line.guarded or line.words > 2 or bool(DATA_CHARS.search(line.text)))

