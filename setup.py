"""Optional compiled speed-ups for the claim classifier's rule path (all metadata lives in pyproject.toml).

Cython compiles the listed modules from their own ``.py`` sources, unchanged (annotations are not used as C
types, so the compiled code keeps Python's semantics). Without Cython or a C compiler the build goes on and
the classifier runs as plain Python; ``probe/classify/compiled.py`` also keeps a stale compiled copy from
ever running.
"""

import os
import runpy

from setuptools import setup
from setuptools.command.build_ext import build_ext

MODULES = runpy.run_path("probe/classify/compiled.py")["MODULES"]


class OptionalBuildExt(build_ext):
    """A failed compile is a slower classifier, not a failed install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - any compiler or toolchain failure
            self.warn(f"compiled classifier skipped, running as plain Python: {exc}")

    def build_extension(self, ext) -> None:  # noqa: ANN001
        try:
            super().build_extension(ext)
        except Exception as exc:  # noqa: BLE001
            self.warn(f"{ext.name} not compiled, runs as plain Python: {exc}")


def extensions() -> list:
    if os.environ.get("PROBE_NO_COMPILE") == "1":  # a second venv of the same Python shares the first one's copies
        return []
    try:
        from Cython.Build import cythonize
    except ImportError:
        return []
    sources = [f"probe/classify/{name}.py" for name in MODULES]
    return cythonize(sources, language_level=3, quiet=True, compiler_directives={"annotation_typing": False})


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})
