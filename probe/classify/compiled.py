"""Which classifier modules may run compiled, and a guard that never lets a stale compiled copy run.

``setup.py`` compiles the rule path's own ``.py`` sources with Cython when it can (the same code, faster);
everything works as plain Python without it. An editable checkout keeps the compiled copy beside its
source, so a source edited after the build would silently run old code: the finder below loads the
source instead whenever it is newer than its compiled copy, and always when ``PROBE_PURE_PYTHON=1``.
Keep this module free of imports from the package: ``setup.py`` reads ``MODULES`` from it.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from pathlib import Path

# Not grammar.py: Cython computes ``1 << len(f)`` in C, which overflows past 63 cue fragments (it changed
# 1,791 of 4,701 corpus answers). The modules listed gave identical output on every corpus and gold answer.
MODULES = (
    "aliases", "classifier", "expected", "fastre", "makers", "normalize", "patternscan", "phrases", "result",
    "roleplay", "selfname", "stance", "stance_rules",
)
PACKAGE = "probe.classify"
_HERE = Path(__file__).resolve().parent


def _compiled_copy(short: str) -> Path | None:
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        path = _HERE / f"{short}{suffix}"
        if path.exists():
            return path
    return None


def stale_or_disabled(short: str) -> bool:
    """True when ``short`` must load from its source although a compiled copy exists."""
    compiled = _compiled_copy(short)
    if compiled is None:
        return False
    if os.environ.get("PROBE_PURE_PYTHON") == "1":
        return True
    source = _HERE / f"{short}.py"
    return source.exists() and source.stat().st_mtime > compiled.stat().st_mtime


class SourceWhenStale(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: object, target: object = None) -> importlib.machinery.ModuleSpec | None:
        package, _, short = name.rpartition(".")
        if package != PACKAGE or short not in MODULES or not stale_or_disabled(short):
            return None  # the normal finders: the compiled copy when there is a fresh one, else the source
        return importlib.util.spec_from_file_location(name, _HERE / f"{short}.py")


def install_guard() -> None:
    if not any(isinstance(f, SourceWhenStale) for f in sys.meta_path):
        sys.meta_path.insert(0, SourceWhenStale())


def compiled_modules() -> list[str]:
    """The classifier modules running compiled in this process."""
    loaded = (sys.modules.get(f"{PACKAGE}.{short}") for short in MODULES)
    return [m.__name__ for m in loaded if m is not None and isinstance(m.__loader__, importlib.machinery.ExtensionFileLoader)]
