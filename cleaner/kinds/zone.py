"""``zone``: a marker line after the article's prose, and everything after it."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..document import DROP, Line
from ..text import ends_sentence
from .base import Param, ReviseKind
from .lists import introduces_prose

if TYPE_CHECKING:
    from ..document import Document
    from ..rules import Rule


class ZoneKind(ReviseKind):
    name = "zone"
    summary = ("a marker line after the article's prose (`min_prose_before` lines of `prose_words` words) and "
               "everything after it; with `min_items`, only if that many lines matching the `items` patterns "
               "(at most `item_max_words` words) or dropped by the rule's category follow among the next "
               "`item_window` kept lines, before any paragraph (one if the document ends there and no sentence of "
               "the story stands before it; none if those lines hold no paragraph)")
    items = True
    prematch = True
    params = {
        "min_prose_before": Param(3, "the distinct paragraphs of prose that must come before the marker"),
        "prose_words": Param(12, "the fewest words of a paragraph of prose"),
        "min_items": Param(0, "the evidence lines needed after the marker (0: the marker alone suffices)"),
        "item_window": Param(10, "the kept lines after the marker in which the evidence is looked for"),
        "item_max_words": Param(20, "the longest evidence line (in words) matching `items`"),
    }

    def check(self, doc: Document, rule: Rule, matching: frozenset[int]) -> None:
        """Drop a marker line (``matching``: the lines matching the rule) that comes after the
        article's prose and is followed by lines shaped like the zone's (see
        :func:`_zone_follows`), and everything after it."""
        if not matching:
            return  # (no marker: nothing to drop)
        prose: set[str] = set()
        lines = doc.lines
        for i, line in enumerate(lines):
            if line.is_blank:
                continue
            if (len(prose) >= rule.param("min_prose_before") and i in matching and not _is_button_before_prose(lines, i)
                    and _zone_follows(lines, i, rule)):
                for rest in lines[i:]:
                    if rest.is_kept:
                        rest.drop(rule)
                return
            if len(prose) < rule.param("min_prose_before") and line.is_kept and line.words >= rule.param("prose_words"):
                prose.add(line.key)  # (distinct paragraphs: a repeated one counts once)


def _zone_follows(lines: list[Line], i: int, rule: Rule) -> bool:
    """The second piece of evidence for a zone marker at ``lines[i]``: the lines after it
    look like the zone. An evidence line is one another rule of the zone's category
    dropped (a comment form, a 'Reply' button) or a short line matching the rule's
    ``items`` (a timestamp, a user name, a like count). Within the next ``item_window``
    kept lines, ``min_items`` evidence lines are needed, or one if the document ends
    there; and a paragraph of prose before the first evidence line means the marker was
    a link or a button above the article (a toolbar's 'Comments'), which goes on below.
    Ten kept lines after the marker with no paragraph among them (menus, prices, link
    lists) also say the article is over.
    When the document ends before ``min_items`` are found, no line longer than a form's
    label or a button may stand between the marker and the one evidence line: a line that
    names comments below the story's own sentences ('Il Comune leggerà tutti i commenti',
    under reported reactions) belongs to the story, under its subheading 'Commenti'.
    A marker of four words or more that matches ``items`` itself ('10 thoughts on
    “Title”': a count and the post's title; 'Log in to your account to comment') needs
    nothing more; a bare 'Comments' or '12 Comments' does."""
    need = rule.param("min_items")
    marker = lines[i]
    if need <= 0 or rule.items is None or (marker.words >= _SELF_EVIDENT_WORDS and rule.items.fullmatch(marker.text)):
        return True  # (a long marker of the zone's own shape is its own evidence)
    evidence = kept = prose = 0
    sentences_before = None  # the story's sentences between the marker and the first evidence line
    sentences = 0
    for k in range(i + 1, len(lines)):
        line = lines[k]
        if line.is_blank:
            continue
        shaped = line.words <= rule.param("item_max_words") and rule.items.fullmatch(line.text) is not None
        if sentences_before is None:
            if shaped or (line.action == DROP and line.category == rule.category):
                sentences_before = sentences
            elif line.is_kept and line.words > _CONTROL_WORDS and ends_sentence(line.text, question=True, brackets=True):
                sentences += 1  # (a form's label or a button is shorter: 'Cancel', 'Click here to cancel reply.')
        if line.action == DROP:
            evidence += shaped or (line.category == rule.category and line.rule != rule.full_id)
        elif shaped:
            evidence += 1
            kept += 1
        else:
            if line.words >= rule.param("prose_words"):
                if not evidence:
                    return False
                prose += 1
            kept += 1
        if evidence >= need:
            return True
        if kept >= rule.param("item_window"):
            return prose == 0  # (no paragraph follows: the article is over, the rest is chrome)
    return (evidence > 0 and sentences_before == 0) or kept == 0


_BUTTON_WORDS = 1
_SELF_EVIDENT_WORDS = 4
_CONTROL_WORDS = 6  # the longest line (in words) of a comment form or a button


def _is_button_before_prose(lines: list[Line], i: int) -> bool:
    """A bare one-word marker ('Comments') followed by a paragraph of prose is a button in
    the article's toolbar, and the article goes on below it. A comment section opens with
    a form, a count, a login prompt or a commenter's name before the first comment."""
    return lines[i].words <= _BUTTON_WORDS and introduces_prose(lines, i)


