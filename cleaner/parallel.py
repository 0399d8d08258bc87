"""Cleaning in parallel, in order, with bounded memory: a process pool with one Cleaner per
worker (``Cleaner.clean_many``; the batch edges use the same pool for files and JSONL).

>>> list(chunked(range(5), 2))
[[0, 1], [2, 3], [4]]
>>> list(ordered_map(str, [1, 2, 3], jobs=1))
['1', '2', '3']
"""
from __future__ import annotations

from collections import deque

IN_FLIGHT = 4  # tasks per worker queued ahead


def ordered_map(function, items, jobs: int, initializer=None, initargs=()):
    """``map(function, items)`` in order; with ``jobs > 1`` in a process pool, at most
    ``jobs * IN_FLIGHT`` items pending, so a long iterator is never read ahead entirely."""
    if jobs <= 1:
        if initializer:
            initializer(*initargs)
        yield from map(function, items)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, initializer=initializer, initargs=initargs) as pool:
        pending: deque = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= jobs * IN_FLIGHT:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def chunked(iterable, size: int):
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- worker side of Cleaner.clean_many: one Cleaner per process, built by the initializer ----

_cleaner = None


def init_cleaner(config) -> None:
    global _cleaner
    from .pipeline import Cleaner

    _cleaner = Cleaner(config)


def clean_chunk(texts: list[str]) -> list[str]:
    """Clean texts in the worker (no trace): what ``Cleaner.clean_many`` sends."""
    return [_cleaner.clean(text) for text in texts]
