"""The two learning passes over a corpus, each document read, decoded and split once.

**Scan**: workers read the documents themselves where they can (a byte range of a JSONL
file, a text file), so that no text crosses between processes, and return for each
document its site, its fingerprint (:func:`cleaner.learn.fingerprint`) and the hashes and
places of its short lines (:func:`cleaner.learn.short_lines`), without their texts. The
parent notes each story's representative (:meth:`Counts.see`) and spills the rows to a
temporary file (memory holds the per-site counts, never the documents' rows).
**Count**: the rows are read back in input order and each story's representative's lines
counted, as if its lines had been counted then (:meth:`Counts.count_hashes`).
**Texts**: the text of each line that may be learned is read again from one document
holding it, a few records (a line's hash is a hash of its text: any copy gives it).

The counts are those of the two passes :class:`Counts` defines (``see`` every document,
then ``count`` each story's representative) over :func:`cleaner.io.corpus.documents`,
line for line and in the same order, for any ``jobs`` and any cut of the files.

>>> from cleaner.learn import LearnOptions
>>> docs = [("example.com", f"Story {i}.\\nVisit our homepage for more stories.") for i in range(5)]
>>> count_documents(lambda: iter(docs), LearnOptions()).profiles()["example.com"].lines
{'Visit our homepage for more stories.': 5}
"""
from __future__ import annotations

import json
import os
import pickle
import tempfile
from array import array
from itertools import islice

from ..learn import Counts, LearnOptions, features, short_lines
from ..parallel import chunked, ordered_map
from ..rules import site_key

RANGE_BYTES = 4 << 20  # bytes of JSONL a worker reads per task
CHUNK_DOCS = 64  # documents per task when the parent reads them

# A task names its source and what of it to read:
#   ("range", path, start, end, site, text_field): the JSONL records that start in [start, end)
#   ("lines", path, site, text_field, first line number, [raw lines]): records the parent read
#   ("file", path, site): one text file
#   ("docs", first ordinal, [(site, text)]): documents given in memory
# Its result is (rows, documents without a site); a row is (site key, story key, document
# key, where, line hashes, places): where is the record's byte offset, its line number, 0
# for a text file, or the document's ordinal.


def _row(site: str, text: str, where: int, options: LearnOptions) -> tuple:
    story, document, lines = features(text, options)
    return (site_key(site), story, document, where,
            array("Q", [digest for digest, _, _ in lines]).tobytes(), bytes(place for _, _, place in lines))


def record_text(raw: bytes, site: str | None, text_field: str, path: str, number):
    """(site, text) of a JSONL record, None for a text that is not a string (no lines)."""
    from .corpus import CorpusError
    from .batch import record_site

    try:
        record = json.loads(raw)
        text = record[text_field]
    except (ValueError, KeyError, TypeError):
        raise CorpusError(f"{path}: line {number()}: not a JSON object with a {text_field!r} field") from None
    if not isinstance(text, str):
        return None
    return site or record_site(record), text


def fixed_site(path: str, by: str, site: str | None) -> str | None:
    """The site every document of ``path`` belongs to: ``site`` if given, with ``by="folder"``
    the file's folder, else None (a JSONL record then names its own)."""
    from .corpus import JSONL_SUFFIXES

    if site or by != "folder":
        return site
    return os.path.basename(os.path.dirname(path if path.endswith(JSONL_SUFFIXES) else os.path.abspath(path)))


def text_file(path: str, site: str | None) -> str:
    """The text of a text file of site ``site``, which a text file cannot do without."""
    from .corpus import CorpusError
    from .decode import decode_bytes
    from .files import read_input

    if not site:
        raise CorpusError(f"{path}: no site for a text file (use --by folder or --site HOST)")
    return decode_bytes(read_input(path), path)


