"""Page mode's article edges: who wrote it and when, around the headline and under the body.

Between the headline and the body, and right below the body, a page prints the article's
own header and sign-off among its chrome: the authors' bare names beside a byline or a date
(:func:`author_names`, :func:`bylined_names`), an author's bio under the story that names
them (:func:`author_bio`), a blogger's sign-off with the byline's first name
(:func:`sign_off`), a date over the headline (:func:`dated_above`) or printed one part a
line (:func:`split_dates`). Each stays only with its second piece of evidence: a guard's
byline or date next to it, or the name the header printed.
"""
from __future__ import annotations

from ..cache import compile_pattern
from ..document import Line
from ..text import DIGIT
from .page_lines import ends_like_sentence, is_sentence_prose, ruled, ruled_else


_NAME_WORDS = r"(?:[^\W\d_][\w.\x27’-]*\s){1,2}[^\W\d_][\w.\x27’-]*"  # two or three words
_NAME = compile_pattern(f"^{_NAME_WORDS}$")


def _is_bare_name(text: str) -> bool:
    """Two or three capitalised words and nothing else: an author's name ('Tom Cheredar')."""
    return _NAME.match(text) is not None and all(word[0].isupper() for word in text.split())


def author_names(lines: list[Line], rows: list[int], start: int, first: int) -> set[int]:
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


def bylined_names(lines: list[Line], rows: list[int], start: int, header_rows: int, prose_words: int) -> set[str]:
    """The authors' names in the article's header (the rows under its first row ``start``,
    up to ``header_rows``, above the first paragraph): the names of guarded bylines ('By
    Ann Lee, staff writer') and bare names beside a byline or date ('Ann Lee' over
    '1:39 PM ET').

    >>> text = ["Neon lights up the city", "Ann Lee", "1:39 PM ET", "The lights went on at dusk, as they have for a hundred years."]
    >>> sorted(bylined_names([Line(i, t, guarded=i == 2) for i, t in enumerate(text)], [0, 1, 2, 3], 0, 6, 12))
    ['Ann Lee']
    """
    header: list[int] = []
    for i in rows:
        if i <= start:
            continue
        if len(header) == header_rows or is_sentence_prose(lines[i], prose_words) and not lines[i].guarded:
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


def author_bio(lines: list[Line], rows: list[int], names: set[str], last: int, window: int) -> set[int]:
    """The author's bio under the article ('Ann Lee is the author of The Kitchen.'): within
    ``window`` rows after its last line, a sentence that starts with a name the byline
    printed above the body, and that name alone on the line right above it. A short
    sentence outside the body is otherwise a teaser's summary; the byline's name is the
    second piece of evidence.

    >>> text = ["Article ends here.", "About the author", "Ann Lee", "Ann Lee is the author of The Kitchen."]
    >>> sorted(author_bio([Line(i, t) for i, t in enumerate(text)], [0, 1, 2, 3], {"Ann Lee"}, 0, 25))
    [2, 3]
    """
    bio: set[int] = set()
    if not names:
        return bio
    after = [i for i in rows if last < i <= last + window]
    for k, i in enumerate(after):
        text = lines[i].text.strip()
        name = next((n for n in names if text.startswith(n + " ")), None)
        if name is None or ruled_else(lines[i]) or not ends_like_sentence(text) or lines[i].words < 5:
            continue
        bio.add(i)
        if k > 0 and lines[after[k - 1]].text.strip() == name:
            bio.add(after[k - 1])
    return bio


_MONTH = (r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez|janv|févr"
          r"|mars|avr|juin|juil|août|sept|déc|ene|abr|ago|dic|fev|set|out|gen|mag|giu|lug|ott)[a-zéû]*\.?")
# a date inside a line ('Seebaer 03.10.2023, 09:12 Uhr', 'By Ann Lee 10. März 2023 in Travel')
_HAS_DATE = compile_pattern(rf"(?i)\b\d{{1,2}}[./-] ?\d{{1,2}}[./-] ?\d{{2,4}}\b|\b\d{{1,2}}\.? {_MONTH},? \d{{4}}\b"
                            rf"|\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}\b")
_BYLINE_WORD = compile_pattern(r"(?i)^(?:by|von|por|par|di|door|av|from)$")


def _header_names(lines: list[Line], rows: list[int], begin: int, header_rows: int) -> set[str]:
    """The first names: the capitalised word (four letters or more) that opens a guarded
    line or a short line holding a date (a byline, a date line with its author), after a
    'By', within ``header_rows`` rows above the body's first row ``begin``: 'Marlene' of
    'By Marlene Kaiser 10. März 2023', 'Seebaer' of 'Seebaer 03.10.2023, 09:12 Uhr'."""
    names: set[str] = set()
    for k in range(max(0, begin - header_rows), begin):
        line = lines[rows[k]]
        if not (line.guarded or (line.words <= 12 and _HAS_DATE.search(line.text))):
            continue
        words = line.text.split()[:4]
        if words and _BYLINE_WORD.match(words[0]):
            words = words[1:]
        word = words[0].strip(",;:") if words else ""
        if len(word) >= 4 and word.isalpha() and word[0].isupper():
            names.add(word.casefold())
    return names


