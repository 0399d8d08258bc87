"""The line tests every part of page mode shares: which lines a rule dropped, what ends a
sentence on a page (the marks of other scripts too), and the words of a stretch's sentences.

>>> ends_like_sentence("Who won?"), ends_like_sentence("Home")
(True, False)
>>> bool(PRESS_LABEL.match("Pressemitteilung")), bool(PRESS_LABEL.match("Press releases"))
(True, False)
"""
from __future__ import annotations

from ..cache import compile_pattern
from ..document import DROP, Line
from ..text import FULL_STOPS, QUESTION_MARKS, ends_sentence, is_prose

PAGE = "page"  # the page rule's category
END_CATEGORIES = ("related", "footer", "comments")  # a rule's drop of these ends the article
CHROME_CATEGORIES = frozenset({"navigation", "footer", "share"})  # a site's chrome, which page dumps print
TRUNCATED = compile_pattern(r"(?:\.\.\.|…|\[…\]|\[\.\.\.\])['\"’”»)]?$")  # a teaser's cut summary
# A press release's label, which a release prints under its headline ('Pressemitteilung',
# 'Persbericht'): between the headline and the body it is the story's (a menu's 'Press
# releases' stands elsewhere on the page and still goes).
PRESS_LABEL = compile_pattern(
    r"(?i)^(?:press(?:emitteilung|emeldung|einformation|meddelande|emeddelelse|emelding)|persbericht|"
    r"(?:press|news|media) release|communiqu[ée](?: de presse)?|comunicado(?: de (?:prensa|imprensa))?|"
    r"nota de prensa|comunicato stampa|komunikat prasowy|informacja prasowa|tiedote|tiskov[áa] zpr[áa]va)\s*+$")
_SCRIPT_ENDS = FULL_STOPS + QUESTION_MARKS
_SCRIPT_CLOSERS = " \"'”’»)]"


def ruled(line: Line) -> bool:
    """A rule dropped the line."""
    return line.action == DROP


def ruled_else(line: Line) -> bool:
    """Another rule dropped the line (not this one, in an earlier round)."""
    return line.action == DROP and line.category != PAGE


def ends_like_sentence(text: str) -> bool:
    """A sentence ends here, a question too, with a smiley after the mark ("See you soon! 🙂"),
    or with closing quotes and brackets after it (the marks of every script,
    :data:`cleaner.text.FULL_STOPS`: the Arabic question mark, the Devanagari danda, the
    Urdu, Armenian, Ethiopic, Myanmar and Khmer full stops).

    >>> ends_like_sentence("Who won?"), ends_like_sentence("ما هو أكبر خليج في العالم؟"), ends_like_sentence("यह सच है।")
    (True, True, True)
    """
    return ends_sentence(text, question=True, emoji=True) or text.rstrip(_SCRIPT_CLOSERS)[-1:] in _SCRIPT_ENDS


def is_sentence_prose(line: Line, prose_words: int) -> bool:
    """(``rows`` hold no blank line: a line no rule dropped is kept; a guarded line counts.)"""
    return is_prose(line, prose_words, guarded=True, sentence=True)


def sentence_words(lines: list[Line], rows: list[int], stretch: tuple[int, int]) -> int:
    """The words of the lines in a stretch that end like a sentence."""
    return sum(lines[i].words for i in rows[stretch[0] : stretch[1] + 1]
               if not ruled(lines[i]) and ends_like_sentence(lines[i].text))
