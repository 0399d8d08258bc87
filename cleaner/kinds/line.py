"""``line``: the stripped line fully matches a pattern, or is one of the rule's exact ``lines``."""
from __future__ import annotations

from ..document import DROP
from .base import ClassifyKind


class LineKind(ClassifyKind):
    name = "line"
    summary = "the stripped line fully matches a pattern (or is one of the rule's exact `lines`)"
    action = DROP
