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

The headline's search lives in ``page_title``, the tables the article takes in (standings,
a spec sheet, a fact box) in ``page_tables``, its bylines, dates and sign-off in
``page_byline``, its counted lists in ``page_count``, and the line tests they share in
``page_lines``.

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
from ..document import Line
from ..text import BULLET_MARKS, DATA_CHARS, DIGIT, TITLE_MAX_WORDS, is_headline_like, is_title_like, repeats_title
from .base import Param, ReviseKind
from .page_lines import (CHROME_CATEGORIES, END_CATEGORIES, PAGE, PRESS_LABEL, TRUNCATED, ends_like_sentence,
                         is_sentence_prose, ruled, ruled_else, sentence_words)
from .page_bridge import BRIDGE_MAX_ROWS, bridged
from .page_byline import author_bio, author_names, bylined_names, dated_above, sign_off, split_date_at, split_dates
from .page_count import continued_count, counted_lists
from .page_records import records_under_headline
from .page_tables import data_under_headline, fact_box_after, more_parts, table_after, table_notes
from .page_wrap import wrapped_runs
from .page_title import (begins_with_headline, bylined_headline, dated_headline, densest_from, header_above, headed,
                         headline_over_toolbar, headline_row, late_copy, site_names, story_part, title_anchor)

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


