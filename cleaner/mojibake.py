"""Which lines ftfy would return unchanged, known without running it.

Normalization runs ftfy on every line that may hold mojibake, and the cheap hint it uses
takes any accented letter before a space: most of those lines are fine, and ftfy spends
100-200 µs on each to return it as it was. With normalization's configuration (no HTML
unescaping, quotes, widths, ligatures, line breaks or Unicode normalization), ftfy 6.3
changes a text without ``\\n`` only if

- it holds a character one of its fixers removes or replaces: a control character of
  ``ftfy.chardata.CONTROL_CHARS`` (the escape that starts a terminal sequence among
  them), a C1 control or a surrogate; or
- its mojibake heuristic, ``ftfy.badness.BADNESS_RE``, matches it: ``fix_encoding``
  returns any other text as it is, and every other fixer then finds nothing to do.

The first is one search of a character class. The second is asked of the compiled engine
(google-re2) running a superset of ``BADNESS_RE`` (:func:`cleaner.superset.translate`
with exact classes): where the superset does not match, the heuristic does not either.
When the answer is not a sure "unchanged" (a hit, an ftfy version this was not read
from, no engine, a text with a ``\\n``), ftfy runs as before, so the output is the same.

>>> import ftfy
>>> config = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, fix_character_width=False,
...     fix_latin_ligatures=False, fix_line_breaks=False, normalization=None, explain=False)
>>> keeps("Le café est très bon à Paris.", config) in (True, None)  # (None: no engine here)
True
>>> keeps("FranÃ§ois", config), keeps("a\\x1b[31mred", config)
(False, False)
"""
from __future__ import annotations

import os
import re

from .cache import compile_pattern, memo

_VERSIONS = ("6.3.",)  # the ftfy versions whose fix_text this was read from
_ASSUMED = {"unescape_html": False, "fix_latin_ligatures": False, "fix_character_width": False,
            "uncurl_quotes": False, "fix_line_breaks": False, "normalization": None, "fix_encoding": True}

# (CLEANER_NO_ENGINE's value, the configuration) -> (fixable, badness), or None: cannot tell
_checks: dict[tuple, tuple | None] = {}


def keeps(text: str, config) -> bool | None:
    """True if ``ftfy.fix_text(text, config=config)`` surely returns ``text`` (equal); False
    if it may not; None if this cannot tell here (no engine, another ftfy version).

    >>> import ftfy
    >>> keeps("no newline\\n", ftfy.TextFixerConfig())  # (ftfy's defaults: not the configuration read)
    """
    key = (os.environ.get("CLEANER_NO_ENGINE", ""), config)
    checks = _checks[key] if key in _checks else _build(key, config)
    if checks is None or "\n" in text or len(text) > config.max_decode_length:
        return None
    fixable, badness = checks
    if fixable.search(text):
        return False
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:  # (a lone surrogate: fixable finds it first)
        return False
    return not badness.Match(data)


def _build(key: tuple, config) -> tuple | None:
    """The two tests, or None where they cannot be made exactly."""
    import ftfy
    from ftfy import chardata, fixes
    from ftfy.badness import BADNESS_RE

    from . import superset
    from .prefilter import disabled_reason

    checks = None
    same_ftfy = (ftfy.__version__.startswith(_VERSIONS)
                 and chardata.C1_CONTROL_RE.pattern == "[\\x80-\\x9f]"
                 and fixes.SURROGATE_RE.pattern == "[\ud800-\udfff]"
                 and fixes.ANSI_RE.pattern.startswith("\033")
                 and 0x1B in chardata.CONTROL_CHARS
                 and all(value is None for value in chardata.CONTROL_CHARS.values()))
    assumed = all(getattr(config, name) == value for name, value in _ASSUMED.items())
    if same_ftfy and assumed and not disabled_reason():
        import re2

        parts = memo("ftfy-badness:" + BADNESS_RE.pattern, lambda: _translated(BADNESS_RE, superset),
                     section="engine")
        if parts is not None:
            options = re2.Options()
            options.max_mem = 16 << 20
            badness = re2.Set.SearchSet(options)
            try:
                badness.Add("|".join(parts))
                badness.Compile()
            except re2.error:
                badness = None
            if badness is not None:
                fixable = "".join(re.escape(chr(c)) for c in sorted(chardata.CONTROL_CHARS))
                checks = (compile_pattern(f"[{fixable}\x80-\x9f\ud800-\udfff]"), badness._set)
    _checks[key] = checks
    return checks


def _translated(pattern, superset) -> tuple[str, ...] | None:
    try:
        return tuple(superset.translate(pattern.pattern, pattern.flags, "search", coarse=False))
    except superset.Untranslatable:
        return None
