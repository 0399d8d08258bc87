"""Page mode's bridge: a long run of short lines between the article's prose and more of it.

A recipe's ingredients under one-word intros ('Obst:', 'Sonstiges:'), then its method: the
lists are longer than the labels the article may hold between two paragraphs, so the
widening stopped at them and the method went with the page. A run of short lines between
the article's prose and more prose is the story's when two pieces of evidence hold: the
run is lists under their headings (two intros ending in ':' or more, each with two lines
under it that are no intros: a field's label over its one value is no list), and its
lines name what the prose right below them names (a third of them, three or more, share
a word of five letters or more with it: the ingredients the method uses). A page's menus
and link lists above a footer's paragraph name other things, and a line another rule
dropped (a known menu, share bar or footer string) or a teaser card ends the run before.

>>> from cleaner.document import Line
>>> text = ["Obst:", "200 g Äpfel", "100 g Zwetschgen", "Weiters:", "Mehl zum Panieren", "1 Ei",
...         "Die Äpfel schälen, die Zwetschgen entkernen, alles binden und panieren."]
>>> lines = [Line(i, t) for i, t in enumerate(text)]
>>> bridged(lines, [0, 1, 2, 3, 4, 5], [6])
True
>>> menu = ["Sections:", "World", "Sport", "Topics:", "Energy", "Housing", "Sign up for our world and sport news."]
>>> lines = [Line(i, t) for i, t in enumerate(menu)]
>>> bridged(lines, [0, 1, 2, 3, 4, 5], [6])
False
"""
from __future__ import annotations

from ..cache import compile_pattern
from ..document import Line

BRIDGE_MAX_ROWS = 40  # the longest run of short lines a bridge crosses
BRIDGE_MIN_INTROS = 2  # the fewest intros ending in ':' in the run (lists under their headings)
BRIDGE_MIN_SHARED = 3  # the fewest lines of the run that share a word with the prose below
_SHARE = 1 / 3  # ... and the share of the run's lines they are
_STEM = 5  # the letters of a word two lines must share (a plural, a case ending differ)
_WORD = compile_pattern(r"[^\W\d_]{5,}")


def _stems(text: str) -> set[str]:
    """The first letters of the long words of a line, case folded.

    >>> sorted(_stems("200 g Haselnüsse, gerieben"))
    ['gerie', 'hasel']
    """
    return {word.casefold()[:_STEM] for word in _WORD.findall(text)}


def bridged(lines: list[Line], run: list[int], prose: list[int]) -> bool:
    """The short lines ``run`` (line indexes) belong to the story whose prose ``prose``
    follows them: lists under two intros or more, and a third of the lines that are no
    intros, three or more, sharing a word with that prose."""
    if len(run) > BRIDGE_MAX_ROWS:
        return False
    intro = [lines[i].text.endswith((":", "：")) for i in run]
    items = [i for i, heads in zip(run, intro) if not heads]
    # an intro heads a list: the two lines under it are no intros (a field's label and
    # its one value, 'Auteur :' / a name, are none)
    lists = sum(1 for k, heads in enumerate(intro) if heads and intro[k + 1 : k + 3] == [False, False])
    below = set().union(*(_stems(lines[i].text) for i in prose))
    shared = sum(1 for i in items if _stems(lines[i].text) & below)
    return lists >= BRIDGE_MIN_INTROS and bool(items) and shared >= max(BRIDGE_MIN_SHARED, _SHARE * len(items))
