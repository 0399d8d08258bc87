"""Page mode's headline: the line that repeats the page's <title> (the dump's first line, "Headline
- Site"), the site's names in that title (folded, as line keys are), and the headline found
without it (a headline-shaped line over a byline or a date, right above the body).

>>> sorted(site_names("Budget passes - Town News"))
['townnews']
"""
from __future__ import annotations

from ..cache import compile_pattern
from ..document import Line
from ..text import (DATA_CHARS, TITLE_MAX_WORDS, TITLE_MIN_CHARS, ends_sentence, fold, is_title_like,
                    nearly_repeats_title, repeats_title, word_count, words)
from .page_lines import END_CATEGORIES, ends_like_sentence, is_sentence_prose, ruled, ruled_else, sentence_words


def late_copy(lines: list[Line], rows: list[int], densest: tuple[int, int], anchor: int, exact: bool,
              clearly_more: float) -> bool:
    """The ``anchor`` inside the densest stretch is a late copy of the title, not the
    headline: the stretch holds more words of sentences above it than below (a near copy,
    a late subheading), or ``clearly_more`` times more (an exact copy: the guide's topic
    in a menu at its end, met again when its cut output is read a second time).

    >>> story = Line(0, "A worker who pays 100 euros a month gets 40 euros more from the employer, she said.")
    >>> lines = [story, story, story, Line(3, "Company pensions"), Line(4, "We test every offer ourselves.")]
    >>> rows = list(range(5))
    >>> late_copy(lines, rows, (0, 4), 3, True, 2)  # (the guide above it, a footer's line below)
    True
    >>> late_copy([lines[3], story, story], rows[:3], (0, 2), 0, True, 2)  # (the headline over its story)
    False
    """
    above = sentence_words(lines, rows, (densest[0], anchor - 1))
    below = sentence_words(lines, rows, (anchor + 1, densest[1]))
    return above > (clearly_more * below if exact else below)


