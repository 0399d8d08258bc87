"""No rule pattern is super-linear on any line shape: adversarial lines built from each
pattern's own parse tree.

``tests/test_invariants.py`` times every rule on a fixed list of 100 KB lines. Those miss
the shapes that hurt in practice: a pattern's own words with a long run of spaces after
them (scraped text keeps runs of spaces inside a line), or a pattern's repeated part glued
to itself (``fa-facebookfa-twitter...``, as ``get_text()`` leaves icon class names). So
this module *generates* the lines from each alternative of each pattern (and of the
``items`` and ``exceptions`` patterns):

- **pumped repeats**: for every repeat in the parse tree (``*``, ``+``, ``{m,n}``), a line
  that matches the pattern up to that repeat, then the repeat's body many times (for a
  one-character class, each of a few characters it holds: space, NBSP, letter, digit,
  punctuation), then either nothing more or the rest of the pattern, then a character that
  makes the match fail;
- **literals and runs**: each literal word of the pattern followed by a long run of a
  filler (spaces, NBSP, dots, dashes, letters, digits), the word and a filler repeated, and
  the word glued to itself, each with a failing last character;
- **literals apart**: the pattern's longest literal words (up to :data:`APART`), each
  followed by a long run of a separator (the fillers, two spaces, tabs, `` | ``, ``·``,
  ideographic spaces), so that the run between two of them grows with the line (a caption
  word, a gap, a credit); and the same words as the items of a long menu, one separator
  between two of them (``Home  News  World  Home  News ...``).

Each line is applied the way the pipeline applies the rule (search, match at the start
or whole-line match). The check is a ratio, never a wall-clock limit, on the CPU time of
the thread (a shared, busy machine does not inflate it), each the best of a few runs: the
time at about 100 KB against the same shape at about 10 KB. A linear pattern takes about
10x longer, a quadratic one about 100x; the test fails above :data:`MAX_RATIO`. Times under
:data:`FLOOR` do not count. To keep it fast, every shape is first timed once at 1 KB and only
those over :data:`SCREEN` go on (see :func:`growth`); a run is stopped by a timer (``re``
checks for signals while it matches), so a runaway pattern fails in seconds. The
``thorough`` variant (marked slow) tries every word of every pattern and times every
screened shape at 100 KB.
"""
from __future__ import annotations

import re
import signal
import time

import pytest

from cleaner.config import Config
from cleaner.patterns import alternatives
from cleaner.rules import load_rules

try:
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover - another Python: the generator needs re's parse trees
    P = C = None

pytestmark = pytest.mark.skipif(P is None or not hasattr(signal, "setitimer"),
                                reason="needs re's parser and a CPU-time timer")

SCREEN_SIZE, SMALL, BIG = 1_000, 10_000, 100_000  # line lengths (characters), about
MAX_RATIO = 30  # linear: ~10x; quadratic: ~100x
FLOOR = 0.02  # seconds at 100 KB under which growth does not count
SCREEN = 0.0001  # seconds at SCREEN_SIZE under which a shape is not timed at 10 and 100 KB
RUNAWAY = 5.0  # seconds: a run is stopped there (a linear pattern takes milliseconds)
LINEAR = 15  # growth from SCREEN_SIZE to SMALL under which a shape is not timed at 100 KB
FILLERS = (" ", "\u00a0", ".", "-", "a", "1", " a", ", ")  # runs scraped lines hold
SEPARATORS = FILLERS + ("  ", "\t", " | ", "\u00b7", "\u3000")  # between the items of a menu
APART = 3  # literal words in a "literals apart" line
ENDS = ("!", "x")  # a last character that makes the match fail (one of them does)
# characters a one-character class is pumped with, each of a different kind
PROBES = (" ", "\u00a0", "a", "1", ".", "-", "_", ",", "|", "/", "\t", "é", "あ")
WORDS = 12  # the longest literal words of an alternative tried (all of them when thorough)
HOW = {"contains": "search", "debris": "search", "teaser": "match"}


# --- the parse tree -------------------------------------------------------------------------

def _in_class(char: str, items, flags: int) -> bool:
    """Does the parsed set ``[...]`` hold ``char``?"""
    return re.fullmatch(_set_source(items), char, flags) is not None


