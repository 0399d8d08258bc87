"""``inline``: a line set between the story's paragraphs (a link to another story)."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..text import PROSE_WORDS, is_prose
from .base import Param, ReviseKind

if TYPE_CHECKING:
    from ..document import Document
    from ..rules import Rule


class InlineKind(ReviseKind):
    name = "inline"
    summary = ("a line matching a pattern with a paragraph of the story (`prose_words`+ words, ending like a "
               "sentence) kept above it: a link set between the paragraphs; above the first paragraph the same "
               "line is the headline or a title")
    guarded = True
    prematch = True
    params = {"prose_words": Param(PROSE_WORDS, "the fewest words of a paragraph of the story")}

    def check(self, doc: Document, rule: Rule, matching: frozenset[int]) -> None:
        """Links to other stories inserted between the paragraphs ('SEAN SPICER ELIMINATED
        FROM DANCING WITH THE STARS'): a line the patterns match goes only once a paragraph
        of the story (a kept line of ``prose_words`` words that ends like a sentence, not one
        the patterns match) stands above it. A line of the same shape above the first
        paragraph is the story's headline or its title set in capitals, and stays.

        >>> from cleaner.document import Document
        >>> from cleaner.rules import parse_rule
        >>> rule = parse_rule("rules/related/caps.toml", {"id": "caps", "category": "related", "kind": "inline",
        ...                   "summary": "s", "patterns": ["[A-Z ]+"], "case_sensitive": True}, "related")
        >>> doc = Document.from_lines(["CITY COUNCIL HAS NO MONEY FOR THE NEW ROADS",
        ...     "The council met on Monday night and found that the budget would not cover the roads.",
        ...     "SINGER LOSES HER DOG TO A COYOTE IN THE HILLS"])
        >>> InlineKind().check(doc, rule, frozenset({0, 2}))
        >>> [line.is_kept for line in doc.lines]
        [True, True, False]
        """
        if not matching:
            return
        prose_words, story_begun = rule.param("prose_words"), False
        for i, line in enumerate(doc.lines[:max(matching) + 1]):
            if i in matching:
                if story_begun and line.is_kept and not line.guarded:
                    line.drop(rule)
            elif not story_begun and is_prose(line, prose_words, sentence=True):
                story_begun = True
