"""A one-line progress display on stderr: documents, MB, MB/s and, when the size is known, ETA;
for one large file, the step its cleaning is at and the time it has taken.

It draws only when stderr is a terminal (and not with ``--quiet``), at most five times a
second, so it costs nothing in pipelines and logs; the cleaned text never passes through it.

>>> import time
>>> progress = Progress(enabled=False)
>>> progress.step("big.txt", 214_800_000, "classify", 40_960, 102_400)
>>> progress.line(now=time.monotonic() + 75)  # 75 s later
'big.txt  214.8 MB  classify 40%  1:15'
"""
from __future__ import annotations

import sys
import time

REFRESH = 0.2  # seconds between two drawings
SHOW_AFTER = 1.0  # seconds: the clean command's files show progress only once this has passed


class Progress:
    """``delay``: draw nothing until this many seconds have passed (a file that cleans at
    once shows no progress at all)."""

    def __init__(self, total_bytes: int | None = None, enabled: bool | None = None, stream=None,
                 delay: float = 0.0):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total = total_bytes
        self.docs = 0
        self.bytes = 0
        self.start = time.monotonic()
        self.delay = delay
        self.drawn = False  # (ever)
        self._on_screen = False  # a line without its newline is on screen
        self.current = ""  # the large file being cleaned and its step, e.g. "big.txt  214.8 MB  classify 40%"
        self._current_start = self.start
        self._last = 0.0
        self._lock = _lock() if self.enabled else _NoLock()  # (a display that never draws has no thread)

    def advance(self, nbytes: int, docs: int = 1) -> None:
        self.docs += docs
        self.bytes += nbytes
        self.current = ""
        self._draw()

    def step(self, name: str, size: int, step: str, done: int, total: int) -> None:
        """The file ``name`` (``size`` bytes) is at ``step`` of its cleaning (``done`` of
        ``total``; 0: no count): the signature of :data:`cleaner.stages.Progress` with the
        file in front."""
        if not self.current:
            self._current_start = time.monotonic()
        share = f" {min(100, 100 * done // total)}%" if total else ""
        self.current = f"{name}  {size / 1e6:.1f} MB  {step}{share}"
        self._draw()

    def line(self, now: float | None = None) -> str:
        """The status text, e.g. ``1,200 docs  3.1 MB  2.4 MB/s  40%  ETA 0:04``; while a
        large file is cleaned, its step and the time it has taken."""
        now = now or time.monotonic()
        if self.current:
            taken = now - self._current_start
            ahead = f"{self.docs:,} docs done  " if self.docs else ""
            return f"{ahead}{self.current}  {int(taken // 60)}:{int(taken % 60):02}"
        elapsed = max(now - self.start, 1e-9)
        rate = self.bytes / elapsed
        text = f"{self.docs:,} docs  {self.bytes / 1e6:.1f} MB  {rate / 1e6:.1f} MB/s"
        if self.total and rate > 0:
            left = max(self.total - self.bytes, 0) / rate
            text += f"  {min(100, 100 * self.bytes // self.total)}%  ETA {int(left // 60)}:{int(left % 60):02}"
        return text

    def ticking(self) -> "_Ticker":
        """A context in which the line is redrawn every :data:`REFRESH` seconds, so that the
        time taken moves on while one step runs long (a duplicate pass over 200 MB)."""
        return _Ticker(self)

    def clear(self) -> None:
        """Erase the line, before anything else is printed (the cleaned text on a terminal,
        a message), and stop showing the file's step."""
        with self._lock:
            self.current = ""
            if self._on_screen:
                self.stream.write("\r\x1b[K")
                self.stream.flush()
                self._on_screen = False

    def finish(self) -> None:
        """The last line, kept on screen (only if the display was drawn at all)."""
        self.current = ""
        if self.enabled and (self.drawn or not self.delay):
            with self._lock:
                self.stream.write("\r" + self.line() + "\x1b[K\n")
                self.stream.flush()
                self._on_screen = False

    def _draw(self, only_a_step: bool = False) -> None:
        now = time.monotonic()
        if self.enabled and now - self._last >= REFRESH and now - self.start >= self.delay:
            with self._lock:
                if only_a_step and not self.current:
                    return  # (the file is done: its step is no longer news)
                self._last = now
                self.drawn = self._on_screen = True
                self.stream.write("\r" + self.line(now) + "\x1b[K")
                self.stream.flush()


def _lock():
    import threading  # (only a display that draws needs it: not imported at start-up)

    return threading.Lock()


class _NoLock:
    """The lock of a display that never draws: no second thread ever takes it."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc) -> None:
        return None


class _Ticker:
    def __init__(self, progress: Progress):
        self.progress = progress
        self.thread = None
        if progress.enabled:
            import threading

            self.stop = threading.Event()
            self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Progress:
        if self.thread is not None:
            self.thread.start()
        return self.progress

    def __exit__(self, *exc) -> None:
        if self.thread is not None:
            self.stop.set()
            self.thread.join()

    def _run(self) -> None:
        while not self.stop.wait(REFRESH):
            self.progress._draw(only_a_step=True)
