"""An exact prefilter: which rules may match a line, from one compiled multi-pattern engine.

Each rule's patterns are translated into superset patterns (:mod:`cleaner.superset`), and
all of them go into one google-re2 ``Set`` (two: the alternatives anchored at the line
start run as an anchored set, which gives up on a line at its first characters). A line
is scanned once; the rules whose superset hit are the candidates, and the caller confirms
each with the rule's own ``re`` pattern, so the result is exactly the one without the
engine (see :class:`cleaner.screen.Screen`). docs/decisions.md says why google-re2.

The engine is not used, and the caller takes the plain way, when:

- ``CLEANER_NO_ENGINE=1`` is set (tests and benchmarks compare both ways);
- the ``re2`` module (the ``google-re2`` package) is not installed, or its set fails to compile;
- ``re``'s parse trees are not available (:data:`cleaner.re_internals.ENGINE` is plain);
- a line cannot be encoded as UTF-8 (a lone surrogate), or holds a ``\n`` (a caller's
  text that is not one line): :meth:`Prefilter.hits` gives None.

A rule whose patterns cannot be translated (a reference to a group of classes) is a candidate
on every line.

>>> import re
>>> from cleaner.patterns import LineMatcher
>>> from cleaner.rules import Rule
>>> rule = Rule("x", "ads", "line", "", "x.toml", matcher=LineMatcher(("advertisement",), re.I, "fullmatch"))
>>> pre = Prefilter.build((rule,))
>>> pre is None or (pre.hits("ADVERTISEMENT"), pre.hits("An advertisement."))
(frozenset({0}), frozenset())
>>> pre is None or pre.hits("Advertiſement")  # re's IGNORECASE takes the long s for an s
frozenset({0})
>>> pre is None or (pre.clear("Item 1\\nAn advertisement."), pre.clear("Item 1\\nADVERTISEMENT\\nItem 2"))
(True, False)
"""
from __future__ import annotations

import os

from . import superset
from .cache import memo
from .re_internals import ENGINE

_MAX_MEM = 64 << 20  # re2's memory budget for a set's automaton (its default, 8 MB, thrashes)


def disabled_reason() -> str:
    """Why the engine cannot be used here ('' if it can)."""
    if os.environ.get("CLEANER_NO_ENGINE", "") not in ("", "0"):
        return "CLEANER_NO_ENGINE is set"
    if ENGINE.constants is None:
        return "re's parse trees are not available"
    try:
        import re2  # noqa: F401 - the google-re2 package
    except ImportError:
        return "google-re2 is not installed"
    return ""


def _options():
    import re2

    options = re2.Options()
    options.max_mem = _MAX_MEM
    return options


def superset_parts(rule) -> tuple[str, ...] | None:
    """The superset alternatives of a rule's patterns, or None if they cannot be translated
    (kept in the start-up cache: translating reads every character class)."""
    patterns, flags, how = rule.matcher.args

    def compute():
        try:
            return tuple(superset.translate("|".join(f"(?:{p})" for p in patterns), flags, how))
        except superset.Untranslatable:
            return None
    return memo("superset:" + "\0".join((how, str(int(flags)), *patterns)), compute, section="engine")


class Prefilter:
    """The rules (by their index in the tuple it was built from) a line may match.

    ``always``: the indexes of rules the engine cannot screen (tried on every line)."""

    def __init__(self, anchored, unanchored, anchored_ids, unanchored_ids, always, patterns=()) -> None:
        self._anchored, self._unanchored = anchored, unanchored
        self._anchored_ids, self._unanchored_ids = anchored_ids, unanchored_ids
        self.always = always
        self._patterns = patterns  # every alternative, as one multi-line pattern (see ``clear``)
        self._block = None  # its compiled form, built when first asked for

    @staticmethod
    def build(rules) -> "Prefilter | None":
        """The prefilter of some rules (each with a matcher), or None if the engine is not
        available or will not take the patterns."""
        if disabled_reason():
            return None
        import re2

        options = _options()
        sets = {True: re2.Set.MatchSet(options), False: re2.Set.SearchSet(options)}
        ids: dict[bool, list[int]] = {True: [], False: []}
        always, patterns = [], []
        for index, rule in enumerate(rules):
            parts = superset_parts(rule)
            if parts is None:
                always.append(index)
                continue
            for anchored in (True, False):
                chosen = [p[1:] for p in parts if p.startswith("^")] if anchored else \
                    [p for p in parts if not p.startswith("^")]
                if chosen:
                    try:
                        sets[anchored].Add("(?:" + "|".join(chosen) + ")")
                    except re2.error:
                        return None  # a translation re2 does not read: a defect, not the user's
                    ids[anchored].append(index)
                    patterns.append("(?m:" + "^" * anchored + "(?:" + "|".join(chosen) + "))")
        try:
            for anchored, found in sets.items():
                if ids[anchored]:
                    found.Compile()
        except re2.error:
            return None
        raw = {key: (s._set if ids[key] else None) for key, s in sets.items()}  # re2's own set: no wrapper per call
        return Prefilter(raw[True], raw[False], tuple(ids[True]), tuple(ids[False]), tuple(always), "|".join(patterns))

    def hits(self, text: str) -> frozenset[int] | None:
        """The indexes of the rules whose superset matches the line (``always`` not
        included), or None when the line cannot be scanned (not encodable as UTF-8, or
        holding a line break: the superset patterns stop at one)."""
        if "\n" in text:
            return None  # (never in a line; the superset patterns exclude it)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            return None
        anchored = self._anchored.Match(data) if self._anchored is not None else None
        unanchored = self._unanchored.Match(data) if self._unanchored is not None else None
        if not (anchored or unanchored):
            return _NO_HITS  # (most lines)
        ids, more = self._anchored_ids, self._unanchored_ids
        return frozenset([ids[i] for i in anchored or ()] + [more[i] for i in unanchored or ()])


    def clear(self, lines: str) -> bool:
        """True if no line of ``lines`` (joined with ``\\n``) has a hit: one scan for many
        short lines, each of which costs a call of its own. Every alternative runs in
        multi-line mode, where ``^`` and ``$`` match at each line's ends, and none matches
        a ``\\n``, so a match in a line is a match in the lines: no match in them is a proof
        (a match in them is not, and the caller scans the lines one by one). See the
        module's example."""
        if self._block is None:
            import re2

            self._block = re2.compile(self._patterns or "[^\\x00-\\x{10ffff}]", _options())  # (none: matches nothing)
        try:
            data = lines.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return self._block.search(data) is None


_NO_HITS: frozenset[int] = frozenset()
