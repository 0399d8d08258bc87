"""A one-line progress display on stderr: documents, MB, MB/s and, when the size is known, ETA.

It draws only when stderr is a terminal (and not with ``--quiet``), at most five times a
second, so it costs nothing in pipelines and logs.
"""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total_bytes: int | None = None, enabled: bool | None = None, stream=None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total_bytes
        self.docs = 0
        self.bytes = 0
        self.start = time.monotonic()
        self._last = 0.0

    def advance(self, nbytes: int, docs: int = 1) -> None:
        self.docs += docs
        self.bytes += nbytes
        now = time.monotonic()
        if self.enabled and now - self._last >= 0.2:
            self._last = now
            self.stream.write("\r" + self.line(now) + "\x1b[K")
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        """The status text, e.g. ``1,200 docs  3.1 MB  2.4 MB/s  40%  ETA 0:04``."""
        elapsed = max((now or time.monotonic()) - self.start, 1e-9)
        rate = self.bytes / elapsed
        text = f"{self.docs:,} docs  {self.bytes / 1e6:.1f} MB  {rate / 1e6:.1f} MB/s"
        if self.total and rate > 0:
            left = max(self.total - self.bytes, 0) / rate
            text += f"  {min(100, 100 * self.bytes // self.total)}%  ETA {int(left // 60)}:{int(left % 60):02}"
        return text

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\r" + self.line() + "\x1b[K\n")
            self.stream.flush()
