"""Run a rule's patterns on a line fast, with exactly the answer of the joined pattern.

A rule's patterns are joined into one case-insensitive alternation. Python's ``re`` scans
such an alternation slowly: ``IGNORECASE`` turns off its first-character skip, and a
``^`` inside an alternation no longer stops the scan after the first position. So a
:class:`LineMatcher` splits the patterns into their top-level alternatives and regroups them:

- alternatives that start with ``^`` are tried once, at the start of the line;
- alternatives without an upper-case or case-ambiguous character run case-sensitively on
  the lower-cased line, where ``re`` can skip ahead (two to four times faster). At the
  line start this helps too: ``re`` skips a case-sensitive alternative whose first
  character differs from the line's without entering it.

A line holding a character whose lower case is ambiguous to ``re`` (long s, final sigma,
dotted capital I...) is matched with the joined pattern, unchanged. The test suite checks
that both ways agree on every golden line and on random text.

>>> m = LineMatcher(("^sign up\\\\b.*", "cookies? policy"), re.IGNORECASE, "search")
>>> m("Sign up for our newsletter"), m("Read our Cookie Policy"), m("Cookies are sweet")
(True, True, False)
>>> alternatives(r"^a|b(c|d)|[|]")
['^a', 'b(c|d)', '[|]']
"""
from __future__ import annotations

import re
from collections import namedtuple
from functools import cached_property

from .cache import compile_pattern, memo
from .re_internals import ENGINE

sre = ENGINE.constants  # re's opcodes; None with the plain engine, which gives no parse tree

# ``re`` treats some characters as case-equal although ``str.lower()`` keeps them apart
# (ſ and s, ς and σ, ᲀ and в, ...). In each such class the canonical member is the one
# that is the lower case of its own upper case (s, σ, в). Patterns run on the lowered line
# use canonical members only; a line holding a non-canonical one, or İ (two characters
# in lower case) or Σ (lowered by context), is matched the slow, exact way. Where re's
# table of such classes is not known (the plain engine), so is every non-ASCII line.
_CASE_CLASSES = [(k, *v) for k, v in (ENGINE.extra_cases or {}).items()]
_NON_CANONICAL = frozenset(chr(c) for cls in _CASE_CLASSES for c in cls if chr(c).upper().lower() != chr(c))
_AMBIGUOUS_IN_LINE = compile_pattern("[^\\x00-\\x7f]" if ENGINE.extra_cases is None else
                                     "[" + "".join(sorted(_NON_CANONICAL | {"\u0130", "\u03a3"})) + "]")