def _set_source(items) -> str:
    """A parsed set back as a regular expression (for membership tests)."""
    out, negate = [], False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            out.append(re.escape(chr(av)) if chr(av) not in "]\\^-" else "\\" + chr(av))
        elif op is C.RANGE:
            out.append(f"\\U{av[0]:08x}-\\U{av[1]:08x}")
        elif op is C.CATEGORY:
            out.append(_CATEGORIES[av])
    return "[" + "^" * negate + "".join(out) + "]"


_CATEGORIES = {}
if C is not None:
    _CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
                   C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}


def _chars(op, av, flags: int) -> list[str]:
    """The probe characters a one-character node matches (the first is its sample)."""
    if op is C.LITERAL:
        return [chr(av)]
    if op is C.NOT_LITERAL:
        return [c for c in PROBES if ord(c) != av]
    if op is C.ANY:
        return list(PROBES)
    if op is C.IN:
        found = [c for c in PROBES if _in_class(c, av, flags)]
        if not found:  # a set of other characters: its first member
            first = av[1] if av and av[0][0] is C.NEGATE else av[0]
            found = [chr(first[1] if first[0] is C.LITERAL else first[1][0])] if first[0] in (
                C.LITERAL, C.RANGE) else []
        return found
    return []


def _single(body) -> tuple | None:
    """The one node of a one-character body (``\\s``, ``[\\w-]``, ``.``), else None."""
    if len(body) == 1 and body[0][0] in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
        return body[0]
    return None


class _Renderer:
    """Text that a parsed pattern matches, with one repeat node pumped ``count`` times."""

    def __init__(self, flags: int, target=None, probe: str | None = None, count: int = 1) -> None:
        self.flags, self.target, self.probe, self.count = flags, target, probe, count
        self.groups: dict[int, str] = {}

    def contains(self, tree) -> bool:
        if self.target is None:
            return False
        for node in tree:
            if node is self.target:
                return True
            for sub in _children(node):
                if self.contains(sub):
                    return True
        return False

    def render(self, tree) -> str:
        return "".join(self.node(node) for node in tree)

    def node(self, node) -> str:
        op, av = node
        if node is self.target:
            _lo, _hi, body = av
            one = self.probe if self.probe is not None else self.render(body)
            return one * self.count + PUMPED
        if op in (C.LITERAL, C.NOT_LITERAL, C.ANY, C.IN):
            chars = _chars(op, av, self.flags)
            return chars[0] if chars else ""
        if op is C.BRANCH:
            branches = av[1]
            chosen = next((b for b in branches if self.contains(b)), branches[0])
            return self.render(chosen)
        if op is C.SUBPATTERN:
            group, _add, _del, sub = av
            text = self.render(sub)
            if group:
                self.groups[group] = text
            return text
        if op is C.ATOMIC_GROUP:
            return self.render(av)
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, body = av
            if self.contains(body):
                return self.render(body) + self.render(body) * max(lo - 1, 0)
            return self.render(body) * min(lo, 50)
        if op in (C.ASSERT, C.ASSERT_NOT):
            return self.render(av[1]) if self.contains(av[1]) and av[0] > 0 else ""
        if op is C.GROUPREF:
            return self.groups.get(av, "")
        if op is C.GROUPREF_EXISTS:
            group, yes, no = av
            return self.render(yes if group in self.groups or no is None else no)
        return ""  # AT (anchors), CATEGORY outside a set


PUMPED = "\x00"  # marks where the pumped repeat ends in a rendered line


def _children(node):
    op, av = node
    if op is C.BRANCH:
        return av[1]
    if op is C.SUBPATTERN:
        return [av[3]]
    if op is C.ATOMIC_GROUP:
        return [av]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return [av[2]]
    if op in (C.ASSERT, C.ASSERT_NOT):
        return [av[1]]
    if op is C.GROUPREF_EXISTS:
        return [b for b in av[1:] if b is not None]
    return []


def _repeats(tree):
    """Every repeat node of a parse tree whose body can repeat (not ``?``)."""
    for node in tree:
        op, av = node
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[1] != 1:
            yield node
        for sub in _children(node):
            yield from _repeats(sub)


