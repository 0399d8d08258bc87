"""Page mode's records: council minutes (attendance, agenda, resolutions), vote records
('Stemuitslag', 'Besluit'), schedules. Their text is short lines and data with little or
no prose, so the page's densest prose is elsewhere (a sidebar, a teaser's summary) and
the record would go as labels. Two pieces of evidence make it the article: it stands
under the line that repeats the page title, and its rows are records of more than one
kind (see :func:`records_under_headline`).

>>> from cleaner.document import Line
>>> page = ["Council votes - Town Daily", "Council votes", "1. Agenda", "Decision", "Adopted",
...         "2. Budget 2025", "Vote: 12 for, 3 against", "Decision", "Adopted", "3. Harbour", "Decision", "Rejected"]
>>> lines = [Line(i, t) for i, t in enumerate(page)]
>>> lines[0].decide("drop", "navigation/menu-line", "navigation", "classify")  # (the site's chrome: a dump)
>>> sorted(records_under_headline(lines, list(range(len(page))), lines[0].key, set(), 100))[:3]
[1, 2, 3]
"""
from __future__ import annotations

from ..cache import compile_pattern
from ..document import Line
from ..text import DIGIT, repeats_title
from .page_lines import CHROME_CATEGORIES, END_CATEGORIES, ends_like_sentence, ruled, ruled_else
from .page_tables import data_row

_FIELD_WORDS = 3  # the most words of a record's field name ('Besluit', 'Stemuitslag', 'Vote count')
_FIELD_MIN = 3  # the fewest times a field name recurs
_MIN_RECORD_ROWS = 6  # the fewest rows of records under the headline
_RECORD_SHARE = 1 / 3  # the share of the block's rows (sentences aside) that are records
_HEAD_ROWS = 20  # the most rows between the headline and the first record (a meeting's place and time)
_MAX_SENTENCES = 2  # the sentences in a row that end the records (one between two is a resolution's text)
_MAX_GAP = 2  # the most sections in a row without a record between two with records
# an item of a numbered sequence: '1. Opening', 'Agendapunt 4', 'TOP 7'
_NUMBERED = compile_pattern(r"^(?:(\d{1,3})[.)]?|[^\W\d_]+\s(\d{1,3})[.:]?)(?:\s|$)")


def records_under_headline(lines: list[Line], rows: list[int], title: str, cards: set[int],
                           max_rows: int) -> set[int]:
    """The rows of records the article is: the first line under the <title> that repeats
    it and the sections (blocks of adjacent lines) under it, up to a line a rule dropped
    as related links, footer or comments or a teaser card, while records follow each
    other: after the first, at most ``_MAX_GAP`` sections in a row without one (a list a
    line ending in ':' introduces, 'Absent:' over names, is no gap), and fewer than
    ``_MAX_SENTENCES`` sentences in a row (one is a resolution's text between two votes;
    more is a prose article, whose teasers below may look like records). A row is a record
    when it is data (see :func:`page_tables.data_row`: figures, a key and a value with a
    number, 'Beginn: 19.00 Uhr'), an item of a numbered sequence ('7. Budget', '8. Harbour'; 'Agendapunt 4',
    'Agendapunt 5') or a field name that recurs (a short line without a figure printed
    three times or more: 'Besluit', 'Stemuitslag'; a forum's 'Post #938535 (5)' rows are
    one template's data, not fields). The block needs
    ``_MIN_RECORD_ROWS`` of them, the first within ``_HEAD_ROWS`` rows of the headline,
    ``_RECORD_SHARE`` of its rows from the first record on that are no sentences, and
    two kinds of them: a menu printed three times recurs but holds no data or numbered
    sequence (a results table under its headline is
    :func:`page_tables.data_under_headline`'s). Only the first copy of the title counts
    (a later one is a teaser's or a footer's); the <title> itself heads the site's menus,
    unless the page shows no menu, footer or share bar the catalogue knows: then it is a
    page already cut (the output read again), and its first line is the headline.
    Empty when there is none."""
    if not title:
        return set()
    heads = [k for k in range(1, len(rows)) if not ruled(lines[rows[k]])
             and repeats_title(lines[rows[k]].text, title, prefix=True)]
    if not any(ruled_else(line) and line.category in CHROME_CATEGORIES for line in lines):
        heads.insert(0, 0)  # (no menu, footer or share bar: a page already cut, its first line the headline)
    for head in heads[:1]:  # (the first copy: a later one is a teaser's or a footer's)
        found = _records(lines, rows, head, cards, max_rows)
        if found is None:
            continue
        return set(rows[head : found[1] + 1])
    return set()