def article_bounds(lines: list[Line], p: Mapping) -> set[int]:
    """Indexes of the lines outside the article (empty: leave the document alone); ``p``
    holds the page kind's parameters (a rule's ``params``)."""
    prose_words, line_cost, window = p["prose_words"], p["line_cost"], p["window"]
    rows = [i for i, line in enumerate(lines) if not line.is_blank]
    weights = [_weight(lines[i], prose_words, line_cost, p["dropped_cost"], p["flat_words"]) for i in rows]
    wrapped = {k for run in wrapped_runs(lines, rows) for k in run}
    for k in wrapped:  # a paragraph wrapped by hand weighs as the prose it is
        weights[k] = max(weights[k], lines[rows[k]].words)
    _neutral_structure(lines, rows, weights, p)
    split = [split_date_at(lines, rows, k) for k in range(len(rows))]  # (a date's parts, by its last row)
    for j in set().union(*split):  # a date printed one part a line costs nothing (it is no label)
        weights[j] = max(weights[j], 0)
    _headline_runs(lines, rows, weights, p)
    cards = _teaser_cards(lines, rows, weights, p)
    for k in cards:  # a teaser's summary is no article prose
        weights[k] = min(weights[k], -line_cost)
    # a dump starts with the <title> (a paragraph of prose there is no title)
    title = lines[rows[0]].key if rows and not is_sentence_prose(lines[rows[0]], prose_words) else ""
    site = site_names(lines[rows[0]].text) if rows else set()  # (a part of the title no line anchors on)
    story = story_part(lines[rows[0]].text, site) if title else ""
    anchor = title_anchor(lines, rows, weights, window, title, site, story, p["clearly_more"])
    densest = _densest(weights)
    if anchor is not None and begins_with_headline(lines, rows, weights, anchor):
        anchor = 0  # the title is the headline, the article right below it (a page already cut)
    elif anchor is None and title and _opens_article(lines, rows, weights, densest, prose_words):
        anchor = 0  # (the same with no copy below: the article right under the title, see there)
    body = densest_from(weights, anchor) if anchor is not None else densest
    if anchor is not None and densest is not None and body is not None and densest[1] < anchor \
            and sum(weights[densest[0] : densest[1] + 1]) > sum(weights[body[0] : body[1] + 1]) \
            and sentence_words(lines, rows, densest) > sentence_words(lines, rows, body):
        # the title repeated below a denser body: a sidebar or related link, not the headline
        # (denser in sentences: a sidebar's long lists of categories and archive months
        # are long lines, but no sentences)
        anchor, body = None, densest
    elif anchor is not None and densest is not None and densest[0] < anchor < densest[1] \
            and late_copy(lines, rows, densest, anchor, repeats_title(lines[rows[anchor]].text, title, prefix=True),
                          p["clearly_more"]):
        # a line that nearly repeats the title (a word changed) inside the article, more of
        # its prose above than below: a late subheading ("Conclusion: X or Y?"), not the
        # headline; an exact copy with clearly more above: a menu's or a related link's copy
        anchor, body = None, densest
    if body is None:
        return set()
    end = fact_box_after(lines, rows, table_after(lines, rows, body[1], p["max_table_rows"]), cards, p)  # (its last row)
    table = more_parts(lines, rows, end, p["max_table_rows"], p["table_min_rows"]) \
        if end == body[1] and ends_like_sentence(lines[rows[end]].text) else end  # (a table under its heading)
    begin, end = _widen(lines, rows, weights, cards, wrapped, body[0], end, anchor, p["max_gap"])
    if table > end:  # (widened from the story's end, the article may reach further: a list its line introduces)
        end = max(end, _widen(lines, rows, weights, cards, wrapped, body[0], table, anchor, p["max_gap"])[1])
    # a ranking's last entries printed without their paragraphs, going on with its count
    end = continued_count(lines, rows, begin, end, p["max_table_rows"], p["numbered_min_run"])
    if sum(w for w in weights[max(0, begin - window) : end + 1 + window] if w > 0) < p["min_body_words"]:
        return set()  # too little prose to tell the article from the page: when in doubt, keep
    first, last = rows[begin], rows[end]
    headline = rows[anchor] if anchor is not None else headline_row(lines, rows, begin, window, title, site)
    if headline is None and rows and rows[0] < first and (begins_with_headline(lines, rows, weights, begin)
                                                          or headed(lines, rows, weights, p["header_rows"])):
        headline = rows[0]  # the page begins with its headline (a page already cut)
    dates: set[int] = set()
    toolbar: set[int] = set()
    if headline is None:  # no line repeats the title: the headline is the line right above the body
        first = header_above(lines, rows, begin, p["header_rows"])
        if first == rows[begin]:  # (or higher, above the byline block of a page without a <title>)
            first = bylined_headline(lines, rows, weights, begin, p["header_block_rows"])
        if first == rows[begin]:  # (or right above the body, under its date)
            first, dates = dated_headline(lines, rows, weights, begin, p["header_block_rows"]) or (first, set())
        if first == rows[begin]:  # (or above a byline, cut from the body by a toolbar, which goes)
            first, toolbar = headline_over_toolbar(lines, rows, weights, begin, p["header_block_rows"]) \
                or (first, set())
    start = headline if headline is not None else first
    # Outside the body only what is not prose goes: a paragraph split off by a large block
    # (a gallery, a video) stays, and the other rules judge it like any line.
    outside = {i for i in rows if (i < start or i > last) and not is_sentence_prose(lines[i], prose_words)}
    outside |= _far_lone_prose(lines, rows, weights, start, last, window)
    outside |= {rows[k] for k in cards if rows[k] < start or rows[k] > last}
    outside |= toolbar
    authors = author_names(lines, rows, start, first)
    outside -= author_bio(lines, rows, bylined_names(lines, rows, start, p["header_block_rows"], prose_words), last, window)
    for i in rows:  # between headline and body: bylines, dates, standfirsts stay; labels go
        if (start < i < first and not lines[i].guarded and lines[i].words <= 2 and i not in authors
                and not DATA_CHARS.search(lines[i].text)  # (a line of code or data is no label)
                and not PRESS_LABEL.match(lines[i].text)):  # (the story's own genre label)
            outside.add(i)
    byline_rows = p["byline_rows"]
    outside -= {i for i in rows[end + 1 : end + 1 + byline_rows] if lines[i].guarded}  # a byline at the end
    outside -= sign_off(lines, rows, begin, end, p["header_block_rows"], byline_rows)
    if headline is not None:
        outside -= dated_above(lines, rows, rows.index(headline), byline_rows)
    outside -= split_dates(lines, rows, split, rows.index(start), rows.index(first), byline_rows)
    outside -= dates  # (the date over a headline found by it)
    if end > body[1]:  # the body holds a table: its notes stay with it
        outside -= table_notes(lines, rows, end)
    if headline is None and rows and is_title_like(lines[rows[0]]) and rows[0] < first:
        outside.discard(rows[0])  # no headline found near the body: the page title stands in
    # a data article (standings, results, a forecast): the title's repeat with a table under it
    outside -= data_under_headline(lines, rows, title, site, cards, p["header_rows"], p["max_table_rows"])
    # minutes, a vote record, a schedule: records under the title's repeat, which stands
    # for the <title> when the page's menus lie between them (a headline printed once)
    records = records_under_headline(lines, rows, title, cards, p["max_table_rows"])
    if records:
        menus = any(i in outside for i in rows[1:] if i < min(records))
        outside = (outside - records) | ({rows[0]} - records if menus else set())
    return outside


