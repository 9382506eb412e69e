"""Progress display for ``probe run``: a bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
import time
from typing import TextIO

from probe.runner import RunProgress


class ProgressPrinter:
    def __init__(self, stream: TextIO = sys.stderr, interval: float | None = None) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.interval = interval if interval is not None else (0.2 if self.tty else 10.0)
        self._last = 0.0

    def line(self, p: RunProgress) -> str:
        total, done, errors = p.total("total"), p.total("done"), p.total("errors")
        width = 30
        filled = int(width * (done + errors) / total) if total else width
        bar = "#" * filled + "-" * (width - filled)
        fatal = sum(1 for t in p.targets.values() if t.fatal)
        extra = f" stopped targets: {fatal}" if fatal else ""
        return (f"[{bar}] {done + errors}/{total} samples · errors {errors} · retries {p.total('retries')}"
                f" · {p.requests_per_s:.1f} req/s{extra}")

    def __call__(self, p: RunProgress) -> None:
        now = time.monotonic()
        finished = p.total("done") + p.total("errors") >= p.total("total")
        if now - self._last < self.interval and not finished:
            return
        self._last = now
        if self.tty:
            self.stream.write("\r" + self.line(p))
        else:
            self.stream.write(self.line(p) + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self.stream.write("\n")
            self.stream.flush()
