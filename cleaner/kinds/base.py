"""What every rule kind declares: its name, stage, how its patterns meet a line, whether
keep-guards protect lines from it, and its parameters (typed, with defaults and docs).

A kind is data the rule loader validates against (:mod:`cleaner.rules`) and code the
stages run (:mod:`cleaner.stages`). A kind never imports the rules, the stages or the
edges: a rule arrives as an argument.

>>> Param(3, "at most this many words").type
'int'
"""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

if TYPE_CHECKING:  # (a kind never imports the rules at run time)
    from typing import ClassVar

    from ..document import Document
    from ..rules import Rule

CLASSIFY, REVISE = "classify", "revise"

# How a kind's patterns meet a line.
FULLMATCH, SEARCH, MATCH = "fullmatch", "search", "match"
MATCH_WORDS = {FULLMATCH: "the whole line", SEARCH: "anywhere in the line", MATCH: "at the line's start"}


class Param:
    """A kind's parameter: its default (whose type a rule file's value must have), what it
    means, and (for a string) the values it may take."""

    __slots__ = ("default", "doc", "choices")

    def __init__(self, default, doc: str, choices: tuple = ()) -> None:
        self.default, self.doc, self.choices = default, doc, choices

    @property
    def type(self) -> str:
        return type(self.default).__name__


class Kind:
    """A rule kind. Subclasses set the class attributes and implement their stage's check.

    ``guarded``: keep-guards protect lines from the kind (a guarded line, a byline, inside
    what it would drop stays); a kind that is not guarded drops a guarded line like any
    other. ``drops``: the kind drops lines (a guard only marks them). ``needs_patterns``: a rule of the kind must have patterns
    (a kind that judges shape alone may run without). ``items``: rules of the kind may
    list ``items`` patterns.
    """

    name: ClassVar[str]
    stage: ClassVar[str]
    summary: ClassVar[str]  # what the kind drops, for the kinds table
    match: ClassVar[str] = FULLMATCH
    needs_patterns: ClassVar[bool] = True
    reads_patterns: ClassVar[bool] = True  # False: the kind judges shape alone; patterns go unread
    guarded: ClassVar[bool] = False
    drops: ClassVar[bool] = True
    items: ClassVar[bool] = False
    prematch: ClassVar[bool] = False  # (revise stage) the check is handed the lines the patterns match
    page_only: ClassVar[bool] = False  # (revise stage) runs in page mode only
    params: ClassVar[dict[str, Param]] = {}

    def defaults(self) -> dict:
        return {name: param.default for name, param in self.params.items()}

    @property
    def guard_contract(self) -> str:
        """'yes' (keep-guards protect lines from it), 'no', or '-' (it drops nothing)."""
        return "-" if not self.drops else "yes" if self.guarded else "no"

    @property
    def pattern_match(self) -> str:
        """How its patterns meet a line, in words ('none (not read)' for a shape-only kind)."""
        return MATCH_WORDS[self.match] if self.reads_patterns else "none (not read)"

    def __repr__(self) -> str:
        return f"<kind {self.name}>"


class ClassifyKind(Kind):
    """A context-free kind (classify stage): it judges one line at a time.

    ``action`` is what a hit does: drop the line, blank it (a paragraph break) or guard it.
    The classify stage asks each rule of the kind :meth:`hits` on each kept line; a word
    limit (:meth:`word_limit`) is checked first, as it is cheaper than a pattern.
    """

    stage = CLASSIFY
    action: ClassVar[str]

    def word_limit(self, rule: Rule) -> float:
        return float("inf")

    def hits(self, rule: Rule, text: str, lower: str | None) -> bool:
        return rule.matches(text, lower)

    def finish(self, doc: Document, rules: list[Rule], proposed: set[int] | None) -> None:
        """After every line is judged: a second look at the kind's own decisions.
        ``proposed`` (for a blanking kind): the lines the screen proposed one of its rules
        for; no other line classify screened can match them (a line blank before
        classify was not screened)."""


class ReviseKind(Kind):
    """A context kind (revise stage): it looks at the lines around.

    ``check(doc, rule, matching)`` drops lines with ``line.drop(rule)``; ``matching`` is
    the set of indexes of the lines the rule's patterns match, computed once before the
    rounds for kinds that set ``prematch`` (empty otherwise). ``page_only``: the kind runs
    in page mode, on documents that look like pages.
    """

    stage = REVISE

    def check(self, doc: Document, rule: Rule, matching: frozenset[int]) -> None:
        raise NotImplementedError