def _opens_article(lines: list[Line], rows: list[int], weights: list[int], densest: tuple[int, int] | None,
                   prose_words: int) -> bool:
    """The first row, which no line below repeats, is the headline of an article already cut
    (page mode's own output, read again): it reads like a title, a paragraph stands right
    under it (a sentence of ``prose_words`` words or more, or a phrase that introduces a list
    with ':'; no byline, no teaser's headline), and the best stretch from there takes in
    ``densest``, the densest stretch of the page (lists and labels between its paragraphs
    cost it less than its prose gives), and fewer than half of that stretch's rows cost it
    anything. A page's <title> over a notice in
    prose ('You are using an old browser ...') has its menus below: a stretch that ends
    before the article, or one of menus and teasers.

    >>> paragraph = "A light laptop is easy to carry all day, but it costs more to buy and to repair."
    >>> text = ["What to look for in a laptop?", "These are the points to check before you buy one:",
    ...         "- Weight", "- Battery", "- Screen", "Weight", paragraph, "Battery", paragraph]
    >>> lines, rows = [Line(i, t) for i, t in enumerate(text)], list(range(len(text)))
    >>> weights = [7, 14, 0, 0, 0, -10, 19, -10, 19]  # (a list its line introduces: 0)
    >>> _opens_article(lines, rows, weights, _densest(weights), 8)
    True
    >>> text = ["Laptops | Site", "You use an old browser that this site no longer supports, so pages may fail.",
    ...         "Home", "News", "Deals", "Forum", "Login", "Shop", paragraph, paragraph]
    >>> lines, rows = [Line(i, t) for i, t in enumerate(text)], list(range(len(text)))
    >>> weights = [-10, 18, -10, -10, -10, -10, -10, -10, 19, 19]
    >>> _opens_article(lines, rows, weights, _densest(weights), 8)
    False
    """
    below = lines[rows[1]] if len(rows) > 1 else None
    if (below is None or weights[1] <= 0 or below.guarded or below.words < prose_words
            or not (ends_like_sentence(below.text) or below.text.endswith((":", "：")))
            or not begins_with_headline(lines, rows, weights, 1)):
        return False
    top = densest_from(weights, 0)
    if top is None or densest is None or top[1] < densest[1]:
        return False
    costly = sum(1 for k in range(top[0], top[1] + 1) if weights[k] < 0)
    return 2 * costly < top[1] + 1 - top[0]  # (most rows prose or structure: no menu between)


_LIST_ITEM = compile_pattern(rf"^(?:[{BULLET_MARKS}+]|\d{{1,2}}[.)])\s")
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


