"""Page mode's hard-wrapped paragraphs: a press release, a recipe's method or an old-style
text whose paragraphs are broken into lines of about 60-80 characters. No line of such a
paragraph ends like a sentence and each is short, so each alone reads as a label; joined,
they are prose. The lines stay lines (the cleaner never reflows text): only their weight
as prose changes.

>>> from cleaner.document import Line
>>> text = ["Die Stadtwerke senken zum 1. Januar die Preise für Fernwärme um",
...         "durchschnittlich neun Prozent. Grund sind die gesunkenen Preise für",
...         "Erdgas, die das Unternehmen an die Kunden weitergibt."]
>>> lines = [Line(i, t) for i, t in enumerate(text)]
>>> [list(run) for run in wrapped_runs(lines, [0, 1, 2])]
[[0, 1, 2]]
"""
from __future__ import annotations

from ..cache import compile_pattern
from ..document import Line
from ..text import BULLET
from .page_lines import ends_like_sentence, ruled

WRAP_MIN_CHARS, WRAP_MAX_CHARS = 40, 100  # the widths text is wrapped at (a line's length, not a label's)
_WRAP_SPREAD = 0.7  # every line but the last is this share of the longest, or longer
_RAGGED_SPREAD = 0.4  # ... or this share, for a paragraph that follows a wrapped one in its block
_MIN_WORDS = 12  # the fewest words of the joined paragraph
# a break inside a sentence: the line ends in a comma, a hyphen or a word, the next one
# goes on in lower case
_OPENING = "\"'“‘„«("
_OPEN_END = compile_pattern(r"[\w,;\-–]$")


def wrapped_runs(lines: list[Line], rows: list[int]) -> list[range]:
    """The runs of ``rows`` (positions in it) that are one paragraph wrapped by hand: two
    adjacent lines or more (no blank line between them), no rule's drop, guard or list
    item among them, every line but the last of similar length (``_WRAP_SPREAD`` of the
    longest line or longer, itself ``WRAP_MIN_CHARS`` to ``WRAP_MAX_CHARS`` long); the
    last line ends like a sentence, the joined text holds twelve words or more, and at
    least a third of the breaks fall inside a sentence (the line ends open, the next goes
    on in lower case). A menu's labels are short, a list of
    teaser headlines starts each line with a capital and ends on no sentence.

    >>> teasers = ["Storm closes the coastal road between the harbour and the old town",
    ...            "Ferry fares to rise in spring as the operator counts rising costs",
    ...            "Council approves a budget for the schools after a long debate."]
    >>> wrapped_runs([Line(i, t) for i, t in enumerate(teasers)], [0, 1, 2])
    []
    """
    found: list[range] = []
    k = 0
    while k < len(rows):
        end = k
        while end + 1 < len(rows) and rows[end + 1] == rows[end] + 1 and _joinable(lines[rows[end + 1]]):
            end += 1
        if end > k and _joinable(lines[rows[k]]):
            found.extend(_paragraphs(lines, rows, k, end))
        k = end + 1
    return found


def _continues(text: str) -> bool:
    """The line goes on with a sentence begun above: its first letter is lower case.

    >>> _continues("schneiden."), _continues("„wir"), _continues("Äpfel"), _continues("3 Eier")
    (True, True, False, False)
    """
    first = text.lstrip().lstrip(_OPENING)[:1]
    return first.isalpha() and first.islower()


def _joinable(line: Line) -> bool:
    return not ruled(line) and not line.guarded and not BULLET.match(line.text)


def _paragraphs(lines: list[Line], rows: list[int], begin: int, end: int) -> list[range]:
    """The wrapped paragraphs in a block of adjacent lines: each ends on a line that ends
    like a sentence, after one line or more that do not (a paragraph may hold several
    sentences and a line may end on one by chance: the line after it goes on). Once a
    paragraph of the block is wrapped, the next ones may be wrapped raggedly (a speech
    broken at 36 to 74 characters): the block's first paragraph showed the wrap.

    >>> speech = ["Thank you very much. Everybody, please have a",
    ...           "seat. Thank you. Mr. Speaker, Mr. Vice President.",
    ...           "Tonight marks the eighth year I have come",
    ...           "here to report on the state of the union, and for this final one",
    ...           "I am going to try to make it shorter."]
    >>> lines = [Line(i, t) for i, t in enumerate(speech)]
    >>> [list(run) for run in _paragraphs(lines, list(range(5)), 0, 4)]
    [[0, 1], [2, 3, 4]]
    >>> [list(run) for run in _paragraphs(lines, list(range(5)), 2, 4)]  # (alone, ragged is no wrap)
    []
    """
    found, start, spread = [], begin, _WRAP_SPREAD
    for k in range(begin, end + 1):
        text = lines[rows[k]].text
        closes = ends_like_sentence(text) and (k == end or len(text.strip()) < WRAP_MIN_CHARS
                                               or not _continues(lines[rows[k + 1]].text))
        if closes:
            if k > start and _wrapped(lines, rows, start, k, spread):
                found.append(range(start, k + 1))
                spread = _RAGGED_SPREAD
            start = k + 1
    return found


def _wrapped(lines: list[Line], rows: list[int], begin: int, end: int, spread: float) -> bool:
    texts = [lines[rows[k]].text.strip() for k in range(begin, end + 1)]
    widest = max(len(text) for text in texts)
    if not WRAP_MIN_CHARS <= widest <= WRAP_MAX_CHARS or min(len(text) for text in texts[:-1]) < spread * widest:
        return False
    if sum(lines[rows[k]].words for k in range(begin, end + 1)) < _MIN_WORDS:
        return False
    inside = sum(1 for text, after in zip(texts, texts[1:]) if _OPEN_END.search(text) and _continues(after))
    return 3 * inside >= len(texts) - 1
