r"""Translate a rule's pattern into a *superset* pattern for a compiled multi-pattern engine.

The engine (:mod:`cleaner.prefilter`) only says which rules *may* match a line; each such
(line, rule) is then confirmed with the rule's own ``re`` pattern. So the translation
must never lose a match, and may find more:

- each one-character atom (a literal, a set, ``\w``, ``.``) becomes exactly the code
  points Python's ``re`` accepts for it under the flags in force there, case folding
  included (``s`` under IGNORECASE is ``[Ssſ]``, ``k`` is ``[Kk\u212a]``);
- lookarounds, ``\b`` and ``\B`` are dropped (an empty pattern matches wherever they do);
- possessive repeats and atomic groups become plain ones (they match less, never more);
- bounded repeats above 4 are opened (``{2,300}`` becomes ``{2,}``), minimums above 4 lowered;
- ``^`` and ``$`` are kept only at an alternative's start and end (engines take no other);
- a class of many ranges beyond ASCII (``\w``) keeps its ASCII part and takes all the rest;
- no class holds ``\n``, so a match stays inside one line (the engine scans one line).

A group reference becomes a copy of its group's pattern (it matches what the group
matched, so that pattern matches it too), when the group holds only ASCII literals and
sets of them; under IGNORECASE such a reference matches a case variant of the group's
text, which the group's pattern with IGNORECASE also matches, so the copy is translated
with it. Any other group reference, or a conditional, cannot be translated
(:class:`Untranslatable`); nor an alternative that can match the empty string once its
assertions are dropped, unless it has a positive lookahead that cannot: the line holds a
match of that lookahead wherever the alternative matches. An untranslatable rule is
simply tried on every line, as without an engine.

The output is syntax both google-re2 and Hyperscan read: code points as ``\x{HHHH}``.

>>> translate(r"^sign up\b|cookies?$", re.IGNORECASE, "search")
['^(?:[Ss\\x{17f}][Ii\\x{130}-\\x{131}][Gg][Nn]\\x{20}[Uu][Pp])', '(?:[Cc][Oo][Oo][Kk\\x{212a}][Ii\\x{130}-\\x{131}][Ee](?:[Ss\\x{17f}]){0,1})$']
>>> translate(r"(?<!x)\d{1,400}", 0, "fullmatch")[0].endswith("+)$")
True
"""
from __future__ import annotations

import re

from .cache import memo
from .re_internals import ENGINE

sre = ENGINE.constants

_OPEN_ABOVE = 4  # a bounded repeat above this many is opened (nested bounded repeats blow up an automaton)
_MAX_MIN = 4  # a repeat minimum above this is lowered to it
_SURROGATES = (0xD800, 0xDFFF)  # never in text the engine scans (such text is not UTF-8)


class Untranslatable(ValueError):
    """The pattern holds something no superset pattern can stand for (a group reference)."""


def translate(pattern: str, flags: int, how: str, coarse: bool = True) -> list[str]:
    """The superset of ``pattern`` as ``how`` (search, match or fullmatch) applies it to a line.
    ``coarse=False`` keeps every class exact (a smaller superset, a larger automaton).

    Each top-level alternative is translated on its own. One that can match the empty
    string once its assertions are dropped (``^(?=.*\\bnewsletter)(?=.*subscribe)``) stands
    for its first positive lookaround that cannot: the line holds a match of it wherever
    the alternative matches.
    """
    tree = ENGINE.parse(pattern, flags)
    flags = int(flags | tree.state.flags) & ~re.UNICODE.value
    context = _Context(coarse, _groups(tree, flags, {}))
    parts = []
    for sequence, local in _alternatives(tree, flags):
        if not _nullable(sequence):
            starts = how != "search" or _anchor(sequence, 0, _STARTS)
            ends = how == "fullmatch" or _anchor(sequence, -1, _ENDS)
            parts.append(f"{'^' * starts}(?:{_sequence(sequence, local, context)}){'$' * ends}")
            continue
        needed = next((av[1] for op, av in sequence if op is sre.ASSERT and not _nullable(av[1])), None)
        if needed is None:
            raise Untranslatable("an alternative can match the empty string: it hits every line")
        parts.append(f"(?:{_sequence(needed, local, context)})")
    return parts


