"""The one place cleaner touches the private internals of Python's ``re``, behind one interface.

Two engines answer the same four questions:

- ``compile(pattern, flags)``: the compiled pattern, and its *code* (plain data that
  :mod:`marshal` can store) or None when the engine has none to give;
- ``rebuild(pattern, code)``: the compiled pattern again from that code, without parsing;
- ``parse(pattern, flags)``: the parse tree :mod:`cleaner.patterns` reads to run
  alternatives on the lower-cased line (raises :class:`Unavailable` when there is none);
- ``extra_cases``: the characters ``re`` treats as case-equal although ``str.lower()``
  keeps them apart (``ſ`` and ``s``), or None when unknown.

:class:`SreInternals` is the fast way: it parses with ``re._parser``, generates code with
``re._compiler`` and hands it to ``_sre.compile``, so that :mod:`cleaner.cache` can keep
the code and a later run can skip parsing and compiling. These modules are private and
change between Python versions, so before it is used a self-check runs once, at import:
the modules and names it uses exist, a sample pattern parses to the tree shape
:mod:`cleaner.patterns` expects, and sample patterns compiled (and rebuilt from stored
code) match exactly where ``re.compile``'s do. If anything differs, :class:`PlainRe` is
used instead: ``re.compile`` and nothing private; no code to cache, and every alternative
runs the exact way. Both give the same results; the plain one starts and runs slower.

``CLEANER_PLAIN_RE=1`` in the environment forces the plain engine (the test suite runs
both). ``ENGINE`` is the engine in use, and ``ENGINE.reason`` says why.

>>> ENGINE.name in ("sre", "plain")
True
>>> pattern, code = PlainRe("test").compile(r"^sign up\\b", re.IGNORECASE)
>>> bool(pattern.match("Sign up now")), code
(True, None)
"""
from __future__ import annotations

import marshal
import os
import re


class Unavailable(Exception):
    """The engine has no such thing to give (the plain engine has no parse tree)."""


class PlainRe:
    """``re.compile`` and nothing private: no code to keep, no parse tree, no case table."""

    name = "plain"
    extra_cases: dict[int, tuple[int, ...]] | None = None
    constants = None  # re's opcode names, which only parse trees hold

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def compile(self, pattern: str, flags: int) -> tuple[re.Pattern, None]:
        return re.compile(pattern, flags), None

    def rebuild(self, pattern: str, code) -> re.Pattern:
        raise Unavailable("the plain engine keeps no compiled code")

    def parse(self, pattern: str, flags: int):
        raise Unavailable("the plain engine gives no parse tree")


class SreInternals:
    """Parse and compile through ``re``'s private modules; the code can be stored and reused.

    The constructor checks what the class relies on and raises if anything differs."""

    name = "sre"

    def __init__(self) -> None:
        import re._casefix
        import re._compiler
        import re._constants
        import re._parser
        from array import array

        import _sre

        self.reason = "re's internals passed the self-check"
        self._parser, self._compiler, self._sre, self._array = re._parser, re._compiler, _sre, array
        self.constants = re._constants
        # one array item per engine code word, so the code is stored as compact bytes
        self._code_type = next(t for t in ("I", "L") if array(t).itemsize == _sre.CODESIZE)
        extra = re._casefix._EXTRA_CASES
        if not (isinstance(extra, dict) and ord("\u017f") in extra.get(ord("s"), ())
                and all(isinstance(k, int) and isinstance(v, tuple) for k, v in extra.items())):
            raise ValueError("re._casefix._EXTRA_CASES is not the table of extra case-equal characters")
        self.extra_cases = extra
        self.lower = _sre.unicode_tolower  # re's own lower case of a code point, as IGNORECASE uses it
        self.SubPattern = re._parser.SubPattern
        self._check()

    def compile(self, pattern: str, flags: int) -> tuple[re.Pattern, tuple]:
        tree = self._parser.parse(pattern, flags)
        code = self._compiler._code(tree, flags)
        groupindex = dict(tree.state.groupdict)
        indexgroup = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        # the code as bytes: a list of many small ints is slow to load
        code = (int(flags | tree.state.flags), self._array(self._code_type, code).tobytes(), tree.state.groups - 1,
                groupindex, indexgroup)
        return self.rebuild(pattern, code), code  # the very call a later run makes from the cache

    def rebuild(self, pattern: str, code) -> re.Pattern:
        flags, words, groups, groupindex, indexgroup = code
        return self._sre.compile(pattern, flags, self._array(self._code_type, words).tolist(), groups, groupindex,
                                 tuple(indexgroup))

    def parse(self, pattern: str, flags: int):
        return self._parser.parse(pattern, flags)

    def _shape(self, item):
        """A parse tree as nested tuples of opcode names and arguments (to compare)."""
        if isinstance(item, (self.SubPattern, list, tuple)):
            return tuple(self._shape(x) for x in item)
        return getattr(item, "name", item) if isinstance(item, int) else item

    def _check(self) -> None:
        tree = self.parse(r"a[b-dX](?:ef|gh)+?(?-i:Y)(z)\1(?>h)", re.IGNORECASE)
        if self._shape(tree) != _TREE_SHAPE or tree.state.groups != 2:
            raise ValueError(f"re._parser gives a parse tree of another shape: {self._shape(tree)}")
        for pattern, flags in _CHECK_PATTERNS:
            compiled, code = self.compile(pattern, flags)
            rebuilt = self.rebuild(pattern, marshal.loads(marshal.dumps(code)))
            reference = re.compile(pattern, flags)
            for regex in (compiled, rebuilt):
                if differs(regex, reference, _CHECK_TEXTS):
                    raise ValueError(f"_sre.compile differs from re.compile on {pattern!r}")


