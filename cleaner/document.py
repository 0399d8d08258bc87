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

from .cache import compile_pattern

KEEP = "keep"
DROP = "drop"
BLANK = "blank"  # no letter or digit: renders as a paragraph break

_WORD_CHAR = compile_pattern(r"[^\W_]")
_WORD = compile_pattern(r"[^\W_]+(?:['’.\-][^\W_]+)*")
_FOLD = compile_pattern(r"[\W_]+")
_CJK = compile_pattern(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# the separators of data and code (a CSV row, a path, ``key=value``), which labels do not hold
DIGIT = compile_pattern(r"\d")
DATA_CHARS = compile_pattern(r"[,;=_/\\<>{}\[\]@#$%^*~`\t]")


def has_words(text: str) -> bool:
    """True if ``text`` holds a letter or digit.

    >>> has_words(" . | "), has_words("광고")
    (False, True)
    """
    return _WORD_CHAR.search(text) is not None


_MEMO_SIZE = 1 << 16
_counts: dict[str, int] = {}  # a memo of a pure function (a line is counted again by each pass)


def word_count(text: str) -> int:
    """Words in ``text``; a CJK character counts as half a word (2 chars ~ 1 word).

    >>> word_count("Kim Jong-un met Putin."), word_count("北朝鮮とロシア")
    (4, 3)
    """
    count = _counts.get(text)
    if count is None:
        if len(_counts) >= _MEMO_SIZE:
            _counts.clear()
        count = _counts[text] = _count_words(text)
    return count


def _count_words(text: str) -> int:
    cjk = len(_CJK.findall(text))
    if cjk:
        return len(_WORD.findall(_CJK.sub(" ", text))) + cjk // 2
    return len(_WORD.findall(text))


def fold(text: str) -> str:
    """Case, whitespace and punctuation folded away: the key that finds a repeated line.

    >>> fold("The  U.S. said: “No!”") == fold("the us said no")
    True
    """
    folded = text.casefold()
    if folded.isascii():  # (the same characters [\W_] removes, an order of magnitude faster)
        return folded.encode("ascii").translate(None, _ASCII_NOT_WORD).decode("ascii")
    return _FOLD.sub("", folded)


_ASCII_NOT_WORD = bytes(c for c in range(128) if not chr(c).isalnum())


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

    >>> Line(2, "Advertisement")
    Line(2, 'Advertisement', action='keep', rule='')
    """

    __slots__ = ("number", "text", "action", "rule", "category", "stage", "guarded", "word_total")

    def __init__(self, number: int, text: str, action: str = KEEP, rule: str = "", category: str = "",
                 stage: str = "", guarded: bool = False) -> None:
        self.number, self.text, self.action, self.rule = number, text, action, rule
        self.category, self.stage, self.guarded = category, stage, guarded
        self.word_total = -1  # counted once, on first use

    def __repr__(self) -> str:
        return f"Line({self.number!r}, {self.text!r}, action={self.action!r}, rule={self.rule!r})"

    @property
    def is_blank(self) -> bool:
        return self.action == BLANK

    @property
    def is_kept(self) -> bool:
        return self.action == KEEP

    @property
    def words(self) -> int:
        if self.word_total < 0:
            self.word_total = word_count(self.text)
        return self.word_total

    def decide(self, action: str, rule: str, category: str, stage: str) -> None:
        self.action, self.rule, self.category, self.stage = action, rule, category, stage

    def verdict(self) -> Verdict:
        return Verdict(self.number, self.action, self.rule, self.category, self.stage, self.text)


class Document:
    """A document in the pipeline: its lines, in order."""

    __slots__ = ("lines",)

    def __init__(self, lines: list[Line] | None = None) -> None:
        self.lines = [] if lines is None else lines

    @classmethod
    def from_lines(cls, texts: list[str]) -> "Document":
        doc = cls([Line(i, t) for i, t in enumerate(texts, 1)])
        for line in doc.lines:
            if not has_words(line.text):  # POLICY: a line with no word is a blank line
                line.decide(BLANK, "", "debris" if line.text else "", "normalize")
        return doc

    def kept(self) -> list[Line]:
        return [line for line in self.lines if line.is_kept]

    def trace(self) -> list[Verdict]:
        return [line.verdict() for line in self.lines]
