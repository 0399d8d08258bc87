"""The only stage that rewrites text: newlines, entities, mojibake, invisible characters, edges.

Everything here is conservative and idempotent: curly quotes, full-width CJK characters,
ligatures and the text's own characters stay as they are; no Unicode normalization form
is applied. ftfy is imported lazily and only runs on lines that look like mojibake.

>>> split_lines("a\\r\\nb\\rc\\u2028d")
['a', 'b', 'c', 'd']
>>> normalize("\\u00a0 Caf&eacute; &amp;amp; Bar \\u200b")
['Café & Bar']
>>> normalize("FranÃ§ois said itâ€™s fine")
['François said it’s fine']
"""
from __future__ import annotations

from collections import namedtuple

from .cache import compile_pattern

# Every newline kind POLICY.md names: CRLF, CR, LF, LINE SEPARATOR, PARAGRAPH SEPARATOR, NEL.
_NEWLINES = compile_pattern(r"\r\n|[\r\n\u2028\u2029\x85]")
_OTHER_NEWLINES = ("\r", "\u2028", "\u2029", "\x85")

# Invisible characters that scrapers leave and that carry no meaning in news text.
# ZWNJ/ZWJ (U+200C/D) are kept: Persian, Indic scripts and emoji sequences need them.
_INVISIBLE = compile_pattern(r"[\u200b\u2060\ufeff]")

# A named or numeric HTML entity, semicolon required ("AT&T", "?a=1&para=2" stay as they are).
_ENTITY = compile_pattern(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

# Cheap test before ftfy: a UTF-8 lead byte read as Latin-1/cp1252 followed by a
# continuation byte read the same way, C1 controls, or a terminal escape.
_MOJIBAKE_PAIR = (
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6"
    "\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a"
    "\u20ac\u2122 ]"
)
_CONTROL = "[\u0080-\u009f\x1b]"  # C1 controls and a terminal escape
_MOJIBAKE_HINT = compile_pattern(_MOJIBAKE_PAIR + "|" + _CONTROL)

# Anything :func:`repair_text` acts on (an entity's ampersand, an invisible character, a
# mojibake hint): a text without any is left as it is, and a look at the whole document
# finds that for all its lines at once (see :func:`_repairs`). A line is searched for the
# hint's two halves apart, each led by a class, which re skips ahead to (it cannot for an
# alternation of them); a document for the characters of _CONTROL and _INVISIBLE, each
# with a substring test, several times faster than a search for the class.
_MOJIBAKE_PAIR_HINT = compile_pattern(_MOJIBAKE_PAIR)
_CONTROL_HINT = compile_pattern(_CONTROL)
_CONTROL_CHARS = (*map(chr, range(0x80, 0xA0)), "\x1b")
_INVISIBLE_CHARS = ("\u200b", "\u2060", "\ufeff")


class _Found(namedtuple("_Found", "controls invisible")):
    """Which of the characters a repair looks for a document holds: C1 controls or an
    escape (half of the mojibake hint), invisible characters. A line of the document
    holds none the document does not, so each line is searched only for those."""

    __slots__ = ()


_EVERY = _Found(True, True)


def _repairs(text: str) -> _Found | None:
    """What the lines of ``text`` are searched for (None: :func:`repair_text` acts on
    nothing in it).

    >>> _repairs("Caf&eacute;"), _repairs("Café."), _repairs("Café au lait\u200b")
    (_Found(controls=False, invisible=False), None, _Found(controls=False, invisible=True))
    >>> _repairs("FranÃ§ois") is not None, _repairs("Café au lait") is not None
    (True, True)

    (The last only looks like mojibake: ``é`` before a space, see :mod:`cleaner.mojibake`.)
    """
    if text.isascii():  # (of what repairs act on, only these are ASCII)
        return _Found("\x1b" in text, False) if "&" in text or "\x1b" in text else None
    found = _Found(any(c in text for c in _CONTROL_CHARS), any(c in text for c in _INVISIBLE_CHARS))
    if "&" in text or found.controls or found.invisible or _MOJIBAKE_PAIR_HINT.search(text) is not None:
        return found
    return None


_ftfy_config = None


def _ftfy_fix(text: str) -> str:
    """Run ftfy with the conservative configuration (imported on first use), unless it
    surely returns the text unchanged (:func:`cleaner.mojibake.keeps`)."""
    global _ftfy_config  # a cache of an immutable object, never document state
    import ftfy

    from .mojibake import keeps

    if _ftfy_config is None:
        _ftfy_config = ftfy.TextFixerConfig(
            unescape_html=False,  # entities are handled explicitly, below
            uncurl_quotes=False,
            fix_character_width=False,
            fix_latin_ligatures=False,
            fix_line_breaks=False,
            normalization=None,
            explain=False,
        )
    if keeps(text, _ftfy_config):
        return text
    return ftfy.fix_text(text, config=_ftfy_config)


def split_lines(text: str) -> list[str]:
    """Split on every newline kind; a final newline does not open an empty line."""
    # (most texts hold no newline but "\n": a substring test for each other kind, then
    # str.split, is many times faster than splitting on the alternation)
    lines = _NEWLINES.split(text) if any(c in text for c in _OTHER_NEWLINES) else text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def unescape_entities(text: str) -> str:
    """Decode HTML entities until none is left (so ``&amp;amp;`` is stable after one run)."""
    for _ in range(4):
        if "&" not in text:
            break
        import html  # (its table of entities takes a millisecond to import; most texts hold none)

        decoded = _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)
        if decoded == text:
            break
        text = decoded
    return text


