"""Reading inputs and writing outputs safely: a read error names the file, the one atomic
write (:mod:`cleaner.atomic`) replaces outputs, and a cleaning that would lose the text is
refused.

>>> read_input("no-such-story.txt")
Traceback (most recent call last):
...
cleaner.atomic.InputError: no-such-story.txt: no such file
"""
from __future__ import annotations

import sys

from ..atomic import InputError, atomic_output, write_atomic  # noqa: F401 (the edges' names for them)


def refusal(before: str, after: str) -> str:
    """Why ``after`` must not replace the file holding ``before`` (empty if it is safe):
    it is not a subsequence of the input lines, or it loses every word of the text.

    >>> refusal("Advertisement\\n", "")
    'every word of the text would be removed'
    >>> refusal("Page\\x0c2 of the report\\nAdvertisement\\n", "Page\\x0c2 of the report\\n")
    ''
    """
    from ..document import has_words
    from ..normalize import normalize, split_lines

    source = iter(normalize(before))  # split as the normalizer splits (not str.splitlines: \x0c...)
    if not all(any(line == s for s in source) for line in split_lines(after) if line):
        return "the output is not a subsequence of the input lines (a bug; please report it)"
    if has_words(before) and not has_words(after):
        return "every word of the text would be removed"
    return ""


def read_input(name: str) -> bytes:
    """The bytes of a file, or of standard input for ``-``."""
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        with open(name, "rb") as handle:
            return handle.read()
    except OSError as err:
        raise reading_error(name, err, "name the files in it, e.g. DIR/*.txt") from None


def reading_error(name: str, err: OSError, directory_hint: str) -> InputError:
    """The one-line error for an input that cannot be opened or read.

    >>> str(reading_error("a.txt", FileNotFoundError(2, "No such file"), ""))
    'a.txt: no such file'
    """
    if isinstance(err, InputError):
        return err  # already says what is wrong (a missing optional package, say)
    if isinstance(err, FileNotFoundError):
        return InputError(f"{name}: no such file")
    if isinstance(err, IsADirectoryError):
        return InputError(f"{name}: is a directory ({directory_hint})")
    if isinstance(err, PermissionError):
        return InputError(f"{name}: permission denied (cannot read)")
    return InputError(f"{name}: cannot read: {err.strerror}")


