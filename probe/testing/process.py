"""Start the protocol test server as a real subprocess on loopback (tests and benchmarks)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def test_server(*args: str, env: dict[str, str] | None = None) -> Iterator[str]:
    """Yield the base URL (``http://127.0.0.1:PORT/v1``) of a freshly started test server."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "probe.testing.server", "--port", "0", *args],
        stdout=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}, start_new_session=True,
    )
    try:
        line = proc.stdout.readline() if proc.stdout else ""
        if not line.startswith("PORT "):
            raise RuntimeError(f"test server did not start (said {line!r})")
        yield f"http://127.0.0.1:{int(line.split()[1])}/v1"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
