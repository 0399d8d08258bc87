"""``line``: the stripped line fully matches a pattern, or is one of the rule's exact ``lines``."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..document import DROP, KEEP
from ..text import repeats_title
from .base import ClassifyKind, Param

if TYPE_CHECKING:
    from ..document import Document
    from ..rules import Rule


class LineKind(ClassifyKind):
    name = "line"
    summary = "the stripped line fully matches a pattern (or is one of the rule's exact `lines`)"
    action = DROP
    params = {
        "headline_place": Param(False, "the document's first line, and a line that repeats it, stay: the headline, "
                                       "set in the rule's shape (a teaser link in capitals stands between paragraphs)"),
    }

    def finish(self, doc: Document, rules: list[Rule], proposed: set[int] | None) -> None:
        """Give the headline back to the rules that may not take it (``headline_place``).

        >>> from cleaner import Cleaner
        >>> Cleaner().clean("CITY COUNCIL APPROVES THE NEW BUDGET FOR ALL SCHOOLS\\n\\nThe council met on Monday.")
        'CITY COUNCIL APPROVES THE NEW BUDGET FOR ALL SCHOOLS\\n\\nThe council met on Monday.\\n'
        """
        own = {rule.full_id for rule in rules if rule.param("headline_place")}
        if not own:
            return
        rows = [line for line in doc.lines if line.text.strip()]
        title = rows[0].key if rows else ""
        for line in rows:
            if line.rule in own and (line is rows[0] or repeats_title(line.text, title)):
                line.decide(KEEP, "", "", "")