def _records_of_range(path: str, start: int, end: int):
    """(offset, line) of each line of a file that starts in [start, end), split as a
    binary file's lines are (at b"\\n"; the line's own newline left out).

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile(delete=False) as handle:
    ...     _ = handle.write(b"ab\\ncd\\nef")
    >>> [list(_records_of_range(handle.name, *r)) for r in ((0, 2), (2, 4), (4, 8))]
    [[(0, b'ab')], [(3, b'cd')], [(6, b'ef')]]
    """
    with open(path, "rb") as handle:
        if start:
            handle.seek(start - 1)
            start += len(handle.readline()) - 1  # (the rest of a line begun before start)
        data = handle.read(end - start) if end > start else b""
        if data and not data.endswith(b"\n"):
            data += handle.readline()  # (the end of a line begun before end)
    for raw in data.split(b"\n")[:-1] if data.endswith(b"\n") else data.split(b"\n"):
        yield start, raw
        start += len(raw) + 1


def scan(task, options: LearnOptions) -> tuple[list[tuple], int]:
    """The rows of a task's documents (see the task kinds above) and how many had no site."""
    rows, unplaced = [], 0

    def add(site, text, where):
        nonlocal unplaced
        if site:
            rows.append(_row(site, text, where, options))
        else:
            unplaced += 1  # (a document that names no site teaches nothing; it is counted)

    kind = task[0]
    if kind == "docs":
        _, first, docs = task
        for ordinal, (site, text) in enumerate(docs, first):
            add(site, text, ordinal)
    elif kind == "file":
        _, path, site = task
        add(site, text_file(path, site), 0)
    else:
        if kind == "range":
            _, path, start, end, site, text_field = task
            lines = _records_of_range(path, start, end)
        else:
            _, path, site, text_field, first, raws = task
            lines = enumerate(raws, first)
        for where, raw in lines:
            if raw.strip():
                found = record_text(raw, site, text_field, path, lambda: _line_number(path, where, kind))
                if found:
                    add(*found, where)
    return rows, unplaced


def _line_number(path: str, where: int, kind: str) -> int:
    """The line number of a record at byte offset ``where`` (an error message's)."""
    if kind != "range":
        return where
    with open(path, "rb") as handle:
        return handle.read(where).count(b"\n") + 1


# --- the parent's side -------------------------------------------------------------------

_options = None


def _init(options: LearnOptions) -> None:
    global _options
    _options = options


def _scan(task):
    return _source(task), *scan(task, _options)


def _source(task) -> tuple:
    """Where a task's documents can be read again: (kind, path, text field), ("file", path,
    site), ("docs",)."""
    kind = task[0]
    return ("docs",) if kind == "docs" else ("file", task[1], task[2]) if kind == "file" else \
        (kind, task[1], task[5] if kind == "range" else task[3])


def count_tasks(tasks, options: LearnOptions = LearnOptions(), jobs: int = 1, read=None) -> Counts:
    """Scan ``tasks`` in order, count their stories' lines, and read again the texts of
    the lines that may be learned (``read()``: the documents of "docs" tasks again)."""
    counts = Counts(options)
    sites: dict[str, str] = {}  # one copy of each site's name
    with tempfile.TemporaryFile(prefix="clean-learn-") as spill:
        for source, rows, unplaced in ordered_map(_scan, tasks, jobs, _init, (options,)):
            counts.unplaced += unplaced
            for row in rows:
                counts.see(sites.setdefault(row[0], row[0]), row[1], row[2])
            pickle.dump((source, rows), spill, pickle.HIGHEST_PROTOCOL)
        spill.seek(0)
        for _, rows in _spilled(spill):
            for site, story, document, _, digests, places in rows:
                if counts.counts_for(site, story, document):
                    counts.count_hashes(sites[site], array("Q", digests), places)
        spill.seek(0)
        holders = _holders(_spilled(spill), counts.untexted())
    for site, texts in _texts(holders, options, read).items():
        counts.texts.setdefault(site, {}).update(texts)
    return counts


def _spilled(spill):
    while True:
        try:
            yield pickle.load(spill)
        except EOFError:
            return


