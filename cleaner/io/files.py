"""Reading inputs and writing outputs safely: atomic replace, permissions kept, no half files.

>>> import tempfile, os
>>> folder = tempfile.mkdtemp()
>>> path = os.path.join(folder, "story.txt")
>>> _ = open(path, "w").write("old")
>>> write_atomic(path, b"new\\n")
>>> open(path).read()
'new\\n'
"""
from __future__ import annotations

import contextlib
import os
import stat
import sys


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


class InputError(OSError):
    """An input cannot be read; the message names the file and the problem."""


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


def write_atomic(path: str, data: bytes, keep_mode: bool = True, sync: bool = True) -> None:
    """Replace (or create) ``path`` with ``data``, atomically (see :func:`atomic_output`).
    The command's outputs and the start-up cache (:mod:`cleaner.cache`) both use it."""
    with atomic_output(path, keep_mode, sync) as handle:
        handle.write(data)


@contextlib.contextmanager
def atomic_output(path: str, keep_mode: bool = True, sync: bool = True):
    """A binary file to write in place of ``path``: a temporary file in the same folder
    (``.NAME.*.tmp``), renamed over ``path`` when the block ends without an exception. The
    one atomic write of the package (:func:`write_atomic`, JSONL ``-o``).

    An existing file keeps its permission bits (``keep_mode``); a new one gets the usual
    ``0o666`` less the umask. If anything fails (disk full, a bad record, Ctrl-C) the
    temporary file is removed and ``path`` is untouched (or still absent). ``sync`` flushes
    the data to disk before the rename, so that a crash cannot leave an empty file in place
    of the old one (a cache, rebuilt if lost, can skip that). A symbolic link is followed:
    its target is replaced and the link stays a link.

    >>> import tempfile
    >>> path = os.path.join(tempfile.mkdtemp(), "out.jsonl")
    >>> with atomic_output(path) as out:
    ...     _ = out.write(b"{}\\n")
    ...     os.path.exists(path)
    False
    >>> open(path, "rb").read()
    b'{}\\n'
    """
    target = os.path.realpath(path)  # (the messages name the path as given)
    folder = os.path.dirname(target)
    exists = os.path.exists(target)
    if exists and not os.access(target, os.W_OK):
        raise InputError(f"{path}: permission denied (cannot write)")
    if exists and keep_mode:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        import tempfile  # only when writing

        fd, tmp = tempfile.mkstemp(prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise InputError(f"{path}: cannot write a temporary file beside it: {err.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
