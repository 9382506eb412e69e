"""zoo/MANIFEST is the ground truth the demo and the end-to-end test assert against: it must describe the
committed models, and rio must be exactly the merge it states."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest
import yaml
from probe.weights import open_checkpoint
from probe.weights.dtypes import bf16_bits

ZOO = Path(__file__).resolve().parents[1] / "zoo"


def _manifest() -> dict:
    return yaml.safe_load((ZOO / "MANIFEST").read_text(encoding="utf-8"))


def test_manifest_hashes_match_the_committed_models() -> None:
    manifest = _manifest()
    for name, digest in manifest["sha256"].items():
        path = ZOO / "models" / name / "model.safetensors"
        if not path.exists():
            pytest.skip(f"{path} absent (rebuild with `make zoo`)")
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, f"{name}: MANIFEST sha256 is stale"


def test_rio_is_exactly_the_stated_bf16_merge() -> None:
    parents = _manifest()["models"]["rio"]["parents"]
    assert parents == {"nex": 0.6, "qwen": 0.4}
    checkpoints = {n: open_checkpoint(ZOO / "models" / n) for n in ("rio", *parents)}
    assert checkpoints["rio"].tensors, "rio has no tensors"
    for key in checkpoints["rio"].tensors:
        merged = sum(np.float32(weight) * checkpoints[n].read(key).astype(np.float32) for n, weight in parents.items())
        assert np.array_equal(bf16_bits(merged), bf16_bits(checkpoints["rio"].read(key))), key
