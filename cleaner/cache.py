"""A start-up cache: the parsed rule files and the compiled form of their patterns.

Reading ~50 TOML files and compiling ~1,000 regular-expression alternatives is most of the
``clean`` command's start-up (Python's ``re`` parses and compiles in Python). Both depend
only on the files and on the Python version, so they are kept in one file under the
user's cache folder (``$CLEANER_CACHE_DIR``, else ``$XDG_CACHE_HOME/cleaner``, else
``~/.cache/cleaner``) and reused by the next run:

- a rule file's parsed data is reused while its size and modification time are unchanged;
- a pattern's compiled code (what ``re`` hands to its C engine) is reused for the same
  pattern text and flags, and only by the same Python; how it is made and rebuilt is
  :mod:`cleaner.re_internals`' business (with ``re``'s private internals when they pass
  its self-check, else nothing is kept and patterns are compiled with ``re.compile``);
- the whole file is dropped when cleaner's own code changes (an upgrade, an edit in a
  checkout): what :func:`memo` keeps was computed by that code;
- there is one file per installation (a venv, pre-commit's own); a file no run has read
  for 30 days (its installation is most likely gone) is deleted by the next save.

The cache only ever saves time: a missing, stale, unreadable or corrupt cache file is
ignored, a cache folder that cannot be written is left alone, and the file is replaced
atomically. ``CLEANER_NO_CACHE=1`` turns it off.

>>> regex = compile_pattern(r"^sign up\\b", re.IGNORECASE)
>>> bool(regex.match("Sign up now")), regex.pattern
(True, '^sign up\\\\b')
"""
from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
import time
import zlib

from . import re_internals
from .atomic import write_atomic

_FORMAT = 5


def _code_stamp() -> int:
    """A checksum of the size and modification time of cleaner's modules."""
    stamp = 0
    for entry in sorted(os.scandir(os.path.dirname(os.path.abspath(__file__))), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            stat = entry.stat()
            stamp = zlib.crc32(f"{entry.name}:{stat.st_mtime_ns}:{stat.st_size};".encode(), stamp)
    return stamp


# the same Python build has the same re engine; its version number, where re says it, too
_VERSION = f"{_FORMAT}:{sys.version}:{getattr(getattr(re, '_constants', None), 'MAGIC', '')}:{_code_stamp():08x}"
_state: dict | None = None  # the three sections, "dirty" and "used" (see _load)


def _save_at_exit() -> None:
    if _state is not None:
        save()  # patterns compiled on demand, after the rules were loaded and saved


atexit.register(_save_at_exit)


def cache_file() -> str | None:
    """Where the cache lives, or None when it is turned off."""
    if os.environ.get("CLEANER_NO_CACHE"):
        return None
    folder = os.environ.get("CLEANER_CACHE_DIR")
    if not folder:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "cleaner")
    # one file per installation: two installs (a venv, pre-commit's own) would otherwise
    # keep pruning each other's entries and start cold every other run
    install = zlib.crc32(os.path.dirname(os.path.abspath(__file__)).encode("utf-8", "surrogateescape"))
    return os.path.join(folder, f"rules-py{sys.version_info[0]}{sys.version_info[1]}-{install:08x}.marshal")


def _load() -> dict:
    global _state  # a process-wide cache of immutable compiled data, never document state
    if _state is None:
        _state = {"toml": {}, "regex": {}, "memo": {}, "engine": {}, "saves": 0, "last_used": {}, "dirty": False,
                  "used": set()}
        path = cache_file()
        try:
            if path is not None and os.path.isfile(path):
                with open(path, "rb") as handle:  # (marshal.load reads a file piece by piece: 4x slower)
                    version, *stored = marshal.loads(handle.read())
                _mark_read(path)
                if (version == _VERSION and len(stored) == len(_STORED)
                        and all(isinstance(d, bytes if name in _LAZY else dict)
                                for name, d in zip(_STORED, stored) if name != "saves")):
                    _state.update(zip(_STORED, stored))
        except (OSError, EOFError, ValueError, TypeError):
            pass  # a corrupt or foreign file: start afresh, it is rewritten on save
    return _state


def save() -> None:
    """Write the cache if this run added to it (atomically; silently skipped on any error)."""
    state = _load()
    path = cache_file()
    if not state["dirty"] or path is None:
        return
    try:
        _prune(state)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = marshal.dumps((_VERSION, *(_encoded(state, name) for name in _STORED)))
        write_atomic(path, data, sync=False)  # a cache: a file lost in a crash is only rebuilt
        state["dirty"] = False
        _remove_abandoned(os.path.dirname(path), path)
    except (OSError, ValueError):
        pass


_SECTIONS = ("toml", "regex", "memo", "engine")
_STORED = (*_SECTIONS, "saves", "last_used")  # the file: _VERSION, then these
# Kept encoded in the file and decoded when first used: a small input never builds the
# compiled prefilter (most of the memos are its translations), and when each entry was
# last used matters only when the file is saved.
_LAZY = ("engine", "last_used")