class _Context:
    """What every part of one translation reads: ``coarse`` (see :func:`_coarse`) and the
    pattern's groups (:func:`_groups`)."""

    __slots__ = ("coarse", "groups")

    def __init__(self, coarse: bool, groups: dict) -> None:
        self.coarse, self.groups = coarse, groups


_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


def _groups(tree, flags: int, found: dict) -> dict:
    """Each capturing group of a parsed pattern, by number: its parsed pattern and the
    flags in force in it."""
    for op, av in tree:
        if op is sre.SUBPATTERN:
            group, add, remove, sub = av
            local = (flags | add) & ~remove
            if group is not None:
                found[group] = (sub, local)
            _groups(sub, local, found)
        elif op is sre.BRANCH:
            for branch in av[1]:
                _groups(branch, flags, found)
        elif str(op) in _REPEATS:
            _groups(av[2], flags, found)
        elif op is sre.ATOMIC_GROUP:
            _groups(av, flags, found)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _groups(av[1], flags, found)
    return found


def _ascii_literals(tree) -> bool:
    """Does the parsed pattern hold only ASCII literals and sets of them (in groups,
    alternations and repeats)? Under IGNORECASE, whether re takes a character for one of
    those depends only on the character's lower case, and no other character has an ASCII
    character without case as its lower case."""
    for op, av in tree:
        if op is sre.LITERAL:
            ok = av < 0x80
        elif op is sre.IN:
            ok = all((item_op is sre.LITERAL and item_av < 0x80) or (item_op is sre.RANGE and item_av[1] < 0x80)
                     for item_op, item_av in av)
        elif op is sre.SUBPATTERN:
            ok = _ascii_literals(av[3])
        elif op is sre.BRANCH:
            ok = all(_ascii_literals(branch) for branch in av[1])
        elif str(op) in _REPEATS:
            ok = _ascii_literals(av[2])
        else:
            ok = False
        if not ok:
            return False
    return True


_STARTS = ("AT_BEGINNING", "AT_BEGINNING_STRING", "AT_BEGINNING_LINE")
_ENDS = ("AT_END", "AT_END_STRING", "AT_END_LINE")


def _anchor(sequence, index: int, names) -> bool:
    """Does the sequence open (index 0) or close (-1) with one of these anchors? Only
    there does the translation keep one (engines take no anchor inside a pattern)."""
    return len(sequence) > 0 and sequence[index][0] is sre.AT and str(sequence[index][1]) in names


def _alternatives(tree, flags: int):
    """The top-level alternatives of a parsed pattern, through non-capturing groups, each
    with the flags in force in it."""
    if len(tree) == 1:
        op, av = tree[0]
        if op is sre.BRANCH:
            for branch in av[1]:
                yield from _alternatives(branch, flags)
            return
        if op is sre.SUBPATTERN and av[0] is None:
            yield from _alternatives(av[3], (flags | av[1]) & ~av[2])
            return
    yield tree, flags


def _sequence(tree, flags: int, context: _Context) -> str:
    return "".join(_item(op, av, flags, context) for op, av in tree)


def _item(op, av, flags: int, context: _Context) -> str:
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY, sre.CATEGORY):
        return _charset(op, av, flags, context.coarse)
    if op is sre.SUBPATTERN:
        _group, add, remove, sub = av
        return f"(?:{_sequence(sub, (flags | add) & ~remove, context)})"
    if op is sre.ATOMIC_GROUP:
        return f"(?:{_sequence(av, flags, context)})"
    if op is sre.BRANCH:
        return "(?:" + "|".join(_sequence(branch, flags, context) for branch in av[1]) + ")"
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        return f"(?:{_sequence(sub, flags, context)}){_repeat(low, high)}"
    if op is sre.GROUPREF and av in context.groups and _ascii_literals(context.groups[av][0]):
        sub, local = context.groups[av]
        return f"(?:{_sequence(sub, local | (flags & re.IGNORECASE.value), context)})"
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):  # (^ and $ only at an alternative's ends: see translate)
        return ""
    raise Untranslatable(f"{op} cannot be translated")


