"""Batch runs: JSONL corpora and folders, in order, in parallel, in constant memory.

Work is cut into chunks of documents; at most a few chunks per worker are in flight,
so memory stays flat however long the input is, and results are written in input order
whatever ``jobs`` is. Each worker builds its own :class:`~cleaner.pipeline.Cleaner` once.

>>> import io
>>> job = JsonlJob(BatchOptions())
>>> out = io.BytesIO()
>>> job.run(io.BytesIO(b'{"id": 1, "text": "Title of the story\\\\nAdvertisement\\\\nBody."}\\n'), out)
>>> out.getvalue()
b'{"id": 1, "text": "Title of the story\\\\nBody.\\\\n"}\\n'
"""
from __future__ import annotations

import fnmatch
import json
import os
from dataclasses import dataclass, field

from ..config import Config
from .decode import DecodeError, decode_bytes
from ..explain import annotate
from ..parallel import chunked, ordered_map
from .files import InputError, read_input, refusal, write_atomic
from .html import ExtractionError, html_to_text, looks_like_html
from .stats import Stats, document_counts

CHUNK = 32  # documents per task: small enough that two workers finish together on a small file


class BatchError(ValueError):
    """A record or file the batch cannot clean; the message names where."""


@dataclass(frozen=True)
class BatchOptions:
    """What a batch run does with each document (picklable, sent to every worker)."""

    config: Config = field(default_factory=Config)
    text_field: str = "text"
    annotate_field: str | None = None
    input: str = "auto"  # html: extract the article first; auto: so do .html/.htm files holding HTML
    html_field: str = "html"
    encoding: str | None = None
    site: str | None = None  # the site of every document (--site); JSONL records name their own

    @property
    def html(self) -> bool:
        return self.input == "html"


# --- worker side: one Cleaner per process, built by the initializer ---------------------

_worker = None


def init_worker(options: BatchOptions) -> None:
    global _worker
    from ..pipeline import Cleaner

    _worker = (Cleaner(options.config), options)


def clean_document(text: str, site: str | None = None) -> tuple[str, dict, list | None]:
    """Clean one text in the worker: (cleaned text, counts by rule, annotation or None)."""
    cleaner, options = _worker
    result = cleaner.run(text, site or options.site)
    notes = annotate(text, result) if options.annotate_field else None
    return result.text, document_counts(result.trace), notes


def clean_jsonl_chunk(chunk: list[tuple[int, bytes]]) -> list[tuple]:
    """Clean a chunk of JSONL records: (line number, output line or None, error or None,
    counts by rule, input size) for each."""
    _, options = _worker
    out = []
    for number, raw in chunk:
        try:
            record = _parse(raw, options)
            source = record[options.html_field] if options.html else record[options.text_field]
            if options.html:
                source = html_to_text(source)
            cleaned, counts, notes = clean_document(source, record_site(record))
        except (BatchError, ExtractionError) as err:
            out.append((number, None, f"line {number}: {err}", {}, len(raw)))
            continue
        record[options.text_field] = cleaned
        if notes is not None:
            record[options.annotate_field] = notes
        line = json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
        out.append((number, line, None, counts, len(raw)))
    return out


def record_site(record: dict) -> str | None:
    """A JSONL record's site: its ``site`` field, else the host of its ``url``.

    >>> record_site({"url": "https://www.example.com/a/b"}), record_site({"site": "x.org", "url": "y"})
    ('www.example.com', 'x.org')
    """
    site = record.get("site")
    if isinstance(site, str) and site.strip():
        return site
    url = record.get("url")
    if isinstance(url, str) and "://" in url:
        return url.split("://", 1)[1].split("/", 1)[0].split("@")[-1].split(":")[0] or None
    return None


def _parse(raw: bytes, options: BatchOptions) -> dict:
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as err:
        raise BatchError(f"not valid JSON ({err})") from None
    if not isinstance(record, dict):
        raise BatchError("not a JSON object")
    name = options.html_field if options.html else options.text_field
    if name not in record:
        raise BatchError(f"no field {name!r}")
    if not isinstance(record[name], str):
        raise BatchError(f"field {name!r} is {_json_type(record[name])}, not a string")
    return record