def _holders(spilled, wanted: dict[str, set[int]]) -> dict:
    """{source: {where: {site: hashes}}}: the first document holding each wanted line."""
    wanted = {site: set(digests) for site, digests in wanted.items() if digests}
    found: dict = {}
    for source, rows in spilled:
        if not wanted:
            break
        for site, _, _, where, digests, _ in rows:
            missing = wanted.get(site)
            if missing:
                held = missing.intersection(array("Q", digests))
                if held:
                    found.setdefault(source, {}).setdefault(where, {}).setdefault(site, set()).update(held)
                    missing -= held
                    if not missing:
                        del wanted[site]
    return found


def _texts(holders: dict, options: LearnOptions, read) -> dict[str, dict[int, str]]:
    """{site: {hash: text}} of the wanted lines, from the documents holding them."""
    found: dict[str, dict[int, str]] = {}
    for source, places in holders.items():
        for where, text in _documents_at(source, sorted(places), read):
            lines = {digest: line for digest, line, _ in short_lines(text, options)}
            for site, digests in places[where].items():
                found.setdefault(site, {}).update((digest, lines[digest]) for digest in digests)
    return found


def _documents_at(source: tuple, wheres: list[int], read):
    """(where, text) of the documents of a source at ``wheres`` (sorted)."""
    kind = source[0]
    if kind == "docs":
        wanted = set(wheres)
        for ordinal, (_, text) in enumerate(read()):
            if ordinal in wanted:
                yield ordinal, text
    elif kind == "file":
        yield 0, text_file(source[1], source[2])
    elif kind == "range":
        with open(source[1], "rb") as handle:
            for where in wheres:
                handle.seek(where)
                yield where, json.loads(handle.readline())[source[2]]
    else:
        from .streams import open_input

        wanted = set(wheres)
        with open_input(source[1]) as lines:
            for number, raw in enumerate(islice(lines, wheres[-1]), 1):
                if number in wanted:
                    yield number, json.loads(raw)[source[2]]


# --- the tasks of a corpus ---------------------------------------------------------------

def file_tasks(paths: list[str], text_field: str = "text", by: str = "record", site: str | None = None,
               range_bytes: int = RANGE_BYTES):
    """The tasks of the documents of :func:`cleaner.io.corpus.documents`: byte ranges of
    plain JSONL files, lines read here of compressed ones, text files whole."""
    from .corpus import JSONL_SUFFIXES, _files
    from .streams import open_input

    for path in _files(paths):
        fixed = fixed_site(path, by, site)
        if not path.endswith(JSONL_SUFFIXES):
            yield "file", path, fixed
        elif not path.endswith((".gz", ".zst")):
            size = os.path.getsize(path)
            for start in range(0, size, range_bytes):
                yield "range", path, start, min(start + range_bytes, size), fixed, text_field
        else:
            with open_input(path) as lines:
                number = 1
                for chunk in _sized(lines, range_bytes):
                    yield "lines", path, fixed, text_field, number, chunk
                    number += len(chunk)


def _sized(lines, size: int):
    chunk, held = [], 0
    for raw in lines:
        chunk.append(raw)
        held += len(raw)
        if held >= size:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


def count_files(paths: list[str], options: LearnOptions = LearnOptions(), jobs: int = 1, text_field: str = "text",
                by: str = "record", site: str | None = None) -> Counts:
    """The counts of the documents of files and folders (see :func:`file_tasks`)."""
    return count_tasks(file_tasks(paths, text_field, by, site), options, jobs)


def count_documents(read, options: LearnOptions = LearnOptions(), jobs: int = 1, chunk: int = CHUNK_DOCS) -> Counts:
    """The counts of the (site, text) of ``read()`` (called again for the learned lines' texts)."""
    tasks = (("docs", i * chunk, docs) for i, docs in enumerate(chunked(read(), chunk)))
    return count_tasks(tasks, options, jobs, read)
