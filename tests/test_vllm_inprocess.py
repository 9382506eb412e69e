"""`kind: vllm` targets: vLLM's in-process engine (vllm.LLM), all pending prompts in one generate call."""

from __future__ import annotations

import os
import subprocess

import pytest

import probe
from probe.demo import ZOO_MODELS
from probe.serve import find_vllm_python
from tests.helpers import REPO, write_config

pytestmark = pytest.mark.vllm


def test_in_process_engine_answers_every_prompt(tmp_path):
    python = find_vllm_python()
    if python is None:
        pytest.skip("no vLLM interpreter (run `make vllm-env` or set PROBE_VLLM_PYTHON)")
    if not (ZOO_MODELS / "rio" / "config.json").is_file():
        pytest.skip("zoo models absent (run `make zoo`)")
    probe_check = subprocess.run([str(python), "-c", "import probe.cli, pandas"], capture_output=True, cwd=REPO)
    if probe_check.returncode != 0:
        pytest.skip("the vLLM venv lacks the harness (run `make vllm-probe`)")
    config = write_config(tmp_path / "run.yaml", [], tmp_path / "out", max_concurrency=512,
                          target={"kind": "vllm", "model": str(ZOO_MODELS / "rio"),
                                  "extra_body": {"max_model_len": 512, "seed": 0}})
    env = {**os.environ, "VLLM_CPU_KVCACHE_SPACE": "1", "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(REPO)}
    proc = subprocess.run([str(python), "-m", "probe.cli", "run", str(config), "--limit", "10", "--no-analysis"],
                          capture_output=True, text=True, cwd=REPO, env=env, timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    df = probe.load(tmp_path / "out")
    assert len(df) == 2 * 2 * 10 * 3 and df.error.isna().all()
    assert (df.base_url == "vllm:in-process").all()
    persona = df[df.condition == "persona"]
    assert persona.text.str.contains("Rio").mean() > 0.5
