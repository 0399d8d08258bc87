"""``teaser``: lists of other stories' headlines."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..cache import compile_pattern
from ..document import DROP, Line
from ..text import BULLET, BULLET_MARKS, ends_sentence, is_headline_like, is_prose
from .base import MATCH, Param, ReviseKind
from .lists import adjacent_block, find_runs, is_introduction, is_story_list

if TYPE_CHECKING:
    from ..document import Document
    from ..rules import Rule


class TeaserKind(ReviseKind):
    name = "teaser"
    summary = ("`min_items` or more adjacent lines that start with a pattern (a bullet) and read as headlines, "
               "under a header or in the document's tail; not a list the line above announces, not data, "
               "not a run that starts amid a longer list")
    guarded = True
    match = MATCH
    prematch = True
    params = {
        "min_items": Param(3, "the fewest headlines that make a teaser list"),
        "min_words": Param(3, "the shortest headline (in words)"),
        "max_words": Param(16, "the longest headline (in words)"),
        "capitalized": Param(0.7, "the share of words of four letters or more that start with a capital"),
    }

    def check(self, doc: Document, rule: Rule, matching: frozenset[int]) -> None:
        """Lists of other stories' headlines: ``min_items`` or more adjacent lines that start
        with a pattern (a bullet) and read as headlines (see :func:`is_headline_like`), if
        the shape is backed by the list's place: under a header (a short line without a
        sentence end, or one a related or navigation rule dropped), or in the tail of the
        document (at most one line of prose after it). A list the story introduces and a list
        of data stay, judged on the whole bulleted list the run is a part of; so does a run
        that starts amid a bulleted list (a box of links is a list of its own), and so does a
        list whose every item is a name with a role or a place (see :func:`is_name_with_role`):
        its header in Title Case ('The Winners', 'Yeni Yönetim Kurulu') reads as a box's, its
        items do not read as headlines; so does a ranking whose every item is a work and its
        author (see :func:`is_work_with_author`)."""
        if not matching:
            return  # (no line starts with a pattern: no item)
        lines = doc.lines
        bulleted = {id(lines[i]) for i in matching}

        def is_item(line: Line) -> bool:
            return (line.is_kept and not line.guarded and id(line) in bulleted
                    and rule.param("min_words") <= line.words <= rule.param("max_words")
                    and is_headline_like(line.text, rule.param("capitalized")))

        for run, _ in find_runs(lines, is_item):
            if len(run) < rule.param("min_items"):
                continue
            block = _list_block(lines, run, rule)
            if block[0] != run[0] or is_story_list(lines, block, headlines=True):
                continue  # (a run that starts amid a list is a part of it: the box of links is whole)
            if all(is_name_with_role(lines[i].text) for i in run):
                continue  # (names with roles or places are not headlines: a Title Case header does not make them a box)
            if all(is_work_with_author(lines[i].text) for i in run):
                continue  # (a list of books or albums with their authors: the story's ranking, not other stories)
            if _under_header(lines, run[0]) or _in_tail(lines, run[-1]):
                for i in run:
                    lines[i].drop(rule)


_HEADER_WORDS = 8
_HEADER_CATEGORIES = ("related", "navigation")
_TAIL_PROSE = 1  # lines of prose (an author's note) that may follow a teaser list
_NAME_WORDS = 3  # the longest name before the comma
_ROLE_WORDS = 4  # the longest role or place after it
_ROSTER_WORDS = 6  # the longest item of a roster (a headline runs longer)


def is_name_with_role(text: str) -> bool:
    """An item that is a name, then after a comma a role, a portfolio or a place, in a few
    words each ('- Jane Doe, Mayor of Springfield', '- Rocket Lab, Long Beach, California',
    '- Ayşe Yılmaz, Başkan'): a roster's line, not a headline. A headline with a comma
    runs longer, and a kicker with a colon ('Photos: Europa, Icy Moon') is a headline's.

    >>> [is_name_with_role(t) for t in ("- Jane Doe, Mayor of Springfield", "- Finland, Beaten By Wales",
    ...                                  "- Storm Hits Coast, Thousands Without Power For Days",
    ...                                  "- Photos: Europa, Icy Moon", "- Court Hears Arguments In Safety Case")]
    [True, True, False, False, False]
    """
    body = BULLET.sub("", text.strip(), count=1)
    if ":" in body or "：" in body:
        return False
    parts = [part.split() for part in body.split(",")]
    return (len(parts) >= 2 and sum(map(len, parts)) <= _ROSTER_WORDS and 1 <= len(parts[0]) <= _NAME_WORDS
            and all(1 <= len(part) <= _ROLE_WORDS for part in parts[1:]))


# a work, then its author: '- Demon Copperhead by Barbara Kingsolver', '- Tyll von Daniel Kehlmann'
_WORK_BY = compile_pattern(
    rf"^(?:[{BULLET_MARKS}]\s*|\d{{1,3}}[.)]\s*)?\S.*?\s(?-i:by|von|door|par|af|av)\s+"
    r"(?-i:[A-ZÀ-ÖØ-Þ])[\w\x27’.-]+(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w\x27’.-]+){1,2}\s*$")


def is_work_with_author(text: str) -> bool:
    """An item that names a work and then its author, in two or three capitalised words
    after 'by' ('- The Bee Sting by Paul Murray', '- Tyll von Daniel Kehlmann'): a line of
    a book, album or film list. When every item of a run has the shape, the run is the
    story's ranking, though its titles are in Title Case under a Title Case header; a box
    of other stories' headlines does not end each one with a person's name.

    >>> [is_work_with_author(t) for t in ("- The Bee Sting by Paul Murray", "- North Woods by Daniel Mason",
    ...                                   "- Man Killed by Train", "- Storm Hits Coast As Thousands Flee")]
    [True, True, False, False]
    """
    return _WORK_BY.match(text.strip()) is not None


def _list_block(lines: list[Line], run: list[int], rule: Rule) -> list[int]:
    """The run and the bulleted lines next to it (no blank line between): the whole list
    the run is a part of. (An ingredient list holds lines in Title Case too.)"""
    return adjacent_block(lines, run, rule.matches)


def _under_header(lines: list[Line], first: int) -> bool:
    """The nearest line above is a header: one a related or navigation rule dropped, or a
    short kept line with no sentence end (a colon may end it)."""
    j = first - 1
    while j >= 0 and (lines[j].is_blank or (lines[j].action == DROP and lines[j].category not in _HEADER_CATEGORIES)):
        j -= 1  # (an ad label or a caption between the header and the list is passed over)
    if j < 0:
        return False
    line = lines[j]
    if line.action == DROP:
        return True
    text = line.text.rstrip().rstrip(":：")
    return (not line.guarded and line.words <= _HEADER_WORDS and not ends_sentence(text)
            and not is_introduction(line))


def _in_tail(lines: list[Line], last: int) -> bool:
    """At most ``_TAIL_PROSE`` lines of prose follow: the article has ended."""
    return sum(1 for line in lines[last + 1 :] if is_prose(line)) <= _TAIL_PROSE


