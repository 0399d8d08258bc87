"""``guard``: a matching line (a byline, a dateline) is content; the guarded kinds never drop it."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from .base import ClassifyKind, Param

if TYPE_CHECKING:
    from ..rules import Rule


GUARD = "guard"


class GuardKind(ClassifyKind):
    name = "guard"
    summary = ("nothing: it marks a matching line (a byline, a dateline) as guarded; the kinds "
               "marked guarded never drop it, the others still may")
    action = GUARD
    drops = False
    params = {"max_words": Param(16, "the longest line (in words) the rule guards")}

    def word_limit(self, rule: Rule) -> float:
        return rule.param("max_words")