def lowered(text: str) -> str | None:
    """``text`` lower-cased, or None when a case-ambiguous character makes that unsafe.

    >>> lowered("Cookie Policy"), lowered("Gruſs"), lowered("ΟΔΟΣ")
    ('cookie policy', None, None)
    """
    if text.isascii() or not _AMBIGUOUS_IN_LINE.search(text):
        return text.lower()
    return None


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern (split on ``|`` outside groups and sets)."""
    parts, depth, in_set, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
            i += pattern.startswith("^", i + 1)
            i += pattern.startswith("]", i + 1)  # a leading ] is a literal
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


def _caseless(char: int) -> bool:
    """Lower case (or caseless) and canonical: the line's lower case holds it exactly
    where IGNORECASE would match it."""
    c = chr(char)
    return c == c.lower() and c.upper().lower() == c


def _set_lowerable(items) -> bool:
    """A set like ``[a-zA-Z]`` is lowerable when each upper-case member's lower case is a
    member too (IGNORECASE then matches exactly the lower-cased characters it holds)."""
    members: set[int] = set()
    for op, av in items:
        if op is sre.LITERAL:
            members.add(av)
        elif op is sre.RANGE:
            if av[1] - av[0] > 0x3000:
                return False  # too wide to list; take the exact, slower way
            members.update(range(av[0], av[1] + 1))
        elif op not in (sre.NEGATE, sre.CATEGORY):
            return False
    return all(_caseless(c) or (len(chr(c).lower()) == 1 and ord(chr(c).lower()) in members
                                and _caseless(ord(chr(c).lower())))
               for c in members)


def _lowerable(tree) -> bool:
    """True if every literal, set and range of a parsed pattern is lower-case or caseless,
    and no inline flag changes case handling: matching it on the lower-cased line without
    IGNORECASE then gives the answer IGNORECASE gives on the line."""
    for op, av in tree:
        if op in (sre.LITERAL, sre.NOT_LITERAL):
            if not _caseless(av):
                return False
        elif op is sre.IN:
            if not _set_lowerable(av):
                return False
        elif op is sre.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if (add_flags | del_flags) & ~re.DOTALL.value or not _lowerable(sub):
                return False
        elif op is sre.BRANCH:
            if not all(_lowerable(branch) for branch in av[1]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _lowerable(av[2]):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT, sre.ATOMIC_GROUP):
            if not _lowerable(av[-1]):
                return False
        elif op in (sre.GROUPREF, sre.GROUPREF_EXISTS, sre.GROUPREF_IGNORE):
            return False
    return True


def lowerable(alternative: str, flags: int) -> bool:
    """Can this alternative run case-sensitively on the lower-cased line?

    >>> lowerable("cookie settings", re.I), lowerable("[A-Z]+ news", re.I), lowerable("[a-zA-Z]+", re.I), lowerable("(?-i:AP)", re.I)
    (True, False, True, False)
    """
    if not flags & re.IGNORECASE:
        return False
    try:
        return _lowerable(ENGINE.parse(alternative, flags))
    except Exception:  # no parse tree (the plain engine), or one of another shape: the exact, slower way
        return False


_MIN_NEEDED = 3  # UTF-8 bytes: shorter strings (two Latin letters) are in most lines


def _weight(strings) -> int:
    """How selective a set of strings is: the UTF-8 length of its shortest string."""
    return min(len(s.encode("utf-8")) for s in strings)


def _needed(tree) -> frozenset[str] | None:
    """Strings one of which every match of a parsed pattern contains, or None when no
    such set of strings of ``_MIN_NEEDED`` characters or more can be read off it.
    Of the candidates along the pattern, the set whose shortest string is longest wins."""
    best: frozenset[str] | None = None
    run = ""

    def consider(candidate):
        nonlocal best
        if candidate and _weight(candidate) >= _MIN_NEEDED and (best is None or _weight(candidate) > _weight(best)):
            best = candidate

    for op, av in list(tree) + [(None, None)]:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        consider(frozenset([run]) if run else None)
        run = ""
        if op is sre.SUBPATTERN and not (av[1] | av[2]):
            consider(_needed(av[3]))
        elif op is sre.ATOMIC_GROUP:
            consider(_needed(av))
        elif op is sre.BRANCH:
            branches = [_needed(branch) for branch in av[1]]
            if all(b is not None for b in branches):
                consider(frozenset().union(*branches))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_needed(av[2]))
    return best


def needed_strings(alternative: str, flags: int) -> list[str] | None:
    """Strings one of which every match of a (case-sensitive) alternative contains, or
    None if there are none to read off it; a string that holds another is left out.

    >>> needed_strings(r"\\bcookies? (?:policy|settings)", 0), needed_strings(r"(?:click|tap) to tweet", 0)
    (['cookie'], [' to tweet'])
    >>> needed_strings(r"(?:photo|image|pic)\\s*:", 0), needed_strings(r"[.]\\s+\\w+", 0)
    (['image', 'photo', 'pic'], None)
    """
    try:
        strings = _needed(ENGINE.parse(alternative, flags))
    except Exception:  # no parse tree (the plain engine), or one of another shape: no filter
        return None
    return None if strings is None else _without_superstrings(strings)


def _without_superstrings(strings) -> list[str]:
    """The strings, sorted, less those that hold another (a line holding ``cookies`` holds
    ``cookie``: searching for the shorter one is enough). Shortest first, each string is
    checked against the strings kept so far: one that holds a dropped string holds the
    kept string inside that one too."""
    kept: list[str] = []
    for s in sorted(strings, key=len):
        if not any(t != s and t in s for t in kept):
            kept.append(s)
    return sorted(kept)


def compile_joined(parts, flags: int) -> re.Pattern | None:
    """The patterns as one alternation, each in its own group (None if there are none)."""
    return compile_pattern("|".join(f"(?:{p})" for p in parts), flags) if parts else None


class Groups(namedtuple("Groups", "at_start at_start_lower on_text needing needed on_lower joinable")):
    """A matcher's alternatives, regrouped (see :class:`LineMatcher`): tried at the line
    start, at the start of its lower case, searched in the line; searched in its lower
    case when it holds one of the ``needed`` strings; searched in its lower case. Whether
    they may be joined with other rules' (no group reference, which joining renumbers)."""

    __slots__ = ()

    @property
    def lowered_all(self) -> tuple[list[str], list[str]]:
        """The alternatives run on the lower-cased line: at its start, and searched."""
        return self.at_start_lower, self.needing + self.on_lower


