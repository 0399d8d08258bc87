"""``run``: a menu printed one item per line."""
from __future__ import annotations

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

from ..cache import compile_pattern
from ..document import Line
from ..text import BULLET, is_headline_like, is_label
from .base import Param, ReviseKind
from .lists import adjacent_block, amid_code, amid_prose, find_runs, is_story_list, kept_neighbour

if TYPE_CHECKING:
    from ..document import Document
    from ..rules import Rule


class RunKind(ReviseKind):
    name = "run"
    summary = ("`min_lines` or more adjacent short labels: a menu printed one item per line; not a list the "
               "line above announces (a sentence ending with ':'), not data (numbers or 'label: value' on 40% of the lines), "
               "not a run between two lines of prose unless half its items match the patterns (known menu words)")
    guarded = True
    needs_patterns = False
    params = {
        "min_lines": Param(5, "the fewest labels that make a menu (lines a navigation or footer rule dropped count)"),
        "max_words": Param(2, "the longest label (in words)"),
        "title_max_words": Param(4, "the longest label (in words) if every longer word is capitalised"),
    }

    def check(self, doc: Document, rule: Rule, matching: frozenset[int]) -> None:
        """Menus printed one item per line: ``min_lines`` or more adjacent short labels
        (``max_words``, or up to ``title_max_words`` if every longer word is capitalised),
        unless the run reads as a list of the story (see :func:`is_story_list`), judged on
        the whole bulleted list the run is a part of (a run that starts amid one is the
        story's: a longer first item, '• Bound Brook Schools School District', is no label). A run
        between two paragraphs of article prose is the story's too, unless half its items
        are known menu words (the rule's patterns); so is a run between two lines of code
        (see :func:`amid_code`), and so is a run whose every item carries a list mark
        ('・Firefox', '★The Shore': a story's list of browsers, of nominees), unless half
        its items are known menu words. The last item of a run right above a byline or date is the
        headline of the post, not a menu item."""
        max_words, title_max_words = rule.param("max_words"), rule.param("title_max_words")
        longest = max(max_words, title_max_words)

        def is_item(line: Line) -> bool:
            # (a label of ``max_words``, or of ``title_max_words`` in Title Case: one label
            # test with the larger limit, then the headline test only for the longer ones;
            # a label is a kept line, never a blank one)
            return is_label(line, longest) and (line.words <= max_words or is_headline_like(line.text, 1.0))

        lines = doc.lines
        for run, dropped in find_runs(lines, is_item, count_dropped=True):
            following = kept_neighbour(lines, run[-1], 1)
            if following is not None and lines[following].guarded:
                run = run[:-1]  # the headline above its byline or date
            if not run or len(run) + dropped < rule.param("min_lines"):
                continue
            block = _bullet_block(lines, run)
            if block[0] != run[0] or is_story_list(lines, block):
                continue  # (a run that starts amid a bulleted list is a part of the story's list)
            known = _known_items(lines, run, rule)
            if (amid_prose(lines, run) or _marked(lines, run)) and 2 * known < len(run):
                continue
            if amid_code(lines, run):
                continue
            if not dropped and not known:
                continue  # (shape alone: a cast list, a quiz's options, a fact table's labels)
            for i in run:
                lines[i].drop(rule)


# a list mark: a bullet and a space (``BULLET``), or a CJK list mark, which takes no space ('・Firefox')
_LIST_MARK = compile_pattern(BULLET.pattern + r"|^[・◆◇●○☆★▶▷◎]")


def _marked(lines: list[Line], run: list[int]) -> bool:
    """Every item of the run carries a list mark: a list the story printed as a list."""
    return all(_LIST_MARK.match(lines[i].text) for i in run)


def _bullet_block(lines: list[Line], run: list[int]) -> list[int]:
    """The run and the bulleted lines right next to it (no blank line between), if the
    run's own first item is bulleted: the whole list the run is a part of. A list of
    names whose first item is too long to read as a label ('• Bound Brook Schools School
    District') is still one list, and the sentence above it still announces it."""
    if not BULLET.match(lines[run[0]].text):
        return run
    return adjacent_block(lines, run, BULLET.match)


def _known_items(lines: list[Line], run: list[int], rule: Rule) -> int:
    """How many items are known menu words (the rule's patterns)."""
    if rule.regex is None:
        return 0
    return sum(1 for i in run if rule.matches(_LIST_MARK.sub("", lines[i].text)))


