"""The data a cleaning run passes between stages: lines, verdicts, the trace.

A document is a list of :class:`Line`; each line gets exactly one :class:`Verdict`.
The trace (all verdicts of a document) is what ``clean --explain`` prints and what
batch mode attaches to each document.

>>> v = Verdict(3, "drop", "ads/advertisement-label", "ads", "classify", "Advertisement")
>>> v.dropped, v.category
(True, 'ads')
"""
from __future__ import annotations

from collections import namedtuple

from .patterns import lowered
from .text import count_ascii_words, fold, has_words, word_count

KEEP = "keep"
DROP = "drop"
BLANK = "blank"  # no letter or digit: renders as a paragraph break

class Verdict(namedtuple("Verdict", "number action rule category stage text")):
    """What happened to one input line.

    ``number`` is 1-based in the normalized document. ``action`` is keep, drop or
    blank. ``rule`` is the full rule id (``category/name``) that decided, or ``""``
    when no rule fired. ``stage`` names the pipeline stage that decided.
    """

    __slots__ = ()  # (named tuples, not dataclasses: importing dataclasses slows start-up)

    @property
    def dropped(self) -> bool:
        return self.action == DROP

    @property
    def removed(self) -> bool:
        """A rule took the line's text: dropped it, or blanked it (``debris``: a line of
        leftover tags becomes a paragraph break). A line with no words to begin with is
        blank without a rule, and is not counted."""
        return self.action != KEEP and self.rule != ""

    def as_dict(self) -> dict:
        return {
            "line": self.number,
            "action": self.action,
            "rule": self.rule,
            "category": self.category,
            "stage": self.stage,
            "text": self.text,
        }


class Line:
    """One normalized line and the decision taken on it so far.

    Its word count is computed once, when the line is made, and kept on the line (every
    check reads it, most of them on every line). Its lowered text and fold key are
    computed when asked, not kept: a copy of every line would hold as much memory again
    (a large file's peak memory is bounded by a test).

    >>> line = Line(2, "The U.S. Advertisement")
    >>> line
    Line(2, 'The U.S. Advertisement', action='keep', rule='')
    >>> line.words, line.lower, line.key
    (3, 'the u.s. advertisement', 'theusadvertisement')
    """

    __slots__ = ("number", "text", "action", "rule", "category", "stage", "guarded", "words")

    def __init__(self, number: int, text: str, action: str = KEEP, rule: str = "", category: str = "",
                 stage: str = "", guarded: bool = False) -> None:
        self.number, self.text, self.action, self.rule = number, text, action, rule
        self.category, self.stage, self.guarded = category, stage, guarded
        # (an ASCII line is counted faster than word_count's memo is read)
        self.words = count_ascii_words(text) if text.isascii() else word_count(text)

    def __repr__(self) -> str:
        return f"Line({self.number!r}, {self.text!r}, action={self.action!r}, rule={self.rule!r})"

    @property
    def is_blank(self) -> bool:
        return self.action == BLANK

    @property
    def is_kept(self) -> bool:
        return self.action == KEEP

    @property
    def lower(self) -> str | None:
        """:func:`cleaner.patterns.lowered` of the text (None: matched the exact way)."""
        return lowered(self.text)

    @property
    def key(self) -> str:
        """:func:`cleaner.text.fold` of the text: the key that finds a repeated line."""
        return fold(self.text)

    def decide(self, action: str, rule: str, category: str, stage: str) -> None:
        self.action, self.rule, self.category, self.stage = action, rule, category, stage

    def drop(self, rule, stage: str = "revise") -> None:
        """A rule (anything with ``full_id`` and ``category``) drops the line.

        >>> from types import SimpleNamespace
        >>> line = Line(1, "Home")
        >>> line.drop(SimpleNamespace(full_id="navigation/menu-run", category="navigation"))
        >>> line.verdict()[1:5]
        ('drop', 'navigation/menu-run', 'navigation', 'revise')
        """
        self.action, self.rule, self.category, self.stage = DROP, rule.full_id, rule.category, stage

    def verdict(self) -> Verdict:
        return Verdict(self.number, self.action, self.rule, self.category, self.stage, self.text)


class Document:
    """A document in the pipeline: its lines, in order. ``prematch``: the rules classify
    ran, and the indexes of the lines each of revise's prematching rules matched (None
    until classify ran; see :func:`cleaner.stages.classify`)."""

    __slots__ = ("lines", "prematch")

    def __init__(self, lines: list[Line] | None = None) -> None:
        self.lines = [] if lines is None else lines
        self.prematch: tuple | None = None

    @classmethod
    def from_lines(cls, texts: list[str]) -> "Document":
        doc = cls([Line(i, t) for i, t in enumerate(texts, 1)])
        for line in doc.lines:  # (a line with a word counted holds a letter or digit)
            if not line.words and not has_words(line.text):  # POLICY: a line with no word is a blank line
                line.decide(BLANK, "", "debris" if line.text else "", "normalize")
        return doc

    def trace(self) -> list[Verdict]:
        return [line.verdict() for line in self.lines]
