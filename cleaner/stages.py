"""The two stages that run the rule kinds (:mod:`cleaner.kinds`) on a document.

``classify`` runs the context-free kinds (guard, debris, line, contains), one line at a
time; ``revise`` runs the context kinds, which look at the lines around, in the
registry's order, until nothing more drops. What each kind does, its parameters and
whether keep-guards protect lines from it: the kinds table in ``rules/README.md``
(generated from the registry).

>>> from cleaner.document import Document
>>> from cleaner.rules import load_rules
>>> doc = Document.from_lines(["Headline of the story here", "Advertisement", "Text."])
>>> classify(doc, load_rules())
>>> [(l.action, l.rule) for l in doc.lines]
[('keep', ''), ('drop', 'ads/advertisement-label'), ('keep', '')]
"""
from __future__ import annotations

from collections import namedtuple

from .document import BLANK, DROP, KEEP, Document, Line
from .kinds import KINDS
from .kinds.base import CLASSIFY
from .kinds.guard import GUARD
from .kinds.page import looks_like_page, shows_chrome
from .rules import Rule, remembered
from .screen import NO_LIMIT, Screens

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)

# Told how far a cleaning has got: ``progress(step, done, total)`` (``total`` 0: no count),
# e.g. ``("classify", 40_960, 102_400)``, ``("revise round 1: duplicate", 0, 0)``. The
# clean command draws it for a large file; most callers pass None.
if TYPE_CHECKING:
    from typing import Callable, Optional

    Progress = Optional[Callable[[str, int, int], None]]

_REPORT_EVERY = 4096  # lines


def classify(doc: Document, rules: tuple[Rule, ...], progress: Progress = None) -> None:
    """Run guards and the context-free kinds; the first rule that drops a line wins.
    The lines the prematched rules match are found here too and kept on the document
    for revise (``doc.prematch``): one screen lookup per line serves both stages."""
    screens = _screens(rules)
    matched: dict[str, list[int]] = {}
    doc.prematch = (rules, matched)
    proposed: set[int] = set()  # the lines the screen proposed a blanking rule for
    lines = doc.lines
    for start, found in screens.blocks(lines):
        if progress and not start % _REPORT_EVERY:
            progress("classify", start, len(lines))
        if found is None:  # (no line of the block has a rule to try: most blocks of short lines)
            for line in lines[start:start + screens.BLOCK]:
                if line.action == KEEP:
                    line.guarded = False
            continue
        for i, (line, candidates) in enumerate(zip(lines[start:start + len(found)], found), start):
            if candidates is not None:  # (not a blank line)
                _classify_line(line, i, candidates, matched, proposed)
    for kind, own in _plan(rules).finishes:
        kind.finish(doc, list(own), proposed if kind.action == BLANK else None)


def _classify_line(line: Line, i: int, candidates, matched: dict[str, list[int]], proposed: set[int]) -> None:
    """Classify the ``i``-th line, given each screen's candidates for it."""
    guards, blankers, droppers, headers = candidates
    if headers:
        _prematch(line, i, headers, matched)
    if blankers:
        proposed.add(i)
    if not line.is_kept:
        return
    if not (guards or blankers or droppers):
        line.guarded = False
        return  # (most lines: no rule to try)
    lower = line.lower
    line.guarded = _first_hit(line, lower, guards) is not None
    blanker = _first_hit(line, lower, blankers)
    if blanker is not None:
        line.decide(KINDS[blanker.kind].action, blanker.full_id, blanker.category, CLASSIFY)
        return
    dropper = _first_hit(line, lower, droppers)
    if dropper is not None:
        line.decide(DROP, dropper.full_id, dropper.category, CLASSIFY)


def _prematch(line: Line, i: int, candidates, matched: dict[str, list[int]]) -> None:
    """Add ``i`` to the lines of each candidate rule that matches ``line``."""
    text, lower = line.text, line.lower
    for rule, _ in candidates:
        if rule.matches(text, lower):
            matched.setdefault(rule.full_id, []).append(i)


def _screens(rules: tuple[Rule, ...]) -> Screens:
    """The screens of a rule set, read with one lookup per line: guards, blankers and
    droppers (classify), and the rules whose kinds are handed the lines their patterns
    match (revise: span and zone headers, teaser items, pull quotes). Built once per
    rule set (:meth:`cleaner.screen.Screens.of_rules`)."""
    return Screens.of_rules(rules, _roles)


def _roles(rules: tuple[Rule, ...]) -> tuple[tuple[tuple[Rule, float], ...], ...]:
    """The rules of each screen, each with its word limit (read from the rule each time;
    the screens themselves are built once). A word limit is checked before the pattern:
    most prose lines are longer than any limit, and counting words once is cheaper than
    running every pattern."""
    guards, blankers, droppers, headers = [], [], [], []
    for rule in rules:
        kind = KINDS[rule.kind]
        if kind.stage == CLASSIFY:
            role = guards if kind.action == GUARD else droppers if kind.action == DROP else blankers
            role.append((rule, NO_LIMIT if role is blankers else kind.word_limit(rule)))
        elif kind.prematch:
            headers.append((rule, NO_LIMIT))
    return tuple(guards), tuple(blankers), tuple(droppers), tuple(headers)


def _first_hit(line: Line, lower: str | None, candidates) -> Rule | None:
    """The first of the candidates (each with its word limit) that hits the line
    (``lower``: its lowered text)."""
    if candidates:
        text, words = line.text, line.words
        for rule, limit in candidates:
            if words <= limit and KINDS[rule.kind].hits(rule, text, lower):
                return rule
    return None


_MAX_ROUNDS = 8


