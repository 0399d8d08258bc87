"""``contains``: a pattern occurs in the line, and the line is short enough."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..document import DROP
from .base import SEARCH, ClassifyKind, Param

if TYPE_CHECKING:
    from ..rules import Rule


class ContainsKind(ClassifyKind):
    name = "contains"
    summary = "a pattern occurs in the line and the line has at most `max_words` words"
    action = DROP
    match = SEARCH
    params = {"max_words": Param(0, "the longest line (in words) the rule drops; 0: any length")}

    def word_limit(self, rule: Rule) -> float:
        return rule.param("max_words") or float("inf")
