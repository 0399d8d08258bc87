"""``quote``: a pull quote that repeats a sentence of the story."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..text import fold
from .base import SEARCH, Param, ReviseKind

if TYPE_CHECKING:
    from ..document import Document
    from ..rules import Rule


class QuoteKind(ReviseKind):
    name = "quote"
    summary = ("a line in which a pattern occurs (a share button glued to a sentence) and whose rest, once the "
               "match is removed (`min_chars`+ folded characters), is printed in another kept line: a pull "
               "quote that repeats the story")
    guarded = True
    match = SEARCH
    prematch = True
    params = {
        "max_words": Param(60, "the longest line (in words) that may be a pull quote"),
        "min_chars": Param(12, "the fewest folded characters the rest of the line must keep"),
    }

    def check(self, doc: Document, rule: Rule, matching: frozenset[int]) -> None:
        """Pull quotes: a line (``max_words`` at most) in which a pattern occurs (a share
        button glued to a sentence, 'Click To Tweet'), dropped only if what is left of it once
        the match is removed (``min_chars`` folded characters or more) is printed in another
        kept line of the document: the quote box repeats a sentence of the story. A quote
        printed only there is the story's own sentence, and the line stays, button and all."""
        lines = doc.lines
        candidates = [lines[i] for i in sorted(matching) if lines[i].is_kept and not lines[i].guarded
                      and lines[i].words <= rule.param("max_words")]
        min_chars, kept = rule.param("min_chars"), None
        for line in candidates:
            rest = fold(rule.regex.sub("", line.text))
            if len(rest) < min_chars:
                continue
            if kept is None:  # (each kept line folded once, not once per candidate)
                kept = [(other, other.key) for other in lines if other.is_kept]
            if any(other is not line and other.is_kept and rest in key for other, key in kept):
                line.drop(rule)