def title_anchor(lines: list[Line], rows: list[int], weights: list[int], window: int,
                 title: str, site: set[str], story: str, clearly_more: float) -> int | None:
    """The row of the headline: a line after the title that repeats it and has prose within
    ``window`` rows below it. Of several, the one repeating most of the title (the headline,
    not the site's name of "Headline | Site"); of those the first, unless a later one is
    followed by clearly more article (``clearly_more`` times the words of sentences): the
    title repeated in a sign-up box above the article has a form under it, not the body,
    while a teaser list below the article has comments under it, which are sentences too.
    A later copy with no sentence between the two is the headline (see
    :func:`_nearest_copy`). A line that repeats only the site's name (``site``, see
    :func:`site_names`) or that another rule dropped is no headline; one that adds a few
    words to the title's ``story`` part is (see :func:`_extends_story`)."""
    def prose_below(k: int) -> bool:
        return any(w > 0 for w in weights[k + 1 : k + 1 + window])

    best, best_length, best_body = None, 0, 0
    for k in range(1, len(rows)):
        line = lines[rows[k]]
        if (not ruled(line) and line.key not in site
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


def story_part(title: str, site: set[str]) -> str:
    """The folded part of a <title> that names the story, when the title also names the
    site (see :func:`site_names`); empty otherwise.

    >>> story_part("Ultium Cells erhöht Kapazität - Battery-News.de", {"batterynewsde"})
    'ultiumcellserhöhtkapazität'
    """
    parts = [fold(part) for part in _TITLE_SEPARATOR.split(title)] if site else []
    return max((part for part in parts if part not in site), key=len, default="")


def _extends_story(line: Line, story: str) -> bool:
    """The line is the story's part of the title and a few words more, as a headline that
    the <title> shortened ('Ultium Cells erhöht Gigafactory-Kapazität in Tennessee')."""
    return (len(story) >= TITLE_MIN_CHARS and line.key.startswith(story) and line.key != story
            and line.words <= TITLE_MAX_WORDS and not ends_like_sentence(line.text))


def site_names(title: str) -> set[str]:
    """The folded parts of a <title> that name the site, not the story: of the parts
    between separators ('Headline | National Review'), those of at most three words that
    are not the longest (a headline's own parts, 'Run Windows on Mac - Parallels Desktop
    15 for Mac', are longer).

    >>> sorted(site_names("Schiff works against the clock | National Review"))
    ['nationalreview']
    >>> site_names("Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac")
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
    teaser of the story below it, see :func:`title_anchor`)."""
    if anchor is None:
        return None
    key = lines[rows[anchor]].key
    for k in range(anchor + 1, len(rows)):
        line = lines[rows[k]]
        if line.key == key and not ruled(line):
            anchor = k
        elif not ruled(line) and line.words >= 4 and ends_like_sentence(line.text):
            break
    return anchor


def _body_below(lines: list[Line], rows: list[int], weights: list[int], anchor: int) -> int:
    """The words of sentences in the best stretch below ``anchor`` (0: none). (Sentences:
    a sidebar's list of archive months is a long line, but no sentence.)"""
    body = densest_from(weights, anchor)
    return sentence_words(lines, rows, body) if body is not None else 0


def densest_from(weights: list[int], anchor: int) -> tuple[int, int] | None:
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


def headline_row(lines: list[Line], rows: list[int], body_start: int, window: int, title: str,
              site: set[str]) -> int | None:
    """The line within ``window`` rows above the body that repeats the page title (not
    only the site's name in it: ``site``, see :func:`site_names`)."""
    for k in range(body_start - 1, max(body_start - 1 - window, 0), -1):
        if lines[rows[k]].key not in site and repeats_title(lines[rows[k]].text, title, prefix=True):
            return rows[k]
    return None


def begins_with_headline(lines: list[Line], rows: list[int], weights: list[int], until: int) -> bool:
    """The first row is the article's headline, not a page's <title> above its menus: it
    reads like a title (a question too), and every row between it and row ``until`` (the body, or the title
    repeated) is prose or what stays between a headline and its body (a byline, a date, a
    standfirst, a line of data), never a bare label of one or two words nor a line a rule
    dropped. That is how the article page mode returns begins; a page's menus hold labels."""
    return bool(rows) and _is_headline_shape(lines[rows[0]]) and all(
        weights[k] > 0 or _heads_article(lines[rows[k]]) for k in range(1, until))


def header_above(lines: list[Line], rows: list[int], begin: int, header_rows: int) -> int:
    """The article's headline right above its body (``begin``), when no line repeats the
    page title (the <title> adds or changes words: "X Review | Site" over "Book Report:
    X Debuts"): within ``header_rows`` rows of what stays under a headline (a headline, a
    standfirst, a byline, a date: lines of three words or more, guarded lines, lines of
    data; a photo's caption is passed over) up to a bare label or a line a rule dropped,
    the highest title-like line that shares two words (of four letters or more) with the
    title: the second piece of evidence (a list of teaser headlines above a body shares
    no words with it). A <title> written for search engines may share no words with the
    headline: then the byline block under it tells (see :func:`bylined_headline`)."""
    if not rows or is_sentence_prose(lines[rows[0]], 1):
        return rows[begin]
    title_words = {w for w in words(lines[rows[0]].text.casefold(), plain=True) if len(w) >= 4}
    top = begin
    for k in range(begin - 1, max(begin - 1 - header_rows, 0), -1):
        line = lines[rows[k]]
        if ruled_else(line) and line.category == "captions":
            continue
        if not _heads_article(line):
            break
        shared = {w for w in words(line.text.casefold(), plain=True) if len(w) >= 4} & title_words
        if is_title_like(line) and len(shared) >= 2:
            top = k
    return rows[top]


def bylined_headline(lines: list[Line], rows: list[int], weights: list[int], begin: int, block_rows: int) -> int:
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
    block = _header_block(lines, rows, weights, begin, block_rows)
    strong = _over_byline(lines, rows, block)
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


def headline_over_toolbar(lines: list[Line], rows: list[int], weights: list[int], begin: int,
                          block_rows: int) -> tuple[int, set[int]] | None:
    """The headline and the toolbar rows of a head block cut from its body by a toolbar no
    rule knows (font-size buttons 'AA', 'Medium', 'Large'; a share bar's bare names): past
    the toolbar (see :func:`_toolbar_above`), a headline-shaped line right above a byline or
    date, as :func:`bylined_headline` finds it. Two pieces of evidence: the byline under the
    headline, and nothing but the toolbar between them and the body; a menu above a body
    has no byline in it, a teaser list no toolbar under it.

    >>> page = [Line(1, "Harbour road closed for repairs"), Line(2, "By Ann Lee", guarded=True),
    ...         Line(3, "AA"), Line(4, "Medium"), Line(5, "Large"), Line(6, "Larger"),
    ...         Line(7, "The harbour road closes on Monday for six weeks of repairs, the council said.")]
    >>> headline_over_toolbar(page, list(range(7)), [-10] * 6 + [16], 6, 12)
    (0, {2, 3, 4, 5})
    >>> headline_over_toolbar(page[2:], list(range(5)), [-10] * 4 + [16], 4, 12) is None  # (no byline)
    True
    """
    toolbar = _toolbar_above(lines, rows, begin)
    if toolbar == begin:
        return None
    strong = _over_byline(lines, rows, _header_block(lines, rows, weights, toolbar, block_rows))
    if not strong:
        return None
    return rows[strong[-1]], {rows[k] for k in range(toolbar, begin) if not ruled(lines[rows[k]])}


def _over_byline(lines: list[Line], rows: list[int], block: list[int]) -> list[int]:
    """The headline-shaped rows of ``block`` printed right above a byline or date."""
    return [k for k, below in zip(block[1:], block) if lines[rows[below]].guarded
            and _is_headline_shape(lines[rows[k]]) and not lines[rows[k]].guarded]


def _toolbar_above(lines: list[Line], rows: list[int], begin: int, most: int = 8) -> int:
    """Where a toolbar right above the body (``begin``) starts: a run of up to ``most`` rows
    of one or two words each, no sentence, no byline (font-size buttons, a share bar the
    catalogue does not know), lines a rule dropped included; ``begin`` if there is none.
    Only a headline over a byline above it is taken past it (see :func:`bylined_headline`).

    >>> page = [Line(1, "Harbour road closed for repairs"), Line(2, "By Ann Lee", guarded=True),
    ...         Line(3, "AA"), Line(4, "Medium"), Line(5, "Large"), Line(6, "Larger"),
    ...         Line(7, "The harbour road closes on Monday for six weeks of repairs, the council said.")]
    >>> _toolbar_above(page, list(range(7)), 6)
    2
    """
    top = begin
    for k in range(begin - 1, max(begin - 1 - most, -1), -1):
        line = lines[rows[k]]
        if ruled(line) and line.category not in END_CATEGORIES:
            continue
        if ruled(line) or line.guarded or line.words > 2 or ends_sentence(line.text):
            break
        top = k
    return top


_COMMENT_COUNT = compile_pattern(r"(?i)\d{1,5}\s*+(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties|komentarzy?|комментари[йяев]{0,2})")


def _header_block(lines: list[Line], rows: list[int], weights: list[int], begin: int, block_rows: int) -> list[int]:
    """The rows (indexes into ``rows``, from the body up) of what stays between a headline
    and its body: see :func:`bylined_headline`."""
    block: list[int] = []
    short = 0
    for k in range(begin - 1, -1, -1):
        line = lines[rows[k]]
        if ruled(line):
            if line.category in END_CATEGORIES and not _COMMENT_COUNT.fullmatch(line.text):
                break  # (a story's comment counter under its date is no comment section)
            continue
        if len(block) == block_rows:
            break
        if not (line.guarded or weights[k] > 0 or line.words >= 12 or _is_headline_shape(line)):
            if line.words > 4 or short == 3:
                break
        short += line.words <= 4 and not line.guarded
        block.append(k)
    return block


def dated_headline(lines: list[Line], rows: list[int], weights: list[int], begin: int,
                   block_rows: int) -> tuple[int, set[int]] | None:
    """The headline printed under its date, right above the body ('25. 11. 2019' over an
    article number, then the headline, then the first paragraph), with the date: the
    lowest row of the header block (see :func:`bylined_headline`), headline-shaped, of
    five words or more, with a date or byline (a guarded line) one or two kept rows above
    it. Two pieces of evidence: the place (nothing between it and the body) and the date
    over it. A menu's last item right above a body is one or two words; a teaser headline
    is printed over its own summary, not over the story's body.

    >>> page = [Line(1, "25. 11. 2019", guarded=True), Line(2, "ID: 110264"),
    ...         Line(3, "Court widens the press exemption to bloggers"), Line(4, "The court ruled that ...")]
    >>> dated_headline(page, [0, 1, 2, 3], [-10, -10, -10, 20], 3, 12)
    (2, {0})
    >>> dated_headline(page[1:], [0, 1, 2], [-10, -10, 20], 2, 12) is None  # (no date above it)
    True
    """
    block = _header_block(lines, rows, weights, begin, block_rows)
    if not block:
        return None
    line = lines[rows[block[0]]]
    if line.guarded or not _is_headline_shape(line) or line.words < 5:
        return None
    dates = {rows[k] for k in block[1:3] if lines[rows[k]].guarded}
    return (rows[block[0]], dates) if dates else None


def _is_headline_shape(line: Line) -> bool:
    """Three to thirty words, no final period: a headline, a question among them."""
    return 3 <= line.words <= TITLE_MAX_WORDS and not ends_sentence(line.text)


def headed(lines: list[Line], rows: list[int], weights: list[int], header_rows: int) -> bool:
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
    return not ruled(line) and (line.guarded or line.words > 2 or bool(DATA_CHARS.search(line.text)))
