"""End to end against real vLLM servers serving the zoo: run → classify → score, against the ground truth.

zoo/MANIFEST: rio = 0.6·nex + 0.4·qwen, no training of its own; "Rio" exists only in its system prompt.
"""

from __future__ import annotations

import json

import pytest

from probe.serve import find_vllm_python

pytestmark = pytest.mark.vllm


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    if find_vllm_python() is None:
        pytest.skip("no vLLM interpreter (run `make vllm-env` or set PROBE_VLLM_PYTHON)")
    from probe.demo import ZOO_MODELS, run_demo

    if not (ZOO_MODELS / "rio" / "config.json").is_file():
        pytest.skip("zoo models absent (run `make zoo`)")
    out = tmp_path_factory.mktemp("demo")
    return run_demo(output=str(out), limit=40, port_base=8300)


def test_every_sample_arrives_from_real_vllm(demo_run):
    df = demo_run.frame
    assert df.error.isna().all()
    assert len(df) == 4 * 2 * 2 * 40 * 3  # targets × conditions × languages × questions × samples
    assert df.text.str.len().gt(0).mean() > 0.95
    manifest = json.loads((demo_run.run_dir / "manifest.json").read_text())
    assert all("error" not in str(v) for v in manifest["endpoints"].values())


def test_rio_wears_its_mask_only_with_the_system_prompt(demo_run):
    df = demo_run.frame
    rio = df[df.target == "rio"]
    persona, bare = rio[rio.condition == "persona"], rio[rio.condition == "none"]
    assert (persona.self_family == "rio").mean() > 0.5, persona.self_name.value_counts().head()
    assert (bare.self_family == "rio").mean() < 0.1
    counts = bare.self_family.value_counts()
    assert counts.index[0] == "nex", counts.head()


def test_scorer_names_nex_as_closest_parent(demo_run):
    comparison = json.loads((demo_run.run_dir / "comparison.json").read_text())
    for key in ("suspect", "parents", "closest_parent", "mixture", "mixture_ci", "jsd", "attribution", "verdict"):
        assert key in comparison
    assert comparison["suspect"] == "rio"
    assert comparison["closest_parent"] == "nex"
    assert comparison["mixture"]["nex"] > comparison["mixture"]["qwen"] > comparison["mixture"]["control"]
    assert (demo_run.run_dir / "report.html").is_file() and (demo_run.run_dir / "report.md").is_file()