def _widen(lines: list[Line], rows: list[int], weights: list[int], cards: set[int], wrapped: set[int], begin: int,
           end: int, anchor: int | None, max_gap: int) -> tuple[int, int]:
    """The body's first and last rows, widened when in doubt. Forward: over up to
    ``max_gap`` label rows, when article prose follows them (a subheading, a "Learn more"
    link between paragraphs); over the list items right below it (bulleted or numbered
    lines of three words or more, and the short items of a list counted 1, 2, 3 ... under a
    line ending in ':', see :func:`page_count.counted_lists`); over a list a line ending in ':' introduces. Backward
    the same, up to the headline. A teaser card, or a line a rule dropped as related links,
    footer or comments (the end of the article), stops the widening. Past the labels the gap
    allows, a longer run of lists under their intros reaches the prose beyond it when its
    lines name what that prose names (a recipe's ingredients above its method: see
    :mod:`page_bridge`). A wrapped paragraph's lines are prose here as in the weights. In a
    dialogue (the body holds the turns of two speakers or more), a short turn of one of its
    speakers ('KATHY: Yeah!') is the article's, as its prose is."""
    speakers = _speakers(lines, rows, begin, end)
    counted = counted_lists(lines, rows)

    def kind(k: int) -> str:
        line = lines[rows[k]]
        if k in cards or (ruled_else(line) and line.category in END_CATEGORIES):
            return "stop"
        if ruled_else(line):
            return "skip"
        if (speakers and _speaker(line.text) in speakers) or k in wrapped:  # (a wrapped paragraph's lines too)
            return "prose"
        if (weights[k] > 0 or (line.category == PAGE and line.words >= 4)) and ends_like_sentence(line.text) and not TRUNCATED.search(line.text):
            return "prose"
        if (line.words >= 3 and _LIST_ITEM.match(line.text)) or k in counted:
            return "item"  # (a counted list's short items too: '3. Hymn' under 'The order of service:')
        return "label"

    def bridge(last: int, k: int, step: int, limit: int) -> int | None:
        """The first prose row past a list's long run of short lines (from the
        article's row ``last``, at ``k`` the widening's gap ran out) that belongs to the
        story (see :mod:`page_bridge`), or None. Going back, the run may reach up to the
        headline (a recipe's ingredients right under it)."""
        while abs(k - last) <= BRIDGE_MAX_ROWS and ((k < limit) if step > 0 else (k > limit)) \
                and kind(k) in ("label", "item"):
            k += step
        if k == limit and step < 0 and limit >= 0:
            k = limit + 1  # (the row under the headline)
        elif not ((k < limit) if step > 0 else (k > limit)) or kind(k) != "prose":
            return None
        run = rows[last + 1 : k] if step > 0 else rows[k + 1 if kind(k) == "prose" else k : last]
        below = max(k, last)  # (the prose under the run, in reading order)
        prose = [rows[j] for j in range(below, min(len(rows), below + _BRIDGE_PROSE_ROWS))
                 if kind(j) == "prose" or weights[j] > 0]
        return k if run and bridged(lines, run, prose) else None

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
                        over = bridge(last, k, step, limit)
                        if over is None:
                            break
                        k, last, gap, listing = over, over, 0, ""
                        k += step
                        continue
                    gap += 1
                listing = "intro" if intro else "item" if in_list else ""
            k += step
        return last

    end = reach(end, 1, len(rows))
    begin = reach(begin, -1, anchor if anchor is not None else -1)
    return begin, end


_BRIDGE_PROSE_ROWS = 8  # the rows below a bridge whose words the run's lines share


_TOP_ROWS, _TOP_SHARE = 30, 0.8  # a page's top: its <title>, then menus


def looks_like_page(doc, strict: bool = True) -> bool:
    """A full-page dump rather than an article: many non-blank lines, many of them short
    labels (menus, link lists). ``strict`` (for ``--mode auto``): 60 lines, half of them
    short or 80% of the first 30 (a page whose comments make most lines long still opens
    with its menus; an article's first lines are its headline and paragraphs); otherwise
    (``--mode page``) 30 lines, 40% short, so that the article page mode returns is not
    cut again when cleaned a second time. (``--mode auto`` also needs :func:`shows_chrome`.)"""
    rows = [line for line in doc.lines if not line.is_blank]
    min_rows, share = (60, 0.5) if strict else (30, 0.4)
    if len(rows) < min_rows:
        return False
    if sum(1 for line in rows if line.words <= 4) >= share * len(rows):
        return True
    top = rows[:_TOP_ROWS]
    return strict and sum(1 for line in top if line.words <= 4) >= _TOP_SHARE * len(top)


_AUTO_MIN_CHROME = 2  # lines of a site's chrome (menus, footers, share bars) auto mode needs