_TREE_SHAPE = (
    ("LITERAL", 97), ("IN", (("RANGE", (98, 100)), ("LITERAL", 88))),
    ("MIN_REPEAT", (1, "MAXREPEAT", (("BRANCH", (None, ((("LITERAL", 101), ("LITERAL", 102)),
                                                        (("LITERAL", 103), ("LITERAL", 104))))),))),
    ("SUBPATTERN", (None, 0, 2, (("LITERAL", 89),))), ("SUBPATTERN", (1, 0, 0, (("LITERAL", 122),))),
    ("GROUPREF", 1), ("ATOMIC_GROUP", (("LITERAL", 104),)))
_CHECK_PATTERNS = ((r"^sign (up)\b.*", re.IGNORECASE), (r"(?:photo|foto):\s*(?-i:[A-Z])\w+", re.IGNORECASE),
                   (r"(?P<n>\d{1,2}):\d{2}|[©]\s*(\d{4})$", 0), (r"ſ|σ\w*", re.IGNORECASE))
_CHECK_TEXTS = ("Sign up now", "SIGN UPTOWN", "Photo: AP", "foto: dpa", "12:30", "© 2024", "STRASSE Σ", "x")


def differs(regex: re.Pattern, reference: re.Pattern, texts) -> str:
    """How ``regex`` behaves unlike ``reference`` on some texts ('' if it does not).

    >>> differs(re.compile("a(b)"), re.compile("a(b)"), ["ab", "b"]), differs(re.compile("a"), re.compile("a", re.I), ["A"])
    ('', 'pattern, flags or groups')
    """
    if (regex.pattern, regex.flags, regex.groups, regex.groupindex) != (
            reference.pattern, reference.flags, reference.groups, reference.groupindex):
        return "pattern, flags or groups"
    for text in texts:
        for method in ("search", "match", "fullmatch"):
            got, want = getattr(regex, method)(text), getattr(reference, method)(text)
            if (got and (got.span(), got.groups())) != (want and (want.span(), want.groups())):
                return f"{method} on {text!r}"
    return ""


def choose(plain: bool = False) -> SreInternals | PlainRe:
    """The fast engine if re's internals pass the self-check (and ``plain`` is not asked
    for), else the plain one, with the reason."""
    if plain:
        return PlainRe("the plain engine was asked for")
    try:
        return SreInternals()
    except Exception as err:  # noqa: BLE001 - internals missing or of another shape: the public way
        return PlainRe(f"re's internals differ from what cleaner expects ({type(err).__name__}: {err})")


ENGINE = choose(plain=os.environ.get("CLEANER_PLAIN_RE", "") not in ("", "0"))
