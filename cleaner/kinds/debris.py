"""``debris``: leftover markup; once every match is removed the line holds no letter or digit."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..document import BLANK, KEEP, Document, Line
from ..text import fold, has_words
from .base import SEARCH, ClassifyKind

if TYPE_CHECKING:
    from ..rules import Rule


_CODE_MIN_LINES = 3


class DebrisKind(ClassifyKind):
    name = "debris"
    summary = ("nothing is left but punctuation once every match is removed (a stray `<br>`); the line "
               "becomes a blank line. Tag-only lines inside a code sample (three or more adjacent lines "
               "of markup, one with words) stay")
    action = BLANK
    match = SEARCH

    def hits(self, rule: Rule, text: str, lower: str | None) -> bool:
        return rule.matches(text, lower) and not has_words(rule.regex.sub("", text))

    def finish(self, doc: Document, rules: list[Rule], proposed: set[int] | None) -> None:
        _keep_code_samples(doc, rules, proposed)


def _keep_code_samples(doc: Document, debris: list[Rule], proposed: set[int] | None) -> None:
    """Lines of markup a story shows are code, not leftovers: a run of three or more
    adjacent lines that all hold markup, one of them with words or code around its tags
    (``<title>Test</title>``, ``<p>Hello</p>``), is a code sample, and the tag-only lines
    in it are kept. A scraper leaves a stray ``<br>`` or ``</div>`` between paragraphs
    of prose, or a run of bare tags, which are still blanked. Lines repeated in the run
    count once. ``proposed``: the lines the screen proposed a debris rule for (None: any)."""
    def has_markup(line: Line) -> bool:
        return any(rule.regex.search(line.text) for rule in debris)

    lines = doc.lines
    if proposed is None:
        indexes = range(len(lines))
    else:  # (a line classify screened without proposing a debris rule holds no markup)
        indexes = (i for i, line in enumerate(lines) if i in proposed or (line.action == BLANK and not line.rule))
    run: list[Line] = []
    last = -2
    for i in indexes:
        line = lines[i]
        if line.text.strip() and (line.is_kept or line.category == "debris") and has_markup(line):
            if i != last + 1:  # (a line between them holds no markup: a new run)
                _keep_sample(run)
                run = []
            run.append(line)
            last = i
    _keep_sample(run)


def _keep_sample(run: list[Line]) -> None:
    """Keep the tag-only lines of a run of markup that is a code sample."""
    if len(run) >= _CODE_MIN_LINES:
        # (a line repeated in the run counts once: the duplicate rule may drop the repeat,
        # and what is left must still be a sample, or cleaning twice would blank more)
        distinct = {item.text if item.is_blank else fold(item.text) for item in run}
        if len(distinct) >= _CODE_MIN_LINES and any(item.is_kept for item in run):
            for item in run:
                if item.is_blank and item.rule:
                    item.decide(KEEP, "", "", "")
