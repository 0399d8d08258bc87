"""Opening inputs and outputs: stdin/stdout for ``-``, gzip and zstandard by file extension.

>>> import gzip, os, tempfile
>>> path = os.path.join(tempfile.mkdtemp(), "docs.jsonl.gz")
>>> with open_output(path) as out:
...     _ = out.write(b'{"text": "hi"}\\n')
>>> with open_input(path) as handle:
...     handle.read()
b'{"text": "hi"}\\n'
"""
from __future__ import annotations

import contextlib
import sys

from .files import InputError, reading_error


@contextlib.contextmanager
def open_input(name: str):
    """A binary stream to read ``name`` (``-`` is standard input)."""
    if name == "-":
        yield sys.stdin.buffer
        return
    try:
        if name.endswith(".gz"):
            import gzip

            handle = gzip.open(name, "rb")
        elif name.endswith(".zst"):
            import io

            handle = io.BufferedReader(_zstd().open(name, "rb"))  # line iteration needs a buffer
        else:
            handle = open(name, "rb")
    except OSError as err:
        raise reading_error(name, err, "use -r DIR -o OUT_DIR") from None
    with handle:
        yield handle


@contextlib.contextmanager
def open_output(name: str | None):
    """A binary stream to write ``name`` (``None`` or ``-`` is standard output)."""
    if name in (None, "-"):
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    try:
        if name.endswith(".gz"):
            import gzip

            handle = gzip.open(name, "wb")
        elif name.endswith(".zst"):
            handle = _zstd().open(name, "wb")
        else:
            handle = open(name, "wb")
    except OSError as err:
        raise InputError(f"{name}: cannot write: {err.strerror}") from None
    with handle:
        yield handle


def _zstd():
    try:
        import zstandard
    except ImportError:
        raise InputError("reading or writing .zst needs the zstandard package: pip install 'newsnoise[zstd]'") from None
    return zstandard
