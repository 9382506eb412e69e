"""User-facing errors: one line, naming where the problem is; the CLI maps them to exit 2."""

from __future__ import annotations


class ProbeInputError(Exception):
    """Bad input (a file, a field, a target). ``str()`` is the whole one-line message."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = " ".join(str(message).split())  # keep it on one line
        super().__init__(f"{where}: {self.message}")


class TargetFatalError(Exception):
    """A target answered in a way that retrying cannot fix (400/401/403/404)."""

    def __init__(self, target: str, message: str) -> None:
        self.target = target
        self.message = " ".join(str(message).split())
        super().__init__(f"target {target!r}: {self.message}")