def _repeat(low: int, high) -> str:
    low = min(low, _MAX_MIN)
    if high is sre.MAXREPEAT or high > _OPEN_ABOVE:
        return {0: "*", 1: "+"}.get(low, f"{{{low},}}")
    return f"{{{low},{high}}}"


def _nullable(tree) -> bool:
    """Can the parsed pattern match the empty string (ignoring assertions, which the
    translation drops)?"""
    for op, av in tree:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue
        if op is sre.SUBPATTERN:
            if not _nullable(av[3]):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _nullable(av):
                return False
        elif op is sre.BRANCH:
            if not any(_nullable(b) for b in av[1]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if av[0] > 0 and not _nullable(av[2]):
                return False
        else:
            return False
    return True


def _charset(op, av, flags: int, coarse: bool = True) -> str:
    """One character atom as the class of exactly the code points ``re`` accepts for it
    (``coarse``: see :func:`_coarse`)."""
    source = _atom_source(op, av)
    if coarse:
        ranges = memo(f"superset-atom:{flags}:{source}", lambda: _coarse(_accepted(op, av, source, flags)),
                      section="engine")
    else:
        ranges = memo(f"superset-atom-exact:{flags}:{source}", lambda: _accepted(op, av, source, flags),
                      section="engine")
    if len(ranges) == 1 and ranges[0][0] == ranges[0][1]:
        return _code(ranges[0][0])
    return "[" + "".join(_code(a) if a == b else f"{_code(a)}-{_code(b)}" for a, b in ranges) + "]"


_MAX_WIDE_RANGES = 8


def _coarse(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A class of many ranges beyond ASCII (``\\w`` has ~700) as its ASCII part and every
    code point beyond: still a superset, and a far smaller pattern for the engine."""
    wide = [r for r in ranges if r[1] >= 0x80]
    if len(wide) <= _MAX_WIDE_RANGES:
        return ranges
    narrow = [(a, min(b, 0x7F)) for a, b in ranges if a < 0x80]
    return narrow + [(0x80, _SURROGATES[0] - 1), (_SURROGATES[1] + 1, 0x10FFFF)]


def _code(point: int) -> str:
    return chr(point) if chr(point).isascii() and chr(point).isalnum() else f"\\x{{{point:x}}}"


_CATEGORIES = None


def _category(av) -> str:
    global _CATEGORIES
    if _CATEGORIES is None:
        _CATEGORIES = {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
                       sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W"}
    if av not in _CATEGORIES:
        raise Untranslatable(f"category {av}")
    return _CATEGORIES[av]


def _escaped(point: int) -> str:
    return f"\\U{point:08x}"


def _atom_source(op, av) -> str:
    """The atom again as Python pattern text (to run it on every code point)."""
    if op is sre.LITERAL:
        return _escaped(av)
    if op is sre.NOT_LITERAL:
        return f"[^{_escaped(av)}]"
    if op is sre.ANY:
        return "."
    if op is sre.CATEGORY:
        return _category(av)
    parts = []
    for item_op, item in av:
        if item_op is sre.NEGATE:
            parts.insert(0, "^")
        elif item_op is sre.LITERAL:
            parts.append(_escaped(item))
        elif item_op is sre.RANGE:
            parts.append(f"{_escaped(item[0])}-{_escaped(item[1])}")
        elif item_op is sre.CATEGORY:
            parts.append(_category(item))
        else:
            raise Untranslatable(f"set item {item_op}")
    return "[" + "".join(parts) + "]"


_LISTED_RANGE = 256  # a set's range up to this many code points is tried member by member


def _accepted(op, av, source: str, flags: int) -> list[tuple[int, int]]:
    """The code points (as ranges, less ``\n`` and surrogates) ``source`` matches under ``flags``.

    ``re`` tries a set's items one by one, so a set accepts the union of what its items
    accept (each item as a set of its own), and a negated set the rest; a literal or a few
    listed code points are expanded from re's case table; only a category (``\\w``) and a
    wide range are run over every code point, once each."""
    if op is sre.LITERAL:
        return _listed([av], flags)
    if op is sre.NOT_LITERAL:
        return _complement(_listed([av], flags))
    if op is not sre.IN:
        return memo(f"superset-scan:{flags}:{source}", lambda: _scanned(source, flags), section="engine")
    listed, ranges, negate = [], [], False
    for item_op, item in av:
        if item_op is sre.NEGATE:
            negate = True
        elif item_op is sre.LITERAL:
            listed.append(item)
        elif item_op is sre.RANGE and item[1] - item[0] < _LISTED_RANGE:
            listed.extend(range(item[0], item[1] + 1))
        else:
            alone = _atom_source(sre.IN, [(item_op, item)])
            ranges += memo(f"superset-scan:{flags}:{alone}", lambda: _scanned(alone, flags), section="engine")
    ranges = _merged(ranges + _listed(listed, flags))
    return _complement(ranges) if negate else ranges


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping and adjacent ranges joined, in order."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _listed(members: list[int], flags: int) -> list[tuple[int, int]]:
    """The code points a set of these members accepts: under IGNORECASE, the characters
    whose re lower case is a member's, or one of its extra case-equal ones (a few to try,
    not every code point; tests/test_prefilter.py checks both ways agree)."""
    candidates = set(members)
    if flags & re.IGNORECASE:
        groups = _lower_groups()
        for member in members:
            lower = ENGINE.lower(member)
            same = {lower, *ENGINE.extra_cases.get(lower, ())}
            candidates |= same | {c for s in same for c in groups.get(s, ())}
    if not candidates:
        return []
    regex = re.compile("[" + "".join(_escaped(c) for c in sorted(set(members))) + "]", flags)
    return _as_ranges(sorted(c for c in candidates if c != 10 and not _SURROGATES[0] <= c <= _SURROGATES[1]
                             and regex.fullmatch(chr(c))))


def _complement(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Every code point but these, ``\n`` and the surrogates."""
    out, start = [], 0
    edges = sorted(ranges + [(10, 10), _SURROGATES])
    for a, b in edges:
        if a > start:
            out.append((start, a - 1))
        start = max(start, b + 1)
    if start <= 0x10FFFF:
        out.append((start, 0x10FFFF))
    return out


def _members(op, av) -> list[int] | None:
    """The code points a literal or a plain set (no negation, no ``\\w``, small ranges)
    lists, or None for an atom that must be run over every code point."""
    if op is sre.LITERAL:
        return [av]
    if op is not sre.IN:
        return None
    members = []
    for item_op, item in av:
        if item_op is sre.LITERAL:
            members.append(item)
        elif item_op is sre.RANGE and item[1] - item[0] < _LISTED_RANGE:
            members.extend(range(item[0], item[1] + 1))
        else:
            return None
    return members


def _scanned(source: str, flags: int) -> list[tuple[int, int]]:
    """The code points ``source`` (one character) matches, found by running it over all."""
    runs = re.compile(f"(?:{source})+", flags)
    ranges = []
    for start, text in _universe():
        ranges += [(start + m.start(), start + m.end() - 1) for m in runs.finditer(text)]
    out = []
    for a, b in ranges:  # split around \n
        if a <= 10 <= b:
            out += [r for r in ((a, 9), (11, b)) if r[0] <= r[1]]
        else:
            out.append((a, b))
    return out


def _as_ranges(points: list[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for p in points:
        if ranges and ranges[-1][1] == p - 1:
            ranges[-1] = (ranges[-1][0], p)
        else:
            ranges.append((p, p))
    return ranges


_UNIVERSE = None


def _universe():
    """Every code point but the surrogates, as two strings with their first code point."""
    global _UNIVERSE
    if _UNIVERSE is None:
        _UNIVERSE = ((0, "".join(map(chr, range(_SURROGATES[0])))),
                     (_SURROGATES[1] + 1, "".join(map(chr, range(_SURROGATES[1] + 1, 0x110000)))))
    return _UNIVERSE


_LOWER_GROUPS = None


def _lower_groups() -> dict[int, list[int]]:
    """For each re lower case, the other code points that lower to it (built once)."""
    global _LOWER_GROUPS
    if _LOWER_GROUPS is None:
        def compute():
            groups: dict[int, list[int]] = {}
            for c in range(0x110000):
                lower = ENGINE.lower(c)
                if lower != c:
                    groups.setdefault(lower, []).append(c)
            return groups
        _LOWER_GROUPS = memo("superset-lower-groups", compute, section="engine")
    return _LOWER_GROUPS
