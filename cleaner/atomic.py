"""The one atomic write of the package: a file appears whole or not at all. The command's
outputs (:mod:`cleaner.io.files`) and the start-up cache (:mod:`cleaner.cache`) both use it,
so it lives in the core, which never imports the edges.

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


class InputError(OSError):
    """A file cannot be read or written; the message names the file and the problem."""


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