def _records(lines: list[Line], rows: list[int], head: int, cards: set[int],
             max_rows: int) -> tuple[list[int], int] | None:
    """The records and the last row of the block under the headline at row ``head``, or None."""
    block: list[int] = []
    for k in range(head + 1, min(len(rows), head + 1 + 2 * max_rows)):
        line = lines[rows[k]]
        if k in cards or (ruled_else(line) and line.category in END_CATEGORIES):
            break
        block.append(k)
    kinds = _record_kinds(lines, rows, block)
    sections: list[list[int]] = []
    for k in block:
        if sections and rows[k] == rows[sections[-1][-1]] + 1:
            sections[-1].append(k)
        else:
            sections.append([k])
    end, gap, prose = head, 0, 0
    for section in sections:
        if any(k in kinds for k in section):
            end, gap, prose = section[-1], 0, 0
        elif _is_prose(lines, rows, section):
            prose += sum(_is_sentence(lines[rows[k]]) for k in section)
            if prose >= _MAX_SENTENCES:
                break  # (a prose article, or the prose after the records: the body's)
        elif end > head and not lines[rows[section[0]]].text.rstrip().endswith((":", "：")):
            gap += 1
            if gap > _MAX_GAP:
                break
    records = [k for k in block if k <= end and k in kinds]
    plain = [k for k in block if records and records[0] <= k <= end  # (the meeting's place and time aside)
             and not _is_sentence(lines[rows[k]]) and not ruled(lines[rows[k]])]
    if (len(records) < _MIN_RECORD_ROWS or len(records) < _RECORD_SHARE * len(plain)
            or len({kinds[k] for k in records}) < 2 or records[0] - head > _HEAD_ROWS):
        return None
    return records, end


def _is_prose(lines: list[Line], rows: list[int], section: list[int]) -> bool:
    """A section of sentences alone (lines a rule dropped aside)."""
    return all(_is_sentence(lines[rows[k]]) or ruled(lines[rows[k]]) for k in section)


def _is_sentence(line: Line) -> bool:
    return line.words >= 4 and ends_like_sentence(line.text)


def _record_kinds(lines: list[Line], rows: list[int], block: list[int]) -> dict[int, str]:
    """The rows of ``block`` that are records, each with its kind: 'data', 'numbered' or
    'field' (see :func:`records_under_headline`).

    >>> text = ["1. Opening", "Besluit", "2. Agenda", "Besluit", "Stemuitslag 12 3", "Besluit", "Menu"]
    >>> kinds = _record_kinds([Line(i, t) for i, t in enumerate(text)], list(range(7)), list(range(7)))
    >>> [kinds.get(k, "") for k in range(7)]
    ['numbered', 'field', 'numbered', 'field', 'data', 'field', '']
    """
    kinds: dict[int, str] = {}
    fields: dict[str, list[int]] = {}
    numbers: list[tuple[int, int]] = []
    for k in block:
        line = lines[rows[k]]
        if ruled(line) or line.guarded:
            continue
        text = line.text.strip()
        if data_row(text):
            kinds[k] = "data"
        if m := _NUMBERED.match(text):
            numbers.append((k, int(m.group(1) or m.group(2))))
        if line.words <= _FIELD_WORDS and not ends_like_sentence(text) and not DIGIT.search(text):
            if line.key:
                fields.setdefault(line.key, []).append(k)
    for (k, n), (j, following) in zip(numbers, numbers[1:]):
        if following == n + 1:  # (two in a row that count on: a sequence)
            kinds.setdefault(k, "numbered")
            kinds.setdefault(j, "numbered")
    for found in fields.values():
        if len(found) >= _FIELD_MIN:
            for k in found:
                kinds.setdefault(k, "field")
    return kinds
