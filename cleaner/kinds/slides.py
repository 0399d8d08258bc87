"""``slides``: a photo gallery's captions printed as text."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..document import DROP, Line
from ..text import story_beside
from .base import MATCH, Param, ReviseKind
from .lists import NUMBER

if TYPE_CHECKING:
    from ..document import Document
    from ..rules import Rule


class SlidesKind(ReviseKind):
    name = "slides"
    summary = ("`min_items` or more lines in a row (blanks and dropped lines passed over) that start with a "
               "slide counter (the patterns: `- 3/50 ...`), of `min_words`+ words, with the same total on "
               "every line and a number that goes up: a gallery's captions")
    guarded = True
    match = MATCH
    prematch = True
    params = {
        "min_items": Param(5, "the fewest captions that make a gallery"),
        "min_words": Param(6, "the shortest caption (in words)"),
    }

    def check(self, doc: Document, rule: Rule, matching: frozenset[int]) -> None:
        """A photo gallery printed as text: ``min_items`` or more lines in a row (blank lines
        and lines other rules dropped between them are passed over) that start with a slide
        counter (the rule's patterns: '- 3/50 ...', 'Image 3 of 50 ...'), each of
        ``min_words`` words or more (a title and a caption). The counter is the shape; the
        second piece of evidence is the count: the same total on every line and a number
        that goes up from line to line, never above the total. Fractions in a recipe
        ('1/2 cup', '3/4 cup') change their total; a line of the story that happens to start
        with a counter stands alone. A gallery goes only beside a story: with no paragraph
        of prose outside it, the slides are the story (a gallery story), and they stay."""
        if not matching:
            return  # (no line starts with a counter: most documents)
        min_words, min_items = rule.param("min_words"), rule.param("min_items")

        def counter(line: Line) -> tuple[int, int] | None:
            if not line.is_kept or line.is_blank or line.guarded or line.words < min_words:
                return None
            found = rule.regex.match(line.text)
            numbers = NUMBER.findall(found.group(0)) if found else []
            return (int(numbers[0]), int(numbers[1])) if len(numbers) >= 2 else None

        def flush(run: list[int]) -> None:
            if len(run) >= min_items and story_beside(doc.lines, set(run)):
                for i in run:
                    doc.lines[i].drop(rule)

        run: list[int] = []
        last: tuple[int, int] | None = None
        for i, line in enumerate(doc.lines):
            if line.is_blank or line.action == DROP:
                continue
            count = counter(line)
            if count is not None and count[0] <= count[1] and last is not None and count[1] == last[1] and count[0] > last[0]:
                run.append(i)
            else:
                if run:
                    flush(run)
                run = [i] if count is not None and count[0] <= count[1] else []
            last = count if run else None
        flush(run)
