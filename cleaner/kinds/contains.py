"""``contains``: a pattern occurs in the line, and the line is short enough."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..document import DROP, KEEP
from ..text import story_beside
from .base import SEARCH, ClassifyKind, Param

if TYPE_CHECKING:
    from ..document import Document
    from ..rules import Rule


class ContainsKind(ClassifyKind):
    name = "contains"
    summary = "a pattern occurs in the line and the line has at most `max_words` words"
    action = DROP
    match = SEARCH
    params = {
        "max_words": Param(0, "the longest line (in words) the rule drops; 0: any length"),
        "story_lines": Param(0, "the fewest of the rule's lines (of six words or more) that, with no paragraph of "
                                "prose outside them, are the story itself and stay (a photo essay told in its "
                                "captions); 0: the rule's lines always go"),
    }

    def word_limit(self, rule: Rule) -> float:
        return rule.param("max_words") or float("inf")

    def finish(self, doc: Document, rules: list[Rule], proposed: set[int] | None) -> None:
        for rule in rules:
            if rule.param("story_lines"):
                _keep_as_story(doc, rule, rule.param("story_lines"))


_STORY_WORDS = 6  # the shortest line (in words) that tells a story: image residue, a bare credit go


def _keep_as_story(doc: Document, rule: Rule, story_lines: int) -> None:
    """The lines ``rule`` dropped stay when they are ``story_lines`` or more distinct ones (of
    ``_STORY_WORDS`` words or more) and no paragraph of prose (a sentence of twelve words
    or more) is left outside them: a photo essay or a picture timeline is told in its
    captions, and dropping them would leave no story. Beside a story they go, and so does
    a lone caption (one picture is no essay; a caption printed twice is one). Shorter lines (image residue, a bare
    credit) go either way.

    >>> from types import SimpleNamespace
    >>> from cleaner.document import Document, Line
    >>> rule = SimpleNamespace(full_id="captions/caption-line")
    >>> captions = ["Rescuers carry a child from the flooded village on Monday. REUTERS/Jane Roe",
    ...             "A woman wades through the water to her house on Tuesday. REUTERS/Jane Roe"]
    >>> doc = Document([Line(1, "Pictures of the week")] + [Line(i, t) for i, t in enumerate(captions, 2)])
    >>> def run():
    ...     for line in doc.lines[1:3]:
    ...         line.decide(DROP, rule.full_id, "captions", "classify")
    ...     _keep_as_story(doc, rule, 2)
    ...     return [line.action for line in doc.lines[1:3]]
    >>> run()
    ['keep', 'keep']
    >>> doc.lines.append(Line(4, "The river burst its banks after three days of rain, the county said on Monday."))
    >>> run()
    ['drop', 'drop']
    """
    own = [line for line in doc.lines if line.action == DROP and line.rule == rule.full_id and line.words >= _STORY_WORDS]
    if len({line.key for line in own}) < story_lines or story_beside(doc.lines):
        return
    for line in own:
        line.decide(KEEP, "", "", "")