def _json_type(value) -> str:
    """How JSON calls the type of ``value``.

    >>> _json_type(None), _json_type(3), _json_type([])
    ('null', 'a number', 'an array')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    return {int: "a number", float: "a number", list: "an array", dict: "an object"}.get(type(value), type(value).__name__)


# --- main side -------------------------------------------------------------------------

class JsonlJob:
    """Clean the documents of JSONL streams, writing records in input order."""

    def __init__(self, options: BatchOptions, jobs: int = 1, skip_bad: bool = False, progress=None):
        self.options, self.jobs, self.skip_bad, self.progress = options, jobs, skip_bad, progress
        self.stats = Stats()
        self.bad: list[str] = []

    def run(self, source, sink, name: str = "<stdin>") -> None:
        """Read JSONL from binary ``source``, write cleaned JSONL to binary ``sink``."""
        records = ((n, raw) for n, raw in enumerate(source, 1) if raw.strip())
        results = ordered_map(clean_jsonl_chunk, chunked(records, CHUNK), self.jobs,
                              init_worker, (self.options,))
        for chunk in results:
            for number, line, error, counts, size in chunk:
                if self.progress:
                    self.progress.advance(size)
                if error:
                    if not self.skip_bad:
                        raise BatchError(f"{name}: {error} (use --skip-bad to skip such records)")
                    self.bad.append(f"{name}: {error}")
                    continue
                sink.write(line)
                self.stats.add(counts)


def clean_file(task: tuple[str, str, bool]) -> tuple[str, bool, dict, str | None, int]:
    """Clean one file in the worker: (source, destination, in_place) -> (source, changed,
    counts by rule, error or None, size). The destination is written atomically."""
    source, destination, in_place = task
    _, options = _worker
    try:
        data = read_input(source)
        text = decode_bytes(data, source, options.encoding)
        if options.html or (options.input == "auto" and source.endswith((".html", ".htm")) and looks_like_html(text)):
            if in_place:  # the page would be replaced by its text: never lose the original
                return source, False, {}, (f"{source}: is HTML; refusing to write its text over it "
                                           "(use -o OUT_DIR, or --input text to clean it as text)"), len(data)
            text = html_to_text(text)
        cleaned, counts, _ = clean_document(text)
        changed = cleaned != text
        if in_place and not changed:
            return source, False, counts, None, len(data)
        problem = refusal(text, cleaned) if in_place else ""
        if problem:
            return source, False, {}, f"{source}: refusing to write: {problem}", len(data)
        os.makedirs(os.path.dirname(destination) or ".", exist_ok=True)
        write_atomic(destination, cleaned.encode("utf-8"), keep_mode=in_place)
        return source, changed, counts, None, len(data)
    except (InputError, DecodeError) as err:
        return source, False, {}, str(err), 0
    except ExtractionError as err:
        return source, False, {}, f"{source}: {err}", 0


class FolderJob:
    """Clean every matching file under a folder (see :func:`walk`) into a mirror tree, or in place."""

    def __init__(self, options: BatchOptions, jobs: int = 1, include=("*.txt",), exclude=(), progress=None):
        self.options, self.jobs, self.progress = options, jobs, progress
        self.include, self.exclude = tuple(include), tuple(exclude)
        self.stats = Stats()
        self.errors: list[str] = []
        self.changed: list[str] = []
        self.unchanged = 0

    def files(self, root: str) -> list[str]:
        """Matching files under ``root``, sorted, as paths relative to it (see :func:`walk`)."""
        return [rel for rel in walk(root) if matches(rel, self.include, self.exclude)]

    def run(self, root: str, out_dir: str | None) -> None:
        """Clean into ``out_dir`` (same relative paths, an HTML name ending in ``.txt``), or
        in place when it is ``None``. An ``out_dir`` inside ``root`` is not walked."""
        found = self.files(root)
        if out_dir is not None:
            inside = os.path.relpath(os.path.abspath(out_dir), os.path.abspath(root))
            if inside != os.curdir and not inside.startswith(os.pardir):
                found = [rel for rel in found if not (rel + os.sep).startswith(inside + os.sep)]
        tasks, taken = [], {}
        for rel in found:
            source = os.path.normpath(os.path.join(root, rel))
            if out_dir is None:
                tasks.append((source, source, True))
                continue
            destination = os.path.join(out_dir, text_name(rel))
            if destination in taken:  # page.html and page.txt: neither may overwrite the other
                self.errors.append(f"{taken[destination]} and {source} would both be written to "
                                   f"{destination}; skipping both")
                tasks = [t for t in tasks if t[1] != destination]
                continue
            taken[destination] = source
            tasks.append((source, destination, False))
        for chunk in ordered_map(_clean_files, chunked(tasks, 8), self.jobs, init_worker, (self.options,)):
            for source, changed, counts, error, size in chunk:
                if self.progress:
                    self.progress.advance(size)
                if error:
                    self.errors.append(error)
                    continue
                self.stats.add(counts)
                if changed:
                    self.changed.append(source)
                else:
                    self.unchanged += 1


HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages"})


def text_name(path: str) -> str:
    """The name the text of ``path`` is written under: never an HTML name.

    >>> text_name("2024/page.html"), text_name("story.txt")
    ('2024/page.txt', 'story.txt')
    """
    stem, suffix = os.path.splitext(path)
    return stem + ".txt" if suffix.lower() in HTML_SUFFIXES else path


def matches(rel: str, include, exclude) -> bool:
    """``rel`` (or its name) matches an ``include`` glob and no ``exclude`` glob; an exclude
    glob also matches a folder on the way (``drafts`` or ``drafts/*`` skips ``drafts/a/b.txt``)."""
    rel = rel.replace(os.sep, "/")
    name = rel.rsplit("/", 1)[-1]
    if not any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) for p in include):
        return False
    parts = rel.split("/")
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts))]
    return not any(fnmatch.fnmatch(name, p) or fnmatch.fnmatch(rel, p) or
                   any(fnmatch.fnmatch(d, p.rstrip("/*") or p) for d in prefixes) for p in exclude)


def skipped_folder(path: str) -> bool:
    """A folder a walk never enters: hidden ones (``.git``, ``.venv``, ``.tox``), virtual
    environments (a ``pyvenv.cfg`` inside), ``node_modules``, ``__pycache__``."""
    name = os.path.basename(path)
    return name.startswith(".") or name in SKIPPED_FOLDERS or os.path.isfile(os.path.join(path, "pyvenv.cfg"))


def walk(root: str) -> list[str]:
    """Every file under ``root``, sorted, relative to it, as ruff and black walk a project:
    in a git work tree the files git tracks or would track (``.gitignore`` applies; a folder
    git ignores as a whole is walked when it is the one named), else all files; in both cases
    without the folders :func:`skipped_folder` names."""
    listed = _git_files(root)
    if listed is None:
        listed = []
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if not skipped_folder(os.path.join(folder, d))]
            listed.extend(os.path.relpath(os.path.join(folder, n), root) for n in names)
    seen: dict[str, bool] = {}

    def kept(rel: str) -> bool:
        folder = os.path.dirname(rel)
        if not folder:
            return True
        if folder not in seen:
            seen[folder] = kept(folder) and not skipped_folder(os.path.join(root, folder))
        return seen[folder]

    return sorted(rel for rel in listed if kept(rel) and os.path.isfile(os.path.join(root, rel)))


def _git_files(root: str) -> list[str] | None:
    """The files under ``root`` git tracks or would track, or ``None`` outside a work tree
    (or without git)."""
    import subprocess

    try:
        inside = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=root,
                                capture_output=True, text=True)
        if inside.returncode or inside.stdout.strip() != "true":
            return None
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=root, capture_output=True, check=True)
        files = sorted({os.path.normpath(os.fsdecode(p)) for p in listed.stdout.split(b"\0") if p})
        if not files and not subprocess.run(["git", "check-ignore", "-q", "."], cwd=root).returncode:
            return None  # a folder git ignores as a whole, named on purpose: walk it
    except (OSError, subprocess.CalledProcessError):
        return None
    return files


def _clean_files(tasks):
    return [clean_file(task) for task in tasks]