def sign_off(lines: list[Line], rows: list[int], begin: int, end: int, header_rows: int, byline_rows: int) -> set[int]:
    """A blogger's sign-off under the post ('Good luck!' / 'Yours, Seebaer', 'x Marle'):
    within ``byline_rows`` rows after the body's last row ``end``, a line of one or two words
    whose last word is the first name (or its short form: 'Marle' of 'Marlene') a byline
    over the article printed, with the lines between (a greeting) when no rule dropped them,
    none holds a digit and none ends in ':' (an address, an author box under its label). A
    short line under an article is otherwise a teaser's or a widget's; the byline's name is
    the second piece of evidence. A name the header does not print ('x Anna' under a post
    by someone else), a 'More from ...' link and a comment's signature further down still go.

    >>> text = ["By Marlene Kaiser 10. März 2023", "The trip was long, but the view from the top made up for it.",
    ...         "Have a nice Sunday <3", "x Marle", "Related Posts"]
    >>> lines = [Line(i, t, guarded=i == 0) for i, t in enumerate(text)]
    >>> sorted(sign_off(lines, [0, 1, 2, 3, 4], 1, 1, 12, 3))
    [2, 3]
    >>> lines[3] = Line(3, "x Anna")
    >>> sign_off(lines, [0, 1, 2, 3, 4], 1, 1, 12, 3)
    set()
    """
    names = _header_names(lines, rows, begin, header_rows)
    if not names:
        return set()
    for k in range(end + 1, min(len(rows), end + 1 + byline_rows)):
        line = lines[rows[k]]
        if ruled_else(line) or DIGIT.search(line.text.replace("<3", "")) or line.text.endswith((":", "：")):
            break  # (an address, a contact box under its label: no greeting; a heart '<3' is no number)
        words = line.text.split()
        if not 1 <= len(words) <= 2:
            continue
        name = words[-1].strip(",.!;:").casefold()
        if len(name) >= 4 and name.isalpha() and any(full == name or full.startswith(name) for full in names):
            return {rows[j] for j in range(end + 1, k + 1)}
    return set()


def dated_above(lines: list[Line], rows: list[int], head: int, byline_rows: int) -> set[int]:
    """The date (or byline: a guarded line) printed just above the headline, as blogs print
    the day's date over each post: within ``byline_rows`` rows above it, with nothing but
    bare labels (one or two words: "Print", "Text") or lines a rule dropped between them.
    A page's menus above the headline hold no date; a date at the top of the page, above
    the menus, is further away."""
    kept = set()
    for k in range(head - 1, max(head - 1 - byline_rows, -1), -1):
        line = lines[rows[k]]
        if line.guarded and not ruled(line):
            kept.add(rows[k])
        elif not (ruled(line) or line.words <= 2):
            break
    return kept


# a date whose parts a page prints one a line, read joined: '14 Mar 2023 8:05am, EDT', 'March 14, 2023'
_SPLIT_DATE = compile_pattern(
    rf"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? )?(?:(\d{{1,2}})\.? {_MONTH},?|{_MONTH} (\d{{1,2}})(?:st|nd|rd|th)?,?)"
    r" (?:19|20)\d{2}(?: \d{1,2}[:.]\d{2} ?(?:[ap]\.?m\.?)?(?:,? (?-i:[A-Z]{2,4}))?)?$")
_SPLIT_DATE_ROWS = 5  # the most lines a split date takes (weekday, day, month, year, time)


def split_dates(lines: list[Line], rows: list[int], split: list[set[int]], head: int, body: int,
                byline_rows: int) -> set[int]:
    """A date printed one part a line ('14' / 'Mar' / '2023' / '8:05am, EDT'), which no guard
    reads since no line holds a date, just above the article's first line ``head`` (a
    row index) or between it and the body's first row ``body``; ``split`` holds, for each
    row index, the date that ends there (:func:`split_date_at`). Two pieces of evidence
    besides the short lines' shape: read together, in adjacent lines (no blank line between
    them), they are a whole date (a day of 1 to 31, a month's name, a year, maybe a clock
    time), and they stand in the article's header (above the headline, only lines a rule
    dropped, up to ``byline_rows``, may stand between). A pager's or a teaser list's dates
    printed the same way stand above other stories' headlines, below the article, and
    still go.

    >>> text = ["Print", "14", "Mar", "2023", "8:05am, EDT", "", "Harbour ferry gets a new timetable", "It runs often."]
    >>> lines = [Line(i, t) for i, t in enumerate(text)]
    >>> rows = [0, 1, 2, 3, 4, 6, 7]
    >>> split = [split_date_at(lines, rows, k) for k in range(len(rows))]
    >>> sorted(split_dates(lines, rows, split, 5, 6, 3)), sorted(split_dates(lines, rows, split, 0, 6, 3))
    ([1, 2, 3, 4], [1, 2, 3, 4])
    >>> text = ["Page", "14", "Mar", "99", "", "Harbour ferry gets a new timetable", "It runs often."]
    >>> lines, rows = [Line(i, t) for i, t in enumerate(text)], [0, 1, 2, 3, 5, 6]
    >>> split_dates(lines, rows, [split_date_at(lines, rows, k) for k in range(len(rows))], 4, 5, 3)
    set()
    """
    k, skipped = head - 1, 0
    while k >= 0 and ruled(lines[rows[k]]) and skipped < byline_rows:
        k, skipped = k - 1, skipped + 1
    found = set(split[k]) if k >= 0 else set()
    for k in range(head + 1, body):
        found |= split[k]
    return {rows[j] for j in found}


def split_date_at(lines: list[Line], rows: list[int], k: int) -> set[int]:
    """The row indexes of a date printed one part a line whose last part is row index ``k``."""
    run: list[int] = []
    while (k >= 0 and len(run) < _SPLIT_DATE_ROWS and not ruled(lines[rows[k]]) and lines[rows[k]].words <= 3
           and (not run or rows[k] == rows[run[-1]] - 1)):
        run.append(k)
        k -= 1
    for n in range(len(run), 2, -1):
        found = _SPLIT_DATE.match(" ".join(lines[rows[j]].text.strip() for j in reversed(run[:n])))
        if found and 1 <= int(found.group(1) or found.group(2)) <= 31:
            return set(run[:n])
    return set()
