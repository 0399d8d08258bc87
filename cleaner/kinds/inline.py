"""``inline``: a line set between the story's paragraphs (a link to another story)."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..cache import compile_pattern
from ..text import FULL_STOPS, PROSE_WORDS, QUESTION_MARKS, ends_sentence, is_headline_like, is_prose, words
from .base import Param, ReviseKind
from .lists import is_introduction, kept_neighbour

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
        of the story (a kept line of ``prose_words`` words that ends like a sentence, made of
        words (:func:`worded`), not one the patterns match) stands above it. A line of the
        same shape above the first paragraph is the story's headline or its title set in
        capitals, and stays.

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
        lines = doc.lines
        for i, line in enumerate(lines[:max(matching) + 1]):
            if i in matching:
                if (story_begun and line.is_kept and not line.guarded and not _announced(lines, i, matching)
                        and not _retold(lines, i, matching, prose_words)):
                    line.drop(rule)
            elif not story_begun and is_prose(line, prose_words, sentence=True) and worded(line.text):
                story_begun = True


def worded(text: str) -> bool:
    """Letters make at least half of the line's characters (spaces aside): a paragraph of
    the story is made of words. A line of dates and clock times printed above the headline
    ('14, Enero, 2016 14, Enero, 2016 1:30 a.m. 1:30 a.m.': twelve words by count, ending
    in a period) is no paragraph, and a headline in capitals under it stays.

    >>> worded("14, Enero, 2016 14, Enero, 2016 1:30 a.m. 1:30 a.m.")
    False
    >>> worded("The index rose 2.3% to 1,234 points on Monday, after falling 0.4% on Friday.")
    True
    """
    chars = [c for c in text if not c.isspace()]
    return 2 * sum(1 for c in chars if c.isalpha()) >= len(chars)


_SENTENCE_WORDS = 4  # the fewest words of a sentence under way above the line


def _announced(lines, i: int, matching: frozenset[int]) -> bool:
    """The story's line right above ``lines[i]`` announces it: a sentence ends with a colon
    ('The notice on the door read:'; a label does not: 'VIDEO:') or is a sentence under way that the line completes ('On
    pouvait lire sur les banderoles', 'The telegram, sent in 1944, read'): the line is
    what a sign, a banner or a telegram says, quoted in capitals. A link to another story
    follows a finished paragraph.

    >>> from cleaner.document import Line
    >>> lines = [Line(0, "Sugli striscioni si leggeva"), Line(1, "GIÙ LE MANI DALLE NOSTRE SCUOLE E BIBLIOTECHE")]
    >>> _announced(lines, 1, frozenset({1})), _announced([Line(0, "The march was calm."), lines[1]], 1, frozenset({1}))
    (True, False)
    >>> _announced([Line(0, "VIDEO:"), lines[1]], 1, frozenset({1}))
    False
    >>> _announced([Line(0, "The holiday season is a time of giving! One lucky"), lines[1]], 1, frozenset({1}))
    False
    """
    j = kept_neighbour(lines, i, -1)
    if j is None or j in matching or lines[j].guarded:
        return False
    text = lines[j].text.rstrip()
    if text.endswith((":", "：")):
        return is_introduction(lines[j])  # (a bare label, 'VIDEO:', announces a link too)
    return (lines[j].words >= _SENTENCE_WORDS and not ends_sentence(text, question=True, emoji=True)
            and not is_headline_like(text, 0.7) and not _SENTENCE_BREAK.search(text))


_LONG_WORD = 5  # letters of a word that carries a name or a fact ('their' and 'with' rarely count)
_RETOLD_WORDS = 3  # the fewest of the line's long words the paragraph below must name, and more than half


def _retold(lines, i: int, matching: frozenset[int], prose_words: int) -> bool:
    """The paragraph right below ``lines[i]`` retells it: it names more than half of the line's
    words of five letters or more (three at least), so the line is the heading of that item (a
    digest of deals, each headline in capitals over its paragraph), not a link to another
    story: the story below names its subject ('KHLOE KARDASHIAN REPORTEDLY PREGNANT IN
    ADDITION TO SISTER KYLIE JENNER' over a paragraph on Jenner, her sister Khloe and the
    Kardashian family: half its words, no more).

    >>> from cleaner.document import Line
    >>> head = Line(0, "OHIO BANK FIRST DEFIANCE TO ACQUIRE COMMERCIAL BANCSHARES IN $63M DEAL")
    >>> body = Line(1, "Ohio-based First Defiance Financial will acquire Commercial Bancshares for $51 a share, the companies said.")
    >>> _retold([head, body], 0, frozenset({0}), 8)
    True
    >>> other = Line(1, "Crews worked through the night to clear the fallen trees from the only road into town.")
    >>> _retold([head, other], 0, frozenset({0}), 8)
    False
    """
    j = kept_neighbour(lines, i, 1)
    if j is None or j in matching or not is_prose(lines[j], prose_words):
        return False
    own = {w.casefold() for w in words(lines[i].text, plain=True) if len(w) >= _LONG_WORD and w.isalpha()}
    below = {w.casefold() for w in words(lines[j].text, plain=True)}
    named = len(own & below)
    return named >= _RETOLD_WORDS and 2 * named > len(own)


# a sentence that ends inside the line: the line is no one sentence under way, but a cut
# text ('The holiday season is a time of giving! One lucky', a widget's caption cut short)
_SENTENCE_BREAK = compile_pattern(rf"[{FULL_STOPS}{QUESTION_MARKS}]\s+\S")
