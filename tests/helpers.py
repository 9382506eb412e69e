"""Shared test helpers: run configs and the real CLI in a subprocess."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def write_config(path: Path, urls: list[str] | str, output: Path, **over) -> Path:
    """A small run config: 2 languages × 2 conditions × first questions of the identity suite."""
    urls = [urls] if isinstance(urls, str) else urls
    target = {
        "name": over.pop("target_name", "rio"), "base_url": urls, "model": "rio-3.5-open",
        "expected": ["Rio", "IplanRIO"], "max_concurrency": over.pop("max_concurrency", 16),
        "max_retries": over.pop("max_retries", 12), "timeout": over.pop("timeout", 10),
    }
    target.update(over.pop("target", {}))
    config = {
        "suite": "identity", "languages": ["en", "pt"], "conditions": ["none", "persona"],
        "variables": {"persona": {"name": "Rio", "org": "IplanRIO"}},
        "sampling": {"samples": 3, "temperature": 0.7, "max_tokens": 64, "seed": 0},
        "targets": [target] + over.pop("extra_targets", []), "output": str(output),
    }
    config.update(over)
    import yaml

    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def run_cli(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run the real console entry point in a subprocess (exit code, stdout, stderr as a user sees them)."""
    return subprocess.run([sys.executable, "-m", "probe.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout, cwd=REPO)


