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

from .files import InputError, atomic_output, reading_error


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

            handle = io.BufferedReader(_zstd(name, "reading").open(name, "rb"))  # line iteration needs a buffer
        else:
            handle = open(name, "rb")
    except OSError as err:
        raise reading_error(name, err, "use -r DIR -o OUT_DIR") from None
    with handle:
        yield handle


@contextlib.contextmanager
def open_output(name: str | None):
    """A binary stream to write ``name`` (``None`` or ``-`` is standard output, streamed).
    A file is written atomically (:func:`~cleaner.io.files.atomic_output`): it appears, whole,
    only when the block ends without an exception, so a failed run leaves no partial output
    and an existing file as it was (and ``-o`` may name an input)."""
    if name in (None, "-"):
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    zstandard = _zstd(name, "writing") if name.endswith(".zst") else None  # before any file exists
    with atomic_output(name) as raw:
        if name.endswith(".gz"):
            import gzip

            with gzip.GzipFile(filename=name, mode="wb", fileobj=raw) as handle:
                yield handle
        elif zstandard:
            with zstandard.ZstdCompressor().stream_writer(raw, closefd=False) as handle:
                yield handle
        else:
            yield raw


def _zstd(name: str, action: str):
    try:
        import zstandard
    except ImportError:
        raise InputError(f"{name}: {action} .zst needs the zstandard package: "
                         "pip install 'newsnoise[zstd]'") from None
    return zstandard
