"""Page mode's tables: the data a story holds below its body or under its headline (standings,
results, a spec sheet, a fact box with venue, hours and prices), which the article takes in
although its rows are no prose.

>>> data_row("Arsenal 12 9 2 1 29"), data_row("Read the full story")
(True, False)
"""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..cache import compile_pattern
from ..document import Line
from ..text import DIGIT, repeats_title, word_count
from .page_lines import ends_like_sentence, ruled

if TYPE_CHECKING:
    from collections.abc import Mapping


_FOOTNOTE = compile_pattern(r"[*†‡¹²³]")


def table_notes(lines: list[Line], rows: list[int], end: int) -> set[int]:
    """The notes printed under a table the article holds: the rows right after it that
    start with a footnote mark ("* Only the top 12 race for the title."). They do not
    widen the article's reach (the window for lone prose is counted from the table)."""
    notes = set()
    for i in rows[end + 1 :]:
        if ruled(lines[i]) or not _FOOTNOTE.match(lines[i].text):
            break
        notes.add(i)
    return notes


def table_after(lines: list[Line], rows: list[int], end: int, max_rows: int) -> int:
    """The body's last row, moved past a table or list the article holds: the block of
    adjacent lines (no blank between them, but after its heading) right below the body,
    when the body's last line introduces it (ends with ':') or when most of its lines hold
    a number (standings, tour dates, prices), which menus and teaser lists rarely do; or
    when it stands right under the body (no blank line) and half its lines or more end in
    a comma: a sentence carried on over short lines (a letter's sign-off, a verse), which
    menus do not end in. An ad label (a line an ``ads`` rule dropped: 'Hirdetés', 'Anzeige')
    between the line that introduces the list and the list is passed over: a site sets its
    ad slots inside the story, and the slot's label ends no article (a warning's counties,
    listed per level under 'These warnings are in force:' and an ad slot, stay)."""
    start = end + 1
    while start < len(rows) and start <= end + _AD_ROWS and ruled(lines[rows[start]]) \
            and lines[rows[start]].category == _ADS and lines[rows[end]].text.endswith((":", "：")):
        start += 1
    block: list[int] = []
    for k in range(start, min(len(rows), end + 1 + max_rows)):
        # the block's own heading may stand apart ("Tour dates", a blank line, the dates)
        if ruled(lines[rows[k]]) or (len(block) > 1 and rows[k] != rows[k - 1] + 1):
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
    return more_parts(lines, rows, block[-1], max_rows) if numbered else block[-1]


def more_parts(lines: list[Line], rows: list[int], end: int, max_rows: int, first_min: int = 2) -> int:
    """The last row of a table of several parts (results, then the next round's fixtures,
    then the standings) below row ``end``: each part (one or two heading rows, then data
    rows, see :func:`data_row`, ``first_min`` or more for the first part and two for
    the next, with the short lines a data row ending in ':' introduces, the fixtures under
    'Sunday 12 May 14:30:', and a short subheading between two data rows, a match day's
    date) belongs to the table; the first part without data ends it. A row may stand one
    blank line from the next: some pages print every row as a paragraph.

    >>> page = ["Sparta - Vitesse 1-0", "Ajax - PSV 2-2", "", "Standings", "Club P Pts", "1 PSV 24 62",
    ...         "2 Ajax 24 43", "3 AZ 24 39", "Most read", "Storm closes the coastal road", "Ferry fares rise"]
    >>> lines = [Line(i, text) for i, text in enumerate(page)]
    >>> rows = [i for i, text in enumerate(page) if text]
    >>> rows[more_parts(lines, rows, 1, 100)]
    7
    """
    def usable(k: int) -> bool:
        return k < len(rows) and not ruled(lines[rows[k]]) and (k == end + 1 or rows[k] <= rows[k - 1] + 2)

    needed = first_min
    while True:
        k = end + 1
        for _ in range(2):  # (its heading, a row of column names)
            if usable(k) and not data_row(lines[rows[k]].text):
                k += 1
        data, listing, last = 0, False, end
        while usable(k) and k - end <= max_rows:
            line = lines[rows[k]]
            if data_row(line.text):
                listing = line.text.endswith((":", "："))  # ('Sunday 12 May 14:30:' over the fixtures)
                data += 1
            elif not (listing and line.words <= _LIST_WORDS) and not (
                    data and line.words <= _SUBHEAD_WORDS and usable(k + 1) and data_row(lines[rows[k + 1]].text)):
                break
            last, k = k, k + 1
        if data < needed:
            return end
        end, needed = last, 2


_SUBHEAD_WORDS = 6  # the most words of a subheading between two rows of a table ('Saturday, 21 September')


_LIST_WORDS = 8  # the most words of an item a data row introduces
_ADS = "ads"  # the category of the ad labels a list may stand under (see table_after)
_AD_ROWS = 2  # the most ad labels passed over between a list and the line introducing it


_NUMBER = compile_pattern(r"(?<![\w.])[+-]?\d[\d.,:'’/-]*%?(?![\w])")