def repair_text(text: str) -> str:
    """Entities, mojibake and invisible characters, without touching the edges.

    The result may contain newlines (an entity such as ``&#10;``); the caller splits again.
    """
    return _repaired(text)[0]


def _repaired(text: str, found: _Found = _EVERY) -> tuple[str, bool]:
    """:func:`repair_text`, and whether the line is to be settled (:func:`_settled`):
    something was repaired, or it looked like mojibake (ftfy, run on the line with its
    edges stripped, may then choose otherwise). ``found``: what the line's document
    holds (see :class:`_Found`)."""
    original = text
    if "&" in text:
        text = unescape_entities(text)
        if text is not original:
            found = _EVERY  # (an entity may decode to anything)
    # (_MOJIBAKE_HINT's two halves; the second only where the document holds one)
    hinted = (_MOJIBAKE_PAIR_HINT.search(text) is not None
              or (found.controls and _CONTROL_HINT.search(text) is not None))
    if hinted:
        text = _ftfy_fix(text)
        if "&" in text:
            text = unescape_entities(text)
    if found.invisible or text is not original:
        text = _INVISIBLE.sub("", text)
    return text, hinted or text is not original


def normalize(text: str, origins: list[int] | None = None) -> list[str]:
    """Turn a document into its normalized lines (no blank-run collapsing yet).

    A leading BOM is dropped; an entity that decodes to a newline splits the line.
    If ``origins`` is given, the index of the raw line each output line comes from is
    appended to it (see :func:`raw_line_spans`).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    found = _repairs(text)
    if found is None:  # (nothing to repair: most documents) each raw line is one line
        lines = [raw.strip() for raw in split_lines(text)]
        if origins is not None:
            origins.extend(range(len(lines)))
        return lines
    lines: list[str] = []
    for index, raw in enumerate(split_lines(text)):
        repaired, settle = _repaired(raw, found) if raw else (raw, False)
        if not settle:  # nothing repaired: nothing that a second repair could change
            parts = [raw.strip()]
        else:
            parts = [_settled(part.strip()) for part in split_lines(repaired) or [""]]
        lines.extend(parts)
        if origins is not None:
            origins.extend([index] * len(parts))
    return lines


_MAX_REPAIRS = 4


def _settled(line: str) -> str:
    """The line as normalizing it again would leave it. ftfy reads its context: a fix can
    show more mojibake, and the spaces stripped from the edges can change its choice, so
    a line that still looks like mojibake is repaired again until nothing changes (this
    keeps cleaning idempotent).

    >>> _settled("Â€Ä")
    'ۀ'
    """
    for _ in range(_MAX_REPAIRS):
        if not _MOJIBAKE_HINT.search(line):
            break
        again = repair_text(line)
        if _NEWLINES.search(again) or again.strip() == line:
            break  # (a repair that would split the line is left to the first pass)
        line = again.strip()
    return line


def raw_line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` character offsets of each raw line of ``text`` (newline excluded).

    >>> raw_line_spans("\\ufeffab\\r\\ncd\\n")
    [(1, 3), (5, 7)]
    """
    start = 1 if text.startswith("\ufeff") else 0
    spans = []
    for match in _NEWLINES.finditer(text, start):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