def revise(doc: Document, rules: tuple[Rule, ...], mode: str = "article", progress: Progress = None) -> None:
    """Run the context kinds in a fixed order until nothing more drops.

    A drop can bring lines together (a duplicate between two parts of a menu); cleaning
    the output again would then drop more. Repeating the round until it changes nothing
    makes cleaning idempotent. Most documents need one round and one to confirm.

    Page mode reads a page as a whole (where its prose is densest, where its title is
    repeated), and the article it returns reads differently once the menus around it are
    gone. So in page and auto mode the output is read again, as the next run would read
    it (the kept lines, blank runs collapsed, what the rules dropped gone), until that
    reading drops nothing more: the output is then a fixed point (see :func:`_settle`).
    """
    page = _rounds(doc, rules, mode, progress)
    if mode != "article":
        _settle(doc, rules, mode, page, progress)


_MAX_PASSES = 6


def _settle(doc: Document, rules: tuple[Rule, ...], mode: str, page: bool, progress: Progress = None) -> None:
    """Clean the document's output again until the second cleaning drops nothing, and
    carry each drop back to the line it came from. When the last pass drops nothing, the
    output cleaned again is the output: cleaning is idempotent by construction. (A
    document page mode did not cut, and that does not look like a page once cleaned, is
    read by article mode alone the second time, which already is a fixed point.)"""
    for number in range(1, _MAX_PASSES + 1):
        if progress:
            progress(f"settle pass {number}", 0, 0)
        view = _kept_view(doc)
        again = Document.from_lines([line.text if line is not None else "" for line in view])
        if not page and not looks_like_page(again, strict=mode == "auto"):
            return
        classify(again, rules, progress)
        page = _rounds(again, rules, mode, progress)
        changed = False
        for line, source in zip(again.lines, view):
            if source is not None and source.is_kept and not line.is_kept:
                source.decide(line.action, line.rule, line.category, line.stage)
                changed = True
        if not changed:
            return


def _kept_view(doc: Document) -> list[Line | None]:
    """The lines the output prints, in order (None: a blank line), as :func:`render` prints them."""
    out: list[Line | None] = []
    pending_blank = False
    for line in doc.lines:
        if line.is_kept:
            if pending_blank and out:
                out.append(None)
            out.append(line)
            pending_blank = False
        elif line.is_blank:
            pending_blank = True
    return out


def _rounds(doc: Document, rules: tuple[Rule, ...], mode: str, progress: Progress = None) -> bool:
    """The rounds of the context checks; True if page mode ran on the document."""
    page = mode != "article" and looks_like_page(doc, strict=mode == "auto") and (mode == "page" or shows_chrome(doc))
    # A line's text never changes here, so the lines the patterns of a kind that asks for
    # them (a span's header, a zone's marker) match are found once, before the rounds.
    matching = _matching_lines(doc, rules)
    plan = _plan(rules)
    checks = [(kind, rule, matching.get(rule.full_id, frozenset()))
              for kind, rule in (plan.page if page else plan.article)]
    for number in range(1, _MAX_ROUNDS + 1):
        before = sum(1 for line in doc.lines if line.action == DROP)
        for kind, rule, lines in checks:
            if progress:
                progress(f"revise round {number}: {kind.name}", 0, 0)  # (checks differ too much to count)
            kind.check(doc, rule, lines)
        if sum(1 for line in doc.lines if line.action == DROP) == before:
            break
    return page


class _Plan(namedtuple("_Plan", "finishes article page")):
    """What the stages run for a rules tuple: each classify kind with its rules (for its
    ``finish``), and the (kind, rule) checks of the rounds in the registry's order
    (article mode, page mode)."""

    __slots__ = ()


_plans: dict[tuple, tuple] = {}  # the plans of rules tuples (see cleaner.rules.remembered)


def _plan(rules: tuple[Rule, ...]) -> _Plan:
    """The rules tuple's :class:`_Plan`, found once per tuple (remembered by its identity,
    as its screens are: see :meth:`Screens.of_rules`), not for each document.

    >>> from cleaner.rules import load_rules
    >>> rules = load_rules()
    >>> [rule.kind for _, rule in _plan(rules).article][:2], _plan(rules) is _plan(rules)
    (['head', 'run'], True)
    """
    return remembered(_plans, (rules,), lambda: _make_plan(rules))


def _make_plan(rules: tuple[Rule, ...]) -> _Plan:
    kinds = list(KINDS.values())
    finishes = []
    for kind in kinds:
        own = tuple(rule for rule in rules if rule.kind == kind.name)
        if kind.stage == CLASSIFY and own:
            finishes.append((kind, own))

    def checks(page: bool) -> tuple:
        return tuple((kind, rule) for kind in kinds if kind.stage != CLASSIFY and (page or not kind.page_only)
                     for rule in rules if rule.kind == kind.name)

    return _Plan(tuple(finishes), checks(False), checks(True))


def _matching_lines(doc: Document, rules: tuple[Rule, ...]) -> dict[str, frozenset[int]]:
    """For each rule whose kind is handed the lines its patterns match (``prematch``) and
    that matches a line, the indexes of the non-blank lines that match. :func:`classify` found them for these rules
    (``doc.prematch``), so a line is not screened twice; the lines it blanked since are
    left out (a line's text does not change, its action may)."""
    if doc.prematch is not None and doc.prematch[0] is rules:
        matched = doc.prematch[1]
    else:  # (a document classify did not see, or saw with other rules)
        matched = {}
        screens = _screens(rules)
        for i, line in enumerate(doc.lines):
            if not line.is_blank:
                candidates = screens.for_line(line)[3]
                if candidates:
                    _prematch(line, i, candidates, matched)
    lines = doc.lines  # (a rule that matched no line has no entry)
    return {rule_id: frozenset(i for i in found if not lines[i].is_blank) for rule_id, found in matched.items()}
