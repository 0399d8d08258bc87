"""Find the few rules worth trying on a line: most lines match no rule at all.

A :class:`Screen` asks a compiled multi-pattern engine (:mod:`cleaner.prefilter`) which
rules may match a line: one scan of the line for all rules. Without the engine (not
installed, turned off with ``CLEANER_NO_ENGINE=1``, a line it cannot scan, or a small
input: the engine is built only once a screen has seen ``ENGINE_AFTER_LINES`` lines, the
sites' copies of it counting together, so a short run does not pay for compiling it), it joins the patterns of many rules into
one matcher per way of matching (see :class:`cleaner.patterns.UnionMatcher`). Where the
joined matcher fails, none of the rules can match, and one call replaced one per rule.
Either way the candidates are then tried one by one, in order, with each rule's own
pattern: the answer is exactly the per-rule answer.

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
from .prefilter import Prefilter
from .rules import Rule, remembered

TYPE_CHECKING = False  # (as typing's, without importing typing at start-up)
if TYPE_CHECKING:
    from typing import Iterator

NO_LIMIT = float("inf")


class Screen:
    """The rules (each with its word limit) that may match a line, in rule order.

    The whole-line rules' patterns are joined; so are the searching rules', but only for
    short lines: on a long line each rule's search, filtered by its needed strings, beats
    one search of all patterns. Rules whose patterns cannot be joined (a back-reference)
    are always candidates.
    """

    SHORT_WORDS = 8
    ENGINE_AFTER_LINES = 2000  # lines a screen sees before it builds the engine (tests set 0)

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
        copy._counter = self._counter  # (the lines of every site count towards the engine)
        copy._candidates = {key: tuple(sorted(found + exact, key=order.__getitem__))
                            for key, found in self._candidates.items()}
        copy._listed = tuple(sorted(self._listed + tuple((item, -1) for item in exact),
                                    key=lambda pair: order[pair[0]]))
        return copy

    def __init__(self, limited_rules: tuple[tuple[Rule, float], ...]) -> None:
        def joined(how: str) -> list[tuple[Rule, float]]:
            # (a rule that also lists exact lines is tried on every line: its lines match
            # where its patterns do not)
            return [(r, limit) for r, limit in limited_rules if r.matcher is not None and not r.lines
                    and r.matcher.args[2] == how and r.matcher.groups.joinable]

        whole, searching = joined("fullmatch"), joined("search")
        self.whole = UnionMatcher(tuple(r.matcher for r, _ in whole)) if whole else None
        self.whole_limit = max((limit for _, limit in whole), default=0)
        self.searching = UnionMatcher(tuple(r.matcher for r, _ in searching)) if searching else None
        self.short_limit = min(self.SHORT_WORDS, max((limit for _, limit in searching), default=0))
        rules = [(r, limit) for r, limit in limited_rules if r.matcher is not None or r.lines]
        # (found by identity: comparing rules compares their whole content, which cost more
        # than the rest of building the screen; equal rules are screened alike either way)
        in_whole, in_searching = {id(r) for r, _ in whole}, {id(r) for r, _ in searching}
        self._candidates = {
            (w, s): tuple(item for item in rules if (w or id(item[0]) not in in_whole)
                          and (s or id(item[0]) not in in_searching))
            for w in (False, True) for s in (False, True)}
        # for the engine: each rule with the index of its patterns in the engine (-1: always tried)
        self._screened = tuple(r for r, _ in rules if r.matcher is not None and not r.lines)
        index = {}
        for i, rule in enumerate(self._screened):
            index.setdefault(id(rule), i)
        self._listed = tuple((item, index.get(id(item[0]), -1)) for item in rules)
        self._seen = 0
        self._counter = self  # the screen counting the lines seen (a site's copy: its patterns' screen)
        self._prefilter: Prefilter | None | bool = False  # False: not built yet

    def _engine(self) -> "_SharedEngine | None":
        if self._prefilter is False:
            counter = self._counter
            counter._seen += 1
            if counter._seen <= self.ENGINE_AFTER_LINES:
                return None
            shared = _shared()
            ids = shared.ids(self._screened)
            self._prefilter = None if ids is None else shared
            if ids is not None:
                always = frozenset(shared.prefilter.always)
                self._listed = tuple((item, -1 if i < 0 or ids[i] in always else ids[i]) for item, i in self._listed)
        return self._prefilter

    def candidates(self, text: str, lower: str | None, words: int) -> tuple[tuple[Rule, float], ...]:
        """The rules to try on a line (``lower``: :func:`cleaner.patterns.lowered` of it)."""
        found = self._from_engine(text)
        return self._joined(text, lower, words) if found is None else found

    def _from_engine(self, text: str) -> tuple[tuple[Rule, float], ...] | None:
        """The candidates the engine proposes (None: no engine, or a line it cannot scan)."""
        engine = self._engine()
        if engine is None:
            return None
        hits = engine.hits(text)
        return None if hits is None else self.from_hits(hits)

    def from_hits(self, hits: frozenset[int]) -> tuple[tuple[Rule, float], ...]:
        """The candidates of a line whose engine hits are ``hits`` (:class:`Screens` keeps
        the answers of the last hit sets)."""
        return tuple(item for item, i in self._listed if i < 0 or i in hits)

    def _joined(self, text: str, lower: str | None, words: int) -> tuple[tuple[Rule, float], ...]:
        """The candidates the joined matchers leave (the way without the engine)."""
        whole = self.whole is not None and words <= self.whole_limit and self.whole(text, lower)
        searching = self.searching is not None and (words > self.short_limit or self.searching(text, lower))
        return self._candidates[whole, searching]


class Screens:
    """Several screens read together: one engine lookup per line gives each screen's
    candidates (a tuple, in the screens' order): classify's guards, blankers and droppers
    and revise's headers from one lookup of the line's engine hits.

    >>> from cleaner.document import Line
    >>> from cleaner.rules import load_rules
    >>> rules = load_rules()
    >>> screens = Screens.of(tuple(tuple((r, NO_LIMIT) for r in rules if r.kind == k) for k in ("guard", "line")))
    >>> guards, droppers = screens.for_line(Line(1, "Advertisement"))
    >>> guards, [r.full_id for r, _ in droppers if r.matches("Advertisement")]
    ((), ['ads/advertisement-label'])
    """

    @staticmethod
    @lru_cache(maxsize=64)
    def of(groups: tuple[tuple[tuple[Rule, float], ...], ...]) -> "Screens":
        return Screens(tuple(Screen.of(group) for group in groups))

    @staticmethod
    def of_rules(rules: tuple[Rule, ...], groups_of) -> "Screens":
        """``Screens.of(groups_of(rules))``, remembered by the identity of the ``rules``
        tuple (a cleaner keeps one tuple per site): hashing the groups' hundreds of rules
        again for each document cost more than cleaning a short one.

        >>> from cleaner.rules import load_rules
        >>> rules = load_rules()
        >>> def groups_of(rules):
        ...     return (tuple((r, NO_LIMIT) for r in rules if r.kind == "line"),)
        >>> Screens.of_rules(rules, groups_of) is Screens.of_rules(rules, groups_of) is Screens.of(groups_of(rules))
        True
        """
        return remembered(_by_rules, (rules, groups_of), lambda: Screens.of(groups_of(rules)))

    def __init__(self, screens: tuple[Screen, ...]) -> None:
        self.screens = screens
        self._used = tuple(screen for screen in screens if screen._listed)  # (an empty screen has no candidates)
        self._engine: _SharedEngine | None = None
        self._by_hits: dict[frozenset[int], tuple] = {}
        self._misses = self._wait = 0  # (block scans with a hit less those without; blocks to screen line by line)

    def for_line(self, line) -> tuple[tuple[tuple[Rule, float], ...], ...]:
        """Each screen's candidates for a :class:`cleaner.document.Line`."""
        found = self._from_engine(line.text)
        if found is None:
            text, lower, words = line.text, line.lower, line.words
            found = tuple(screen._joined(text, lower, words) if screen._listed else () for screen in self.screens)
        return found

    BLOCK = 64  # lines screened together (see blocks)
    SHORT_LINE = 32  # characters: blocks of longer lines on average are screened line by line

    def blocks(self, lines: list) -> Iterator[tuple[int, list | None]]:
        """The lines in blocks of ``BLOCK``, each as (its start, the :meth:`for_line` of
        each of its lines, None for a blank line), or (its start, None) where no line of
        it has a rule to try.

        Once the engine is built, a block of more than 16 short lines is first scanned as
        one text (:meth:`cleaner.prefilter.Prefilter.clear`): where none of its lines can
        hit and a line with no hit has no candidate, the block is passed over in one step
        (a call per line was most of the cost of a document of short lines). A scan that
        finds a hit was wasted (a page's menus hit whole-line rules in most blocks, and
        there a scan costs about what screening the lines does), so after ``n`` more scans
        with a hit than without, ``2**n - 1`` short blocks (at most ``BLOCK``, in this and
        the next documents: a choice of the way, never of the answer) are screened line by
        line before the next try. (The scan's pattern takes ~4 MB once compiled: a
        document of long lines never builds it.)

        >>> from cleaner.document import Document
        >>> from cleaner.rules import load_rules
        >>> screens = Screens.of(tuple(tuple((r, NO_LIMIT) for r in load_rules() if r.kind == k) for k in ("guard", "line")))
        >>> lines = Document.from_lines(["Advertisement", "", "Item 3"]).lines
        >>> list(screens.blocks(lines)) == [(0, [screens.for_line(lines[0]), None, screens.for_line(lines[2])])]
        True
        """
        for start in range(0, len(lines), self.BLOCK):
            block = lines[start:start + self.BLOCK]
            engine = self._engine
            texts = [line.text for line in block]  # (a blank line's text too: it can only add a hit)
            if (engine is not None and len(texts) > 16 and sum(map(len, texts)) <= self.SHORT_LINE * len(texts)
                    and not any(self._from_hits(_NO_HITS))):
                if self._wait:
                    self._wait -= 1
                elif engine.prefilter.clear("\n".join(texts)):
                    self._misses = max(self._misses - 1, 0)
                    yield start, None
                    continue
                else:
                    self._misses += 1
                    self._wait = min(2 ** self._misses - 1, self.BLOCK)
            yield start, [None if line.is_blank else self.for_line(line) for line in block]

    def _from_engine(self, text: str) -> tuple | None:
        engine = self._engine or self._ready()
        return None if engine is None else self._from_hits(engine.hits(text))

    def _from_hits(self, hits: frozenset[int] | None) -> tuple | None:
        if hits is None:
            return None
        found = self._by_hits.get(hits)
        if found is None:
            if len(self._by_hits) > 4096:
                self._by_hits.clear()
            found = self._by_hits[hits] = tuple(screen.from_hits(hits) for screen in self.screens)
        return found

    def _ready(self) -> "_SharedEngine | None":
        """The engine, once every screen with rules has it (each counts the lines it saw)."""
        engines = [screen._engine() for screen in self._used]
        if engines and all(engine is not None for engine in engines):
            self._engine = engines[0]
        return self._engine


class _SharedEngine:
    """One engine for every rule any screen screens, so that a line is scanned once for
    the guards, the droppers and the span and zone headers (the last lines' hits are kept).
    A screen with rules not seen yet adds them, and the engine is built again."""

    KEEP_LINES = 4096

    def __init__(self) -> None:
        self.rules: list[Rule] = []
        self.index: dict[Rule, int] = {}
        self.prefilter: Prefilter | None = None
        self._hits: dict[str, frozenset[int]] = {}

    def ids(self, rules: tuple[Rule, ...]) -> list[int] | None:
        """The engine's index of each rule (None: no engine here)."""
        new = [rule for rule in rules if rule not in self.index]
        if new:
            for rule in new:
                self.index[rule] = len(self.rules)
                self.rules.append(rule)
            self.prefilter = Prefilter.build(tuple(self.rules))
            self._hits.clear()
        return None if self.prefilter is None else [self.index[rule] for rule in rules]

    def hits(self, text: str) -> frozenset[int] | None:
        found = self._hits.get(text)
        if found is None:
            found = self.prefilter.hits(text)
            if found is not None:
                if len(self._hits) >= self.KEEP_LINES:
                    self._hits.clear()
                self._hits[text] = found
        return found


_NO_HITS: frozenset[int] = frozenset()
_engine: _SharedEngine | None = None  # process-wide compiled data, never document state
_by_rules: dict[tuple, tuple] = {}  # the screens of rules tuples (see cleaner.rules.remembered)


def _shared() -> _SharedEngine:
    global _engine
    if _engine is None:
        _engine = _SharedEngine()
    return _engine


def reset_engine() -> None:
    """Forget the engine and every screen (after ``CLEANER_NO_ENGINE`` changed: tests, benchmarks)."""
    global _engine
    _engine = None
    Screen.of.cache_clear()
    Screen._of_patterns.cache_clear()
    Screens.of.cache_clear()
    _by_rules.clear()