def _literals(tree) -> set[str]:
    """The literal words of a parse tree (runs of literal characters, and a sample of
    each branch)."""
    found, run = set(), ""
    for node in list(tree) + [(None, None)]:
        op, av = node
        if op is C.LITERAL:
            run += chr(av)
            continue
        if run:
            found.add(run)
        run = ""
        if op is not None:
            for sub in _children(node):
                found |= _literals(sub)
    return found


# --- the shapes -----------------------------------------------------------------------------

def shapes(pattern: str, flags: int, size: int, thorough: bool = False) -> dict[str, str]:
    """Adversarial lines of about ``size`` characters for one alternative, by name.

    ``thorough`` tries every literal word of the pattern (not only the longest ones) and
    each failing last character on them too."""
    tree = P.parse(pattern, flags)
    lines: dict[str, str] = {}

    def add(name: str, text: str) -> None:
        lines.setdefault(name, text)

    for n, node in enumerate(_repeats(tree)):
        body = node[1][2]
        single = _single(body)
        probes = _chars(*single, flags)[:6] if single else [None]
        for probe in probes:
            one = len(probe) if probe is not None else max(len(_Renderer(flags).render(body)), 1)
            count = max(size // one, 1)
            full = _Renderer(flags, node, probe, count).render(tree)
            head, _, rest = full.partition(PUMPED)
            for end in ENDS:
                add(f"repeat {n} of {probe!r}, cut{end}", head + end)
                add(f"repeat {n} of {probe!r}, rest{end}", head + rest + end)
    words = sorted(_literals(tree), key=lambda w: (-len(w), w))
    for word in words if thorough else words[:WORDS]:
        for end in ENDS if thorough else ENDS[:1]:
            for filler in FILLERS:
                add(f"{word!r} then {filler!r}{end}", word + filler * (size // len(filler)) + end)
                add(f"{word!r} and {filler!r} repeated{end}",
                    (word + filler) * max(size // (len(word) + len(filler)), 1) + end)
            add(f"{word!r} glued{end}", word * max(size // len(word), 1) + end)
    apart = words[:APART]
    for end in ENDS if thorough else ENDS[:1]:
        for separator in SEPARATORS if apart else ():
            run = separator * max(size // (len(apart) * len(separator)), 1)
            add(f"{apart!r} apart by {separator!r} runs{end}", "".join(word + run for word in apart) + end)
            items = "".join(word + separator for word in apart)
            add(f"{apart!r} as items by {separator!r}{end}", items * max(size // len(items), 1) + end)
    return lines


def targets(rules=None):
    """(name, alternative, flags, how) for every alternative of every rule pattern, of
    every ``items`` pattern (whole-line) and every exception (searched)."""
    rules = load_rules(Config(mode="page")) if rules is None else rules
    for rule in rules:
        flags = 0 if rule.case_sensitive else re.IGNORECASE
        how = HOW.get(rule.kind, "fullmatch")
        for key, patterns, way in (("patterns", rule.patterns, how),
                                   ("items", _sources(rule.items), "fullmatch"),
                                   ("exceptions", _sources(rule.exceptions), "search")):
            for i, pattern in enumerate(patterns):
                for j, alternative in enumerate(alternatives(pattern)):
                    yield f"{rule.full_id} {key}[{i}] alternative {j}", alternative, flags, way


def _sources(regex) -> list[str]:
    """The patterns of a joined regex (``(?:a)|(?:b)``, see ``compile_joined``)."""
    if regex is None:
        return []
    return [a[3:-1] if a.startswith("(?:") and a.endswith(")") else a for a in alternatives(regex.pattern)]


# --- timing ---------------------------------------------------------------------------------

class _Stop(Exception):
    pass


def _interrupt(signum, frame):
    raise _Stop


def best_time(apply, text: str, runs: int = 3, limit: float | None = None, retry: bool = False) -> float:
    """The best of ``runs`` runs; a run stopped after ``limit`` seconds counts as ``inf``
    (``re`` checks for signals while it matches, so a timer can stop a runaway pattern);
    after a stopped run, another is tried only if ``retry``."""
    best = float("inf")
    timer = limit is not None
    for _ in range(runs):
        if timer:
            old = signal.signal(signal.SIGVTALRM, _interrupt)
            signal.setitimer(signal.ITIMER_VIRTUAL, limit)
        start = time.thread_time()
        try:
            apply(text)
            best = min(best, time.thread_time() - start)
        except _Stop:
            if not retry:
                break
        finally:
            if timer:
                signal.setitimer(signal.ITIMER_VIRTUAL, 0)
                signal.signal(signal.SIGVTALRM, old)
        if best < FLOOR:
            break
    return best


def growth(pattern: str, flags: int, how: str, thorough: bool = False, first: int = 1) -> list[tuple[str, float, float]]:
    """The shapes on which a pattern grows faster than allowed: (shape, time on the shorter
    line, time on the longer one, inf when stopped); at most ``first`` of them.

    Every shape is timed once at :data:`SCREEN_SIZE`; one that takes more than
    :data:`SCREEN` there is timed at 10 times that length: over 100 times longer is a
    runaway (stopped there, not left to run on a 100 KB line); under :data:`LINEAR` times
    longer it grows like the line and is not timed further (unless ``thorough``); else
    it is timed at 100 KB, the decisive ratio."""
    apply = getattr(re.compile(pattern, flags), how)
    bad = []
    sized = {}

    def line(size, name):
        if size not in sized:
            sized[size] = shapes(pattern, flags, size, thorough)
        return sized[size][name]

    for name, text in shapes(pattern, flags, SCREEN_SIZE, thorough).items():
        if best_time(apply, text, runs=1, limit=0.5) <= SCREEN:
            continue
        t_screen = best_time(apply, text, limit=0.5)
        budget = max(100 * t_screen, FLOOR)
        if t_screen == float("inf"):  # half a second on a short line: a runaway
            bad.append((name, t_screen, t_screen))
        elif (t_small := best_time(apply, line(SMALL, name), limit=min(1.5 * budget, RUNAWAY))) > budget:
            bad.append((name, t_screen, t_small))
        elif thorough or t_small > LINEAR * t_screen:
            budget = max(MAX_RATIO * t_small, FLOOR)
            t_big = best_time(apply, line(BIG, name), runs=2, limit=min(1.5 * budget, RUNAWAY), retry=True)
            if t_big > budget:
                bad.append((name, t_small, t_big))
        if len(bad) == first:
            break
    return bad


TARGETS = list(targets()) if P is not None else []


def test_literals_apart_grow_with_the_line():
    """The words of a pattern, each then a run of a separator as long as the line allows."""
    small, big = (shapes(r"(?:home|news)(?:\s{2,}\w+)+", re.I, size) for size in (SMALL, BIG))
    name = "['home', 'news'] apart by ' | ' runs!"
    assert small[name].startswith("home |  | ") and small[name].endswith(" | !")
    assert small[name].count("news") == 1 and " | " * 1600 in small[name]
    assert 9 * len(small[name]) < len(big[name]) < 11 * len(small[name])
    assert {n.split(" apart by ")[1] for n in small if " apart by " in n} == {f"{s!r} runs!" for s in SEPARATORS}
    menu = small["['home', 'news'] as items by '  '!"]
    assert menu.startswith("home  news  home  news  ") and menu.endswith("  !") and len(menu) > SMALL - 12



def _report(name: str, pattern: str, bad) -> str:
    shape, shorter, longer = bad[0]
    return (f"{name}: {pattern[:100]!r} grows faster than the line on {shape}: "
            f"{shorter * 1000:.1f} ms, then {longer * 1000:.0f} ms on a line 10 times longer")


@pytest.mark.parametrize("target", TARGETS, ids=[t[0] for t in TARGETS])
def test_pattern_grows_linearly_on_generated_lines(target):
    name, pattern, flags, how = target
    bad = growth(pattern, flags, how)
    assert not bad, _report(name, pattern, bad)


@pytest.mark.slow
@pytest.mark.parametrize("category", sorted({t[0].split("/")[0] for t in TARGETS}))
def test_patterns_grow_linearly_on_every_generated_line(category):
    """Every literal word of every pattern, each failing last character, and every
    screened shape timed at 100 KB."""
    failures = [_report(name, pattern, bad) for name, pattern, flags, how in TARGETS
                if name.startswith(category + "/") and (bad := growth(pattern, flags, how, thorough=True))]
    assert not failures, "\n".join(failures)
