"""Find the few rules worth trying on a line: most lines match no rule at all.

A :class:`Screen` joins the patterns of many rules into one matcher per way of matching
(see :class:`cleaner.patterns.UnionMatcher`). Where the joined matcher fails, none of the
rules can match, and one call replaced one per rule. Where it succeeds, the rules are
tried one by one, in order, as before: the answer is exactly the per-rule answer.

>>> from cleaner.rules import load_rules
>>> droppers = tuple((r, NO_LIMIT) for r in load_rules() if r.kind == "line")
>>> screen = Screen.of(droppers)
>>> len(screen.candidates("The council voted on Monday.", None, 5)) < len(droppers)
True
>>> any(r.full_id == "ads/advertisement-label" for r, _ in screen.candidates("Advertisement", "advertisement", 1))
True
"""
from __future__ import annotations

from functools import lru_cache

from .patterns import UnionMatcher
from .rules import Rule

NO_LIMIT = float("inf")


class Screen:
    """The rules (each with its word limit) that may match a line, in rule order.

    The whole-line rules' patterns are joined; so are the searching rules', but only for
    short lines: on a long line each rule's search, filtered by its needed strings, beats
    one search of all patterns. Rules whose patterns cannot be joined (a back-reference)
    are always candidates.
    """

    SHORT_WORDS = 8

    @staticmethod
    @lru_cache(maxsize=1024)
    def of(limited_rules: tuple[tuple[Rule, float], ...]) -> "Screen":
        """The screen of a rule set, built once (rules never change after loading).

        Rules of exact lines only (a learned site profile) join no pattern: they are always
        candidates. The patterns' screen is built once for all sites, and each site's screen
        only adds its exact-line rules, in rule order, without compiling anything.
        """
        patterned = tuple(item for item in limited_rules if item[0].matcher is not None or not item[0].lines)
        if len(patterned) == len(limited_rules):
            return Screen._of_patterns(patterned)
        return Screen._of_patterns(patterned).with_exact(limited_rules)

    @staticmethod
    @lru_cache(maxsize=32)
    def _of_patterns(limited_rules: tuple[tuple[Rule, float], ...]) -> "Screen":
        return Screen(limited_rules)

    def with_exact(self, limited_rules: tuple[tuple[Rule, float], ...]) -> "Screen":
        """A copy that also tries the exact-line rules among ``limited_rules`` on every line."""
        order = {item: i for i, item in enumerate(limited_rules)}
        exact = tuple(item for item in limited_rules if item[0].matcher is None and item[0].lines)
        copy = object.__new__(Screen)
        copy.__dict__.update(self.__dict__)
        copy._candidates = {key: tuple(sorted(found + exact, key=order.__getitem__))
                            for key, found in self._candidates.items()}
        return copy

    def __init__(self, limited_rules: tuple[tuple[Rule, float], ...]) -> None:
        def joined(how: str) -> list[tuple[Rule, float]]:
            return [(r, limit) for r, limit in limited_rules
                    if r.matcher is not None and r.matcher.args[2] == how and r.matcher.groups.joinable]

        whole, searching = joined("fullmatch"), joined("search")
        self.whole = UnionMatcher(tuple(r.matcher for r, _ in whole)) if whole else None
        self.whole_limit = max((limit for _, limit in whole), default=0)
        self.searching = UnionMatcher(tuple(r.matcher for r, _ in searching)) if searching else None
        self.short_limit = min(self.SHORT_WORDS, max((limit for _, limit in searching), default=0))
        rules = [(r, limit) for r, limit in limited_rules if r.matcher is not None or r.lines]
        self._candidates = {
            (w, s): tuple(item for item in rules if (w or item not in whole) and (s or item not in searching))
            for w in (False, True) for s in (False, True)}

    def candidates(self, text: str, lower: str | None, words: int) -> tuple[tuple[Rule, float], ...]:
        """The rules to try on a line (``lower``: :func:`cleaner.patterns.lowered` of it)."""
        whole = self.whole is not None and words <= self.whole_limit and self.whole(text, lower)
        searching = self.searching is not None and (words > self.short_limit or self.searching(text, lower))
        return self._candidates[whole, searching]
