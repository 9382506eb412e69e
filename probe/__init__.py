"""identity-probe: ask a model who it is, at scale, and turn the answers into evidence."""

from __future__ import annotations

__version__ = "0.1.0"


def load(output_dir):  # noqa: ANN001 - re-exported API, typed in probe.store
    """Load a run directory's responses as a pandas DataFrame (one row per sample)."""
    from probe.store import load_responses

    return load_responses(output_dir)


__all__ = ["load", "__version__"]