def _decoded(state: dict, name: str) -> dict:
    """A section of the state, decoded on first use (see ``_LAZY``)."""
    value = state[name]
    if isinstance(value, bytes):
        try:
            value = marshal.loads(value)
        except (EOFError, ValueError, TypeError):
            value = None
        state[name] = value = value if isinstance(value, dict) else {}  # (a corrupt part: rebuilt)
    return value


def _encoded(state: dict, name: str):
    """A section as the file stores it: a lazy one as its marshal bytes (as read, if unused)."""
    value = state[name]
    return marshal.dumps(value) if name in _LAZY and not isinstance(value, bytes) else value
_KEEP_SAVES = 20


def _prune(state: dict) -> None:
    """Drop the entries no run used in the last ``_KEEP_SAVES`` saves (edited rules leave
    their old patterns behind; the file should not grow forever). Each run uses only the
    patterns its lines need, so one run's use alone is not a reason to drop the rest."""
    for name in (*_SECTIONS, "last_used"):
        _decoded(state, name)
    save = state["saves"] = state["saves"] + 1
    last_used = state["last_used"]
    last_used.update((entry, save) for entry in state["used"])
    for section in _SECTIONS:
        state[section] = {key: value for key, value in state[section].items()
                          if last_used.get((section, key), save) > save - _KEEP_SAVES}
    state["last_used"] = {entry: n for entry, n in last_used.items() if n > save - _KEEP_SAVES}
    _bound_code(state, save)


# The compiled code a run of the catalogue uses, in every mode, is about 1.5 MB. Each other
# rule set (another ``ignore``, a site's learned rules) has joined screens of its own, as
# large, and every run reads the whole file: beyond this size, the code used least
# recently goes first (never what this run used).
_MAX_CODE_BYTES = 4_000_000


def _bound_code(state: dict, save: int) -> None:
    regex, last_used = state["regex"], state["last_used"]
    sizes = {key: len(marshal.dumps(code)) for key, code in regex.items()}
    total = sum(sizes.values())
    for key in sorted(regex, key=lambda key: last_used.get(("regex", key), save)):
        if total <= _MAX_CODE_BYTES or last_used.get(("regex", key), save) == save:
            break
        del regex[key]
        total -= sizes[key]


_UNUSED_DAYS = 30
_DAY = 86400


def _mark_read(path: str) -> None:
    """Bring the file's modification time up to date (at most once a day) so that a file
    that is read but never rewritten does not look abandoned."""
    now = time.time()
    if os.stat(path).st_mtime < now - _DAY:
        try:
            os.utime(path, (now, now))
        except OSError:
            pass  # a read-only cache: it will not be pruned by this run either


def _remove_abandoned(folder: str, current: str) -> None:
    """Delete the cache files of other installations no run has read for ``_UNUSED_DAYS``
    days, and temporary files a crashed save left behind."""
    now = time.time()
    for entry in os.scandir(folder):
        abandoned = (entry.name.startswith("rules-") and entry.name.endswith(".marshal")
                     and entry.path != current and entry.stat().st_mtime < now - _UNUSED_DAYS * _DAY)
        crashed = entry.name.startswith(".rules-") and entry.name.endswith(".tmp") and entry.stat().st_mtime < now - _DAY
        if abandoned or crashed:
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def load_toml(path: str, parse) -> dict:
    """``parse(path)``, or the data cached for this file if its size and mtime match."""
    state = _load()
    stat = os.stat(path)
    key, stamp = os.path.realpath(path), (stat.st_mtime_ns, stat.st_size)
    state["used"].add(("toml", key))
    cached = state["toml"].get(key)
    if cached is not None and tuple(cached[0]) == stamp:
        return cached[1]
    data = parse(path)
    try:
        marshal.dumps(data)  # only plain data is cached (a TOML date, say, is not)
    except ValueError:
        return data
    state["toml"][key] = (stamp, data)
    state["dirty"] = True
    return data


def memo(key: str, compute, section: str = "memo"):
    """``compute()``, or its value from an earlier run (for plain data derived from patterns).
    Kept apart for each regex engine: what is derived from parse trees differs without them.
    ``section="engine"``: a memo of the compiled prefilter, read from the file only when
    the prefilter is built."""
    state = _load()
    key = f"{re_internals.ENGINE.name}:{key}"
    state["used"].add((section, key))
    memos = _decoded(state, section)
    if key in memos:
        return memos[key]
    value = memos[key] = compute()
    state["dirty"] = True
    return value


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, reusing the compiled code of an earlier run when the
    regex engine (:data:`cleaner.re_internals.ENGINE`) has code to keep."""
    flags = int(flags)
    engine = re_internals.ENGINE
    state = _load()
    key = f"{flags}:{pattern}"
    code = state["regex"].get(key)
    if code is not None:
        try:
            compiled = engine.rebuild(pattern, code)
            state["used"].add(("regex", key))
            return compiled
        except Exception:  # noqa: BLE001 - the plain engine, or code of an incompatible engine: compile anew
            pass
    try:
        compiled, code = engine.compile(pattern, flags)
    except re.error:
        raise
    except Exception:  # noqa: BLE001 - internals that fail on this pattern: the public way
        return re.compile(pattern, flags)
    if code is not None:
        state["used"].add(("regex", key))
        state["regex"][key] = code
        state["dirty"] = True
    return compiled
