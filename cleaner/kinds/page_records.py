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
>>> sorted(records_under_headline(lines, list(range(len(page))), lines[0].key, {"town daily"}, set(), 100))[:3]
[1, 2, 3]
"""
from __future__ import annotations

from ..cache import compile_pattern
from ..document import Line
from ..text import repeats_title
from .page_lines import END_CATEGORIES, ends_like_sentence, ruled, ruled_else
from .page_tables import data_row, key_value

_FIELD_WORDS = 3  # the most words of a record's field name ('Besluit', 'Stemuitslag', 'Vote count')
_FIELD_MIN = 3  # the fewest times a field name recurs
_MIN_RECORD_ROWS = 6  # the fewest rows of records under the headline
_RECORD_SHARE = 1 / 3  # the share of the block's rows (sentences aside) that are records
_HEAD_ROWS = 20  # the most rows between the headline and the first record (a meeting's place and time)
_MAX_GAP = 2  # the most sections in a row without a record between two with records
_NUMBERED = compile_pattern(r"^(?:(\d{1,3})[.)]?|[^\W\d_]+\s(\d{1,3})[.:]?)(?:\s|$)")  # '1. Opening', 'Agendapunt 4', 'TOP 7'
_DIGITS = compile_pattern(r"\d+")
_PUNCTUATION = compile_pattern(r"[^\w\s]")


def records_under_headline(lines: list[Line], rows: list[int], title: str, site: set[str], cards: set[int],
                           max_rows: int) -> set[int]:
    """The rows of records the article is: the line that repeats the page title and the
    sections (blocks of adjacent lines) under it, up to a line a rule dropped as related
    links, footer or comments or a teaser card, while records follow each other (after the first, at most
    ``_MAX_GAP`` sections in a row without one; sections of sentences alone, a
    resolution's text, and lists a line ending in ':' introduces, 'Absent:' over names,
    are neither). A row is a record when it is data (see
    :func:`page_tables.data_row`), a key and its value ('Sitzungsort: Rathaus'), an item of
    a numbered sequence ('7. Budget', '8. Harbour'; 'Agendapunt 4', 'Agendapunt 5') or a
    field name that recurs (a short line printed three times or more, numbers aside:
    'Besluit', 'Beschlussvorlage - 23/2012'). The block needs ``_MIN_RECORD_ROWS`` of
    them, the first within ``_HEAD_ROWS`` rows of the headline, ``_RECORD_SHARE`` of its
    rows from the first record on that are no sentences, and two kinds of them: a
    menu printed three times recurs but holds no data or numbered sequence, a results
    table under its headline is :func:`page_tables.data_under_headline`'s. Empty when there
    is none."""
    if not title:
        return set()
    heads = [k for k in range(1, len(rows)) if not ruled(lines[rows[k]]) and lines[rows[k]].key not in site
             and repeats_title(lines[rows[k]].text, title, prefix=True)]
    for head in heads + [0]:  # (the <title> itself last: the headline of a page already cut)
        end = _records_end(lines, rows, head, cards, max_rows)
        if end is not None:
            return set(rows[head : end + 1])
    return set()


def _records_end(lines: list[Line], rows: list[int], head: int, cards: set[int], max_rows: int) -> int | None:
    """The last row of the records under the headline at row ``head``, or None."""
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
    end, gap = head, 0
    for section in sections:
        if any(k in kinds for k in section):
            end, gap = section[-1], 0
        elif end > head and not _neutral(lines, rows, section):
            gap += 1
            if gap > _MAX_GAP:
                break
    records = [k for k in block if k <= end and k in kinds]
    plain = [k for k in block if records and records[0] <= k <= end  # (the meeting's place and time aside)
             and not _is_sentence(lines[rows[k]]) and not ruled(lines[rows[k]])]
    if (len(records) < _MIN_RECORD_ROWS or len(records) < _RECORD_SHARE * len(plain)
            or len({kinds[k] for k in records}) < 2 or records[0] - head > _HEAD_ROWS):
        return None
    return end


def _neutral(lines: list[Line], rows: list[int], section: list[int]) -> bool:
    """A section that neither holds records nor ends them: sentences (a resolution's text)
    or a list under a line ending in ':' ('Absent:' over the names)."""
    return (lines[rows[section[0]]].text.rstrip().endswith((":", "："))
            or all(_is_sentence(lines[rows[k]]) or ruled(lines[rows[k]]) for k in section))


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
        if data_row(text) or key_value(text):
            kinds[k] = "data"
        if m := _NUMBERED.match(text):
            numbers.append((k, int(m.group(1) or m.group(2))))
        if line.words <= _FIELD_WORDS and not ends_like_sentence(text):
            key = " ".join(_PUNCTUATION.sub(" ", _DIGITS.sub("", line.key)).split())
            if key:
                fields.setdefault(key, []).append(k)
    for (k, n), (j, following) in zip(numbers, numbers[1:]):
        if following == n + 1:  # (two in a row that count on: a sequence)
            kinds.setdefault(k, "numbered")
            kinds.setdefault(j, "numbered")
    for found in fields.values():
        if len(found) >= _FIELD_MIN:
            for k in found:
                kinds.setdefault(k, "field")
    return kinds