def _regroup(patterns: tuple[str, ...], flags: int, how: str) -> Groups:
    """Split the patterns into their alternatives and group them (see :class:`Groups`)."""
    at_start, at_start_lower, on_text, on_lower, joinable = [], [], [], [], True
    for part in (a for p in patterns for a in alternatives(p)):
        joinable = joinable and not _has_group_reference(part, flags)
        if how != "search" or part.startswith("^"):
            part = part if how != "search" else part[1:]
            (at_start_lower if lowerable(part, flags) else at_start).append(part)
        else:
            (on_lower if lowerable(part, flags) else on_text).append(part)
    needing, needed, unfiltered = _by_needed_strings(on_lower, flags)
    return Groups(at_start, at_start_lower, on_text, needing, needed, unfiltered, joinable)


def _has_group_reference(alternative: str, flags: int) -> bool:
    """Does the alternative refer to a group by number or name?

    >>> _has_group_reference(r"(a)\\1", 0), _has_group_reference(r"(?:a|b)+c", 0)
    (True, False)
    """
    def walk(tree) -> bool:
        for op, av in tree:
            if op in (sre.GROUPREF, sre.GROUPREF_EXISTS, sre.GROUPREF_IGNORE):
                return True
            items = av if isinstance(av, (tuple, list)) else ()
            for item in items:
                branches = item if isinstance(item, list) else [item]
                if any(isinstance(b, ENGINE.SubPattern) and walk(b) for b in branches):
                    return True
        return False

    try:
        return walk(ENGINE.parse(alternative, flags))
    except Exception:  # no parse tree (the plain engine), or one of another shape: assume the worst
        return True


def _by_needed_strings(on_lower: list[str], flags: int) -> tuple[list[str], list[str], list[str]]:
    """The lowered alternatives that need one of some strings, those strings, and the
    alternatives that need none (see :class:`LineMatcher`)."""
    filtered, needed, unfiltered = [], set(), []
    for part in on_lower:
        strings = needed_strings(part, flags & ~re.IGNORECASE)
        (unfiltered if strings is None else filtered).append(part)
        needed.update(strings or ())
    return filtered, _without_superstrings(needed), unfiltered


def _case_kept(parts: list[str]) -> list[str]:
    """Alternatives of a case-sensitive rule, to join into a case-insensitive pattern."""
    return [f"(?-i:{part})" for part in parts]


def _joined_groups(members: list[Groups], flags: list[int]) -> Groups:
    """The groups of one matcher that matches where any member does (all ``how`` alike)."""
    def each(field):
        return [part for g, f in zip(members, flags)
                for part in (getattr(g, field) if f & re.IGNORECASE else _case_kept(getattr(g, field)))]
    needed = _without_superstrings({s for g in members for s in g.needed})
    return Groups(each("at_start"), each("at_start_lower"), each("on_text"), each("needing"), needed,
                  each("on_lower"), all(g.joinable for g in members))