# a year, a date, a clock time: no figure of a table ('Fees may rise in 2025', 'Issue 01/2022',
# 'Posted at 10:52')
_NO_DATA = compile_pattern(r"^(?:(?:1[89]|20)\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}[./-](?:1[89]|20)\d\d"
                           r"|(?:[01]?\d|2[0-3]):[0-5]\d)[.,:]?$")


_LETTER = compile_pattern(r"[^\W\d_]")


_KEY_VALUE = compile_pattern(r"^[^\s:][^:]{0,30}:\s+\S")


_KEY_VALUE_WORDS = 12


def data_row(text: str) -> bool:
    """A row of a table of results, standings, prices or forecasts: two numbers or more
    (a score '2-2' is one), or a short line of five words at most that ends in a number
    ('Roma 21'), or a key and a value that holds a number ('RAM: 8 or 16GB'), and a word:
    a year, a date or a clock time is no figure (a teaser headline 'Fees may rise in 2025',
    a magazine's 'Issue 01/2022', 'Posted at 10:52'; a share '19.33 %' is a figure), a
    number alone is a pager's, and a sentence of twelve words or more is prose.

    >>> [data_row(t) for t in ("Chelsea 2 Arsenal 0", "Inter-Roma 0-3 (sabato)", "Roma 21", "RAM: 8 or 16GB",
    ...                         "| PODEMOS | 23 | 19.33 % |")]
    [True, True, True, True, True]
    >>> [data_row(t) for t in ("Insurance fees may rise in 2025", "Guitar Monthly 01/2022", "Posted at 10:52",
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
    return word_count(text) >= 12 and ends_like_sentence(text)


def data_under_headline(lines: list[Line], rows: list[int], title: str, site: set[str], cards: set[int],
                         header_rows: int, max_rows: int) -> set[int]:
    """The rows of a data article: the line that repeats the page title and, within
    ``header_rows`` rows under it (a date, 'Table as at Monday:'), a table of data rows
    (see :func:`data_row`): standings, results, a forecast, prices, with little or no
    prose, so that the page's densest prose is elsewhere (a sidebar). Two pieces of
    evidence: the title's repeat and the data right under it; menus and teaser lists
    under a copy of the title are no data. Empty when there is none."""
    if not title:
        return set()
    for k in range(len(rows)):  # (the first row too: the headline of a page already cut)
        line = lines[rows[k]]
        if ruled(line) or line.key in site or not repeats_title(line.text, title, prefix=True):
            continue
        for start in range(k + 1, min(len(rows), k + 2 + header_rows)):
            if ruled(lines[rows[start]]) or start in cards:
                break
            end = _data_block(lines, rows, start, max_rows)
            if end is not None:
                end = more_parts(lines, rows, end, max_rows)
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
        if ruled(lines[rows[k]]) or (block and rows[k] != rows[k - 1] + 1):
            break
        block.append(k)
    data = [k for k in block if data_row(lines[rows[k]].text)]
    named = {_DIGITS.sub("", lines[rows[k]].key) for k in data}  # (each row names its own team, party, city)
    if len(data) >= 5 and len(data) >= 0.8 * (len(block) - 1) and len(named) >= 0.5 * len(data):
        return block[-1]
    return None


_DIGITS = compile_pattern(r"\d+")


_URL = compile_pattern(r"https?://|www\.")


def fact_box_after(lines: list[Line], rows: list[int], end: int, cards: set[int], p: Mapping) -> int:
    """The body's last row, moved past a fact box below it: the details of the event or
    place the article is about (venue, address, dates, opening hours, prices, contact),
    up to the next line a rule dropped (a share bar, an ad label, a related header).
    Two to ``box_max_rows`` rows, a share ``box_digit_share`` of them holding a number, none of them a teaser
    card or a headline (9 to 20 words, no sentence end, no link): a teaser list or a
    menu below an article reads otherwise. The body must end on a sentence (not on a
    teaser it took in); lines a rule dropped between body and box (a caption) are skipped.

    >>> page = ["The show runs all week.", "Jane Doe", "North Gallery", "12 Harbour Street", "10 A.M. / 6 P.M."]
    >>> from cleaner.kinds.page import PageKind
    >>> fact_box_after([Line(i, text) for i, text in enumerate(page)], list(range(5)), 0, set(), PageKind().defaults())
    4
    """
    low, high = p["box_headline_min_words"], p["box_headline_max_words"]
    max_rows, digit_share = p["box_max_rows"], p["box_digit_share"]
    if not ends_like_sentence(lines[rows[end]].text):
        return end
    k = end + 1
    while k < len(rows) and ruled(lines[rows[k]]):
        k += 1
    box: list[Line] = []
    for line in (lines[i] for i in rows[k:]):
        if ruled(line):
            break
        headline = (low <= line.words <= high and not ends_like_sentence(line.text)
                    and not _URL.search(line.text))
        if len(box) == max_rows or k + len(box) in cards or headline:
            return end
        box.append(line)
    numbered = sum(1 for line in box if DIGIT.search(line.text))
    return k - 1 + len(box) if len(box) >= 2 and numbered >= digit_share * len(box) else end
