"""Page mode's counts: numbered entries below the body that go on with the article's count,
and short items counted 1, 2, 3 under a line ending in ':' (see :func:`counted_lists`).

A ranking or a list article numbers its entries ('12. Ben Platt' over a paragraph on him);
a page dump may print the last entries without their paragraphs (text a script loads
later), so the article's prose stops early and the entries under it, bare headings with a
name under each, looked like a menu. They are the article's when two pieces of evidence
hold: the body holds a run of the count already (``min_run`` numbered headings or more with
the same words before the number, counting up by one), and the entries below go on with it
from the next number, each heading a title (words after the number, not a pager's bare
'17'), with at most ``_ENTRY_ROWS`` short lines of its own under it. A most-read list under
the article counts from 1, and a pager's numbers hold no title.

>>> from cleaner.document import Line
>>> text = ["1. Ann Lee", "Ann Lee grew up by the sea and first acted at school, her mother said.",
...         "2. Bo Kim", "Bo Kim studied law before a film made her famous in a single summer.",
...         "3. Cy Wu", "Cy Wu won every prize the festival gave that year, the jury said.",
...         "4. Di Ho", "Di Ho is the youngest of them, and the only one who also writes.",
...         "5. Ed Fox", "Ed Fox", "6. Fay Orr", "Fay Orr", "Most read", "1. Storm closes the coast road"]
>>> lines = [Line(i, t) for i, t in enumerate(text)]
>>> rows = list(range(len(text)))
>>> continued_count(lines, rows, 0, 7, 100, 4)
11
>>> continued_count(lines, rows, 0, 5, 100, 4)  # (three headings in the body: no count yet)
5
"""
from __future__ import annotations

from ..cache import compile_pattern
from ..document import Line
from .page_lines import ruled

# a numbered heading: the words before the number (a 'Platz ' or nothing), the number, a mark or
# a space, and a title that starts with a letter
_HEADING = compile_pattern(r"^(\D{0,12}?)(\d{1,3})(?:[.):]\s*+|\s++)([^\W\d_].*)$")
_ENTRY_ROWS = 2  # the most lines an entry prints under its heading without its paragraph (the name again)
_ENTRY_WORDS = 8  # ... each that short


def _heading(line: Line) -> tuple[str, int] | None:
    """The words before the number and the number of a numbered heading no rule dropped."""
    found = None if ruled(line) else _HEADING.match(line.text)
    return (found.group(1).casefold(), int(found.group(2))) if found else None


def continued_count(lines: list[Line], rows: list[int], begin: int, end: int, max_rows: int, min_run: int) -> int:
    """The body's last row (index into ``rows``), moved down over the numbered entries that go on
    with the count its headings keep (see the module's docstring); ``end`` if none."""
    headings = [(k, found) for k in range(begin, end + 1) if (found := _heading(lines[rows[k]]))]
    if not headings:
        return end
    prefix, number = headings[-1][1]
    run = 1
    for (_, (before, earlier)), (_, (after, later)) in zip(headings[-2::-1], headings[:0:-1]):
        if before != prefix or earlier != later - 1:
            break
        run += 1
    if run < min_run:
        return end
    last, under = end, 0
    for k in range(end + 1, min(len(rows), end + 1 + max_rows)):
        line = lines[rows[k]]
        found = _heading(line)
        if found == (prefix, number + 1):
            number, last, under = number + 1, k, 0
        elif found is None and not ruled(line) and under < _ENTRY_ROWS and line.words <= _ENTRY_WORDS:
            under += 1
        else:
            break
    if last > end:  # (the last entry's own short lines: its name under the heading)
        while last + 1 < len(rows) and last + 1 <= end + max_rows and _entry_line(lines, rows, last):
            last += 1
    return last


def _entry_line(lines: list[Line], rows: list[int], k: int) -> bool:
    """The row under ``k`` is the entry's own short line: it repeats words of the heading above."""
    heading = lines[rows[k]].text.casefold()
    line = lines[rows[k + 1]]
    return not ruled(line) and _heading(line) is None and line.words <= _ENTRY_WORDS \
        and line.text.casefold() in heading


_COUNTED = compile_pattern(r"^(\d{1,2})[.)]\s+\S")
_COUNT_MIN = 3  # the fewest items of a counted list ('1.', '2.', '3.' under a line ending in ':')
_COUNT_BLANKS = 3  # the most blank lines between a counted list's intro or items


def counted_lists(lines: list[Line], rows: list[int]) -> set[int]:
    """The rows (indexes into ``rows``) of counted lists: under a line ending in ':', items
    numbered 1, 2, 3 ... in order (``_COUNT_MIN`` or more), each perhaps wrapped onto one
    more line right under it (no blank line between), at most ``_COUNT_BLANKS`` blank lines
    between two of them. The count is the second piece of evidence that a list of short
    items ('3. Hymn', '4. Eulogy' in an order of service, a recipe's steps) is the story's,
    spaced by blank lines as some dumps print every item: a menu or a tag list counts
    nothing, and a most-read list's numbered headlines are items already (three words or
    more).

    >>> text = ["The service runs as follows:", "", "1. Bells", "", "2. Prelude on the organ,",
    ...         "or a choir", "", "3. Hymn", "", "4. Eulogy", "", "Flowers go on the coffin."]
    >>> lines = [Line(i, t) for i, t in enumerate(text)]
    >>> rows = [i for i, t in enumerate(text) if t]
    >>> sorted(rows[k] for k in counted_lists(lines, rows))
    [2, 4, 5, 7, 9]
    >>> counted_lists([Line(0, "Menu:"), Line(1, "1. Home"), Line(2, "3. News")], [0, 1, 2])
    set()
    """
    counted: set[int] = set()
    k = 0
    while k < len(rows):
        if ruled(lines[rows[k]]) or not lines[rows[k]].text.endswith((":", "：")):
            k += 1
            continue
        run: list[int] = []
        expected, j = 1, k + 1
        while j < len(rows) and not ruled(lines[rows[j]]) and rows[j] - rows[j - 1] <= _COUNT_BLANKS + 1:
            m = _COUNTED.match(lines[rows[j]].text)
            if m and int(m.group(1)) == expected:
                expected += 1
            elif not (m is None and run and run[-1] == j - 1 and rows[j] == rows[j - 1] + 1
                      and _COUNTED.match(lines[rows[j - 1]].text)
                      and not lines[rows[j]].text.endswith((":", "："))):
                break  # (not the next number, nor the one line a wrapped item runs onto)
            run.append(j)
            j += 1
        if expected - 1 >= _COUNT_MIN:
            counted.update(run)
        k = max(k + 1, j)
    return counted
