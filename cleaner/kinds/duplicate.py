"""``duplicate``: later copies of the title or of a paragraph."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..cache import compile_pattern
from ..document import Line
from ..text import BULLET, DIGIT, ends_question, words
from .base import Param, ReviseKind

if TYPE_CHECKING:
    from ..document import Document
    from ..rules import Rule


class DuplicateKind(ReviseKind):
    name = "duplicate"
    summary = ("a later copy of the title (`title_min_words`+ words, anywhere) or of a paragraph "
               "(`min_words`+ words, within `max_distance` lines); a question asked again with another "
               "answer stays")
    guarded = True
    needs_patterns = False
    reads_patterns = False
    params = {
        "min_words": Param(15, "the shortest paragraph (in words) whose copy is a duplicate"),
        "title_min_words": Param(4, "the shortest title (in words) whose copy is a duplicate"),
        "max_distance": Param(12, "the most kept lines between a paragraph and its copy"),
    }

    def check(self, doc: Document, rule: Rule, matching: frozenset[int]) -> None:
        """Later copies of the title (``title_min_words`` or more, anywhere) or of a paragraph
        (``min_words`` or more, within ``max_distance`` kept lines of the last copy).
        Shorter or distant repeats are content: recipe steps, answers, refrains. Only a copy
        the reader sees (kept, or itself a duplicate of a kept one) makes a later one a
        duplicate: when another rule dropped the first copy (page mode, the title above the
        article region), the next copy is the one that stays. A question asked again and
        answered differently (an interview that puts one question to each guest in turn) is
        content, not a duplicate; so is the title printed again under another clock time than
        the one above its first copy (a schedule: a programme that airs at 5:55 and at 6:20).
        A bulleted copy of the title is a list's item (the last step of a breadcrumb trail,
        '• Posts' then '• <headline>'), not the title: the headline under it stays; a short line
        ending in ':' is never the title (a letter's salutation over each letter of a
        letters page, 'Editor of the Gazette:', is no headline printed again)."""
        title_min, min_words = rule.param("title_min_words"), rule.param("min_words")
        max_distance, shortest = rule.param("max_distance"), min(title_min, min_words)
        if not any(line.words >= shortest for line in doc.lines):
            return  # (no line is long enough to be a duplicate: a document of short lines)
        # (a bulleted line is a list's item, never the title: a list printed at the top, then
        # again in the story, would lose an item)
        # (nor is a row of figures above it: a date, a weather or currency bar, 'DOLAR 42.81 ₺')
        # (nor a short line ending in ':', which opens what follows: a letter's salutation,
        # 'Editor of the Gazette:', printed over each letter of a letters page; a paragraph
        # ending in ':' over a table stays the title, so the table's header row, printed over
        # each of its tables, never becomes one)
        title = next((l.key for l in doc.lines if l.is_kept and l.words >= title_min and not BULLET.match(l.text)
                      and _worded(l.text) and not _salutation(l)), None)
        last_seen: dict[str, int] = {}
        answer_after: dict[str, str] = {}  # a question's key -> the line after its last copy
        position = 0
        lines = [line for line in doc.lines if not line.is_blank]
        answers = None  # (found on the first question)
        title_clock = None  # the clock time above the first copy of the title, if any
        for k, line in enumerate(lines):
            # Distances count the lines a reader sees (kept ones), so that cleaning the
            # output again, without the dropped lines, finds the same duplicates.
            position += line.is_kept
            words = line.words
            if words < shortest:
                continue  # too short to be a duplicate: no need to fold it
            key = line.key
            is_title = key == title and words >= title_min
            if words < min_words and not is_title:
                continue
            previous = last_seen.get(key)
            near = previous is not None and (is_title or position - previous <= max_distance)
            if is_title:
                clock = _clock_above(lines, k)
                if previous is None:
                    title_clock = clock
                elif near and clock is not None and title_clock is not None and clock != title_clock:
                    near = False  # the same programme at another time: a schedule's entry
            asked = not is_title and ends_question(line.text)
            if asked and answers is None:
                answers = _next_kept(lines)
            answer = lines[answers[k + 1]].key if asked and answers[k + 1] >= 0 else None
            if asked and near and answer is not None and answer_after.get(key) not in (None, answer):
                near = False  # the same question, another answer: a Q&A
            if near and line.is_kept and not line.guarded:
                line.drop(rule)
                position -= 1
            if (line.is_kept or line.rule == rule.full_id) and not (is_title and BULLET.match(line.text)):
                # (only a copy the reader sees makes later ones duplicates; and a bulleted copy of
                # the title is a list's item, the last of a breadcrumb trail above the headline:
                # it does not make the headline a duplicate)
                last_seen[key] = position
                if answer is not None:
                    answer_after[key] = answer


_LETTERS = compile_pattern(r"[^\W\d_]{2}")  # (two letters in a row)


_SALUTATION_WORDS = 10  # the longest line ending in ':' that opens what follows (a salutation, a label)


def _salutation(line: Line) -> bool:
    """A short line ending in ':' (``_SALUTATION_WORDS`` words at most): it opens what
    follows, a letter ('Editor of the Gazette:', 'To the Editor of the Herald:') or a list,
    and is no headline.

    >>> [_salutation(Line(0, t)) for t in ("Editor of the Gazette:", "Readers want the bridge fixed first")]
    [True, False]
    """
    return line.words <= _SALUTATION_WORDS and line.text.endswith((":", "："))


def _worded(text: str) -> bool:
    """More of the line's words are words of two letters or more than hold a figure: a
    title, not a row of figures a page prints above it (a date, a weather bar, a currency
    ticker). A citation ('Hamberger, J. (2021): Der Holzhandel. LWF aktuell 131, S. 34')
    has more words than figures.

    >>> [_worded(t) for t in ("19 Aralık 2025 Cuma", "Ветер: 4 м/с С", "Saturday, October 27, 2012 12:32 PM")]
    [False, False, False]
    >>> [_worded(t) for t in ("Man, 45, dies in crash", "Hamberger, J. (2021): Der Holzhandel. LWF aktuell 131, S. 34")]
    [True, True]
    """
    found = words(text)
    return sum(1 for word in found if _LETTERS.search(word)) > sum(1 for word in found if DIGIT.search(word))


# a clock time alone on its line ('5:55 AM', '20.15 Uhr', '21h00'): a schedule's time slot
_CLOCK = compile_pattern(r"(?i)^\d{1,2}[:.h]\d{2}(?:\s?(?:[ap]\.?\s?m\.?|uhr|h))?$")


def _clock_above(lines: list[Line], k: int) -> str | None:
    """The clock time on the kept line above the ``k``-th (blank lines left out), or None.
    (A clock another rule dropped is gone when the output is cleaned again.)

    >>> _clock_above([Line(1, "6:20 AM"), Line(2, "Come Dine with Me")], 1), _clock_above([Line(1, "Come Dine with Me")], 0)
    ('6:20 AM', None)
    """
    above = lines[k - 1] if k else None
    return above.text.strip() if above is not None and above.is_kept and _CLOCK.match(above.text.strip()) else None


def _next_kept(lines: list[Line]) -> list[int]:
    """For each index, that of the first kept line there or after (-1: none); the line
    after a question is its answer. The check only drops the line it is at, never one
    after it, so the table, found at the first question, gives each later question the
    answer it would find then. (Looking for each answer anew was quadratic where the rest
    of a long document was dropped.)

    >>> lines = [Line(1, "a"), Line(2, "b", action="drop"), Line(3, "c")]
    >>> _next_kept(lines)
    [0, 2, 2, -1]
    """
    found, following = [-1] * (len(lines) + 1), -1
    for j in range(len(lines) - 1, -1, -1):
        if lines[j].is_kept:
            following = j
        found[j] = following
    return found