def shows_chrome(doc) -> bool:
    """The second piece of evidence ``--mode auto`` needs before it cuts a document as a
    page: two lines or more that the catalogue dropped as a site's chrome by their words
    (a menu, a footer, a share bar). A page dump prints its site's menus and footer; an
    extractor's output that is merely list-shaped (a forum thread, a code sample, a blog
    post's short comments) has half its lines short, but none of the chrome.

    >>> from ..document import Document
    >>> doc = Document.from_lines(["Home", "Share", "A story."])
    >>> doc.lines[0].decide("drop", "navigation/menu-line", "navigation", "classify")
    >>> shows_chrome(doc)
    False
    >>> doc.lines[1].decide("drop", "share/share-buttons", "share", "classify")
    >>> shows_chrome(doc)
    True
    """
    found = 0
    for line in doc.lines:
        if not line.is_kept and line.category in CHROME_CATEGORIES:
            found += 1
            if found >= _AUTO_MIN_CHROME:
                return True
    return False


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
            if ruled(meta) or not (meta.guarded or (meta.words <= meta_words
                                                              and not ends_like_sentence(meta.text))):
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
    return (not ruled(line) and not line.guarded and low <= line.words <= high
            and not ends_like_sentence(line.text))


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
                and not ends_like_sentence(lines[rows[k]].text) and alone(k)):
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
    if ruled(line):
        return -dropped_cost
    if line.words >= prose_words:
        flat = (line.words > flat_words and not _PUNCTUATION.search(line.text)
                and not _UNPUNCTUATED_SCRIPTS.search(line.text))
        if flat:
            return 0
        if is_headline_like(line.text, 1.0):
            return -line_cost  # (a long headline in Title Case: a teaser, not a paragraph)
        return line.words
    if line.words >= 4 and ends_like_sentence(line.text) and not TRUNCATED.search(line.text):
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
        if ruled(intro) or intro.words < 2 or not intro.text.endswith((":", "：")):
            continue
        items = []
        for j in range(k + 1, min(len(rows), k + 1 + p["max_table_rows"])):
            item = lines[rows[j]].text
            if ruled(lines[rows[j]]) or rows[j] > rows[j - 1] + 1 + (j == k + 1) or item.endswith((":", "：")):
                break
            items.append(j)
        after = range(items[-1] + 1, min(len(rows), items[-1] + 2 + p["max_gap"])) if items else range(0)
        if (len(items) >= 2 and all(lines[rows[j]].words <= item_words and not lines[rows[j]].text.endswith(",")
                                    for j in items)
                and any(weights[j] > 0 and ends_like_sentence(lines[rows[j]].text) for j in after)):
            for j in items:
                weights[j] = max(weights[j], 0)
    numbered = [(k, m) for k in range(len(rows)) if weights[k] < 0 and _is_plain_label(lines[rows[k]])
                and (m := _NUMBERED.match(lines[rows[k]].text)) and not DIGIT.search(lines[rows[k]].text[m.end():])]
    run: list[int] = []
    for (k, m), following in zip(numbered, numbered[1:] + [(None, None)]):
        run.append(k)
        joined = (following[0] is not None and following[1].group(1).casefold() == m.group(1).casefold()
                  and int(following[1].group(2)) == int(m.group(2)) + 1
                  and any(weights[j] > 0 and ends_like_sentence(lines[rows[j]].text) for j in range(k + 1, following[0])))
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
    marks = [k for k in range(len(rows)) if not ruled(lines[rows[k]]) and _TIME_MARK.match(lines[rows[k]].text)]
    runs: list[list[int]] = []
    for k in marks:
        entry = range(runs[-1][-1] + 1, k) if runs else range(0)
        if runs and len(entry) <= p["entry_rows"] and not any(ruled(lines[rows[j]]) for j in entry):
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        entries = [range(a + 1, b) for a, b in zip(run, run[1:]) if b > a + 1]
        told = [e for e in entries if any(weights[j] > 0 and ends_like_sentence(lines[rows[j]].text) for j in e)]
        if len(run) >= p["numbered_min_run"] and 2 * len(told) > len(entries):
            for j in range(run[0], run[-1] + 1):
                weights[j] = max(weights[j], 0)


def _is_plain_label(line: Line) -> bool:
    """A short line no rule dropped and no guard marked (a date, a byline: a comment's header)."""
    return not ruled(line) and not line.guarded and line.words <= 8


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