class LineMatcher:
    """A rule's patterns as ``search``, ``match`` or ``fullmatch`` on one line, regrouped:
    the anchored alternatives are tried once at the start of the line; of all, the lowerable
    ones run on the lower-cased line and the rest on the line. Of the lowerable ones, those
    that need one of some strings (``cookie``, ``to tweet``) run only on a line that holds
    one: a search for plain strings is fast, and most lines hold none. Picklable through
    its arguments.
    """

    def __init__(self, patterns: tuple[str, ...], flags: int, how: str) -> None:
        self.args = (patterns, flags, how)
        key = "groups:" + "\0".join((how, str(int(flags)), *patterns))
        self.groups = Groups(*memo(key, lambda: tuple(_regroup(patterns, flags, how))))  # (marshal: plain tuple)
        self._compile(self.groups, flags, how)

    def _compile(self, groups: Groups, flags: int, how: str) -> None:
        method = "match" if how == "search" else how
        caseless = flags & ~re.IGNORECASE
        regex = compile_joined(groups.at_start, flags)
        self.at_start = None if regex is None else getattr(regex, method)
        regex = compile_joined(groups.at_start_lower, caseless)
        self.at_start_lower = None if regex is None else getattr(regex, method)
        self.search_text = compile_joined(groups.on_text, flags)
        self.search_lower = compile_joined(groups.on_lower, caseless)
        self.needed = compile_joined([re.escape(s) for s in groups.needed], 0)
        self.search_needing = compile_joined(groups.needing, caseless)
        self._exact = (flags, method)  # for case-ambiguous lines (compiled if needed)

    def __reduce__(self):
        return LineMatcher, self.args

    @cached_property
    def start_exact(self):
        flags, method = self._exact
        regex = compile_joined(self.groups.lowered_all[0], flags)
        return None if regex is None else getattr(regex, method)

    @cached_property
    def search_exact(self):
        regex = compile_joined(self.groups.lowered_all[1], self._exact[0])
        return None if regex is None else regex.search

    def __call__(self, text: str, lower: str | None = "") -> bool:
        """Does the line match? ``lower`` may pass ``lowered(text)`` when the caller has it."""
        if self.at_start is not None and self.at_start(text) is not None:
            return True
        if self.search_text is not None and self.search_text.search(text) is not None:
            return True
        if self.at_start_lower is None and self.search_lower is None and self.search_needing is None:
            return False
        if lower == "":
            lower = lowered(text)
        if lower is None:
            return ((self.start_exact is not None and self.start_exact(text) is not None)
                    or (self.search_exact is not None and self.search_exact(text) is not None))
        if self.at_start_lower is not None and self.at_start_lower(lower) is not None:
            return True
        if self.search_lower is not None and self.search_lower.search(lower) is not None:
            return True
        return (self.search_needing is not None and self.needed.search(lower) is not None
                and self.search_needing.search(lower) is not None)


class UnionMatcher(LineMatcher):
    """One matcher that matches a line where any of some matchers (all matching one way)
    does: one call instead of one per rule, for the many lines no rule matches.

    >>> m = UnionMatcher((LineMatcher(("advertisement",), re.I, "fullmatch"), LineMatcher(("AP",), 0, "fullmatch")))
    >>> m("ADVERTISEMENT"), m("AP"), m("ap")
    (True, True, False)
    """

    def __init__(self, members: tuple[LineMatcher, ...]) -> None:
        hows = {m.args[2] for m in members}
        if len(hows) != 1:
            raise ValueError(f"members must match one way, not {sorted(hows)}")
        self.members = members
        self.groups = _joined_groups([m.groups for m in members], [m.args[1] for m in members])
        if not self.groups.joinable:
            raise ValueError("a member refers to a group; its patterns cannot be joined")
        self._compile(self.groups, re.IGNORECASE, hows.pop())

    def __reduce__(self):
        return UnionMatcher, (self.members,)
