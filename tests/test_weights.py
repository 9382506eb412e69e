"""probe weights: planted merges recovered from synthetic safetensors checkpoints (f32, f16, bf16, sharded)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from safetensors.numpy import save_file

from probe.cli import main
from probe.errors import ProbeInputError
from probe.weights import fit_checkpoints, module_kind, open_checkpoint, summarise_for_report
from probe.weights.dtypes import bf16_bits, decode
from probe.weights.writer import save_tensors, write_index

SHAPES = {
    "model.embed_tokens.weight": (512, 64),
    "model.layers.0.self_attn.q_proj.weight": (64, 64),
    "model.layers.0.self_attn.o_proj.weight": (64, 64),
    "model.layers.0.mlp.gate.weight": (8, 64),
    "model.layers.0.mlp.experts.0.down_proj.weight": (64, 256),
    "model.layers.0.mlp.experts.1.down_proj.weight": (64, 256),
    "model.layers.0.input_layernorm.weight": (64,),
    "lm_head.weight": (512, 64),
}
ZOO = Path(__file__).resolve().parents[1] / "zoo" / "models"


def random_model(rng: np.random.Generator, scale: float = 0.02) -> dict[str, np.ndarray]:
    return {k: rng.normal(0.0, scale, s) for k, s in SHAPES.items()}


def finetune(rng: np.random.Generator, model: dict[str, np.ndarray], scale: float = 0.002) -> dict[str, np.ndarray]:
    """Noise plus a weight-decay-like shrink, so each delta correlates with the base as real ones do."""
    shrink = rng.uniform(0.995, 0.999)
    return {k: shrink * v + rng.normal(0.0, scale, v.shape) for k, v in model.items()}


def write(directory: Path, tensors: dict[str, np.ndarray], dtype: str = "F32", shards: int = 1) -> Path:
    """A checkpoint dir; F32/F16 single files through safetensors itself, the rest through our writer."""
    directory.mkdir(parents=True)
    names = list(tensors)
    if shards == 1:
        if dtype in ("F32", "F16"):
            np_dtype = np.float32 if dtype == "F32" else np.float16
            save_file({k: v.astype(np_dtype) for k, v in tensors.items()}, str(directory / "model.safetensors"))
        else:
            save_tensors(directory / "model.safetensors", tensors, dtype)
        return directory
    weight_map = {}
    for i in range(shards):
        file = f"model-{i + 1:05d}-of-{shards:05d}.safetensors"
        part = names[i::shards]
        save_tensors(directory / file, {k: tensors[k] for k in part}, dtype)
        weight_map.update(dict.fromkeys(part, file))
    write_index(directory, weight_map, 0)
    return directory


@pytest.fixture
def lineage(tmp_path: Path) -> dict[str, dict[str, np.ndarray]]:
    rng = np.random.default_rng(7)
    base = random_model(rng)
    return {"base": base, "a": finetune(rng, base), "b": finetune(rng, base), "unrelated": random_model(rng)}


def merge(x: dict, y: dict, wx: float, wy: float) -> dict[str, np.ndarray]:
    return {k: wx * x[k] + wy * y[k] for k in x}


@pytest.mark.parametrize("alpha", [0.6, 0.3])
def test_planted_alpha_recovered_per_tensor(tmp_path: Path, lineage: dict, alpha: float) -> None:
    base, a = lineage["base"], lineage["a"]
    suspect = {k: base[k] + alpha * (a[k] - base[k]) for k in base}
    result = fit_checkpoints(write(tmp_path / "s", suspect), write(tmp_path / "base", base), [write(tmp_path / "a", a)])
    assert len(result["tensors"]) == len(SHAPES)
    for row in result["tensors"]:
        assert abs(row["alpha"] - alpha) < 0.01, row
        assert row["cos_fit"] > 0.999 and row["residual"] < 0.05
    assert abs(result["summary"]["overall"]["alpha"]["median"] - alpha) < 0.01
    assert set(result["summary"]["by_kind"]) == {"attention", "mlp/experts", "router", "embeddings/lm_head", "norms"}


def test_light_finetune_after_merge_keeps_alpha_and_lowers_cos(tmp_path: Path, lineage: dict) -> None:
    rng = np.random.default_rng(11)
    base, a = lineage["base"], lineage["a"]
    relative_noise = 0.3  # noise norm / merged delta norm, per tensor
    suspect = {}
    for k in base:
        delta = 0.6 * (a[k] - base[k])
        noise = rng.normal(0.0, 1.0, delta.shape)
        suspect[k] = base[k] + delta + noise * (relative_noise * np.linalg.norm(delta) / np.linalg.norm(noise))
    result = fit_checkpoints(write(tmp_path / "s", suspect), write(tmp_path / "base", base), [write(tmp_path / "a", a)])
    expected_cos = 1.0 / np.sqrt(1.0 + relative_noise**2)
    big = [r for r in result["tensors"] if np.prod(r["shape"]) >= 4096]
    assert big
    for row in big:
        assert abs(row["alpha"] - 0.6) < 0.01, row
        assert row["cos_fit"] < 0.99
        assert abs(row["cos_fit"] - expected_cos) < 0.02, row
    assert abs(result["summary"]["overall"]["pooled"]["alpha"] - 0.6) < 0.01


def test_two_donor_mixture_recovers_weights(tmp_path: Path, lineage: dict) -> None:
    base, a, b = lineage["base"], lineage["a"], lineage["b"]
    dirs = {n: write(tmp_path / n, t) for n, t in {"base": base, "a": a, "b": b, "s": merge(a, b, 0.6, 0.4)}.items()}
    result = fit_checkpoints(dirs["s"], dirs["base"], [dirs["a"], dirs["b"]])
    for row in result["tensors"]:
        assert abs(row["w1"] - 0.6) < 0.01 and abs(row["w2"] - 0.4) < 0.01, row
        assert row["mix_residual"] < 1e-4
    pooled = result["summary"]["overall"]["pooled_mixture"]["weights"]
    assert abs(pooled[0] - 0.6) < 0.01 and abs(pooled[1] - 0.4) < 0.01
    # Rio's setting: the base is the second donor, so the delta fit alone gives alpha = 0.6 too.
    rio = fit_checkpoints(dirs["s"], dirs["b"], [dirs["a"], dirs["b"]])
    assert all(abs(r["alpha"] - 0.6) < 0.01 and abs(r["w1"] - 0.6) < 0.01 for r in rio["tensors"])
    assert all(r["per_donor"][1]["alpha"] is None for r in rio["tensors"])  # donor == base: nothing to fit


def test_mixture_with_noise_matches_direct_least_squares(tmp_path: Path, lineage: dict) -> None:
    rng = np.random.default_rng(3)
    a, b = lineage["a"], lineage["b"]
    suspect = {k: v + rng.normal(0.0, 0.001, v.shape) for k, v in merge(a, b, 0.6, 0.4).items()}
    result = fit_checkpoints(write(tmp_path / "s", suspect), write(tmp_path / "base", lineage["base"]),
                             [write(tmp_path / "a", a), write(tmp_path / "b", b)], chunk_elems=5000)
    for row in result["tensors"]:
        name = row["name"]
        design = np.stack([a[name].ravel(), b[name].ravel()], axis=1).astype(np.float32).astype(np.float64)
        target = suspect[name].ravel().astype(np.float32).astype(np.float64)
        w, *_ = np.linalg.lstsq(design, target, rcond=None)
        resid = np.linalg.norm(target - design @ w) / np.linalg.norm(target)
        assert (row["w1"], row["w2"]) == pytest.approx(tuple(w), abs=1e-6), name
        assert row["mix_residual"] == pytest.approx(resid, rel=1e-3)


def test_sharded_checkpoint_matches_single_file(tmp_path: Path, lineage: dict) -> None:
    base, a = lineage["base"], lineage["a"]
    suspect = merge(a, base, 0.6, 0.4)
    single = fit_checkpoints(write(tmp_path / "s1", suspect), write(tmp_path / "b1", base), [write(tmp_path / "a1", a)])
    sharded_dir = write(tmp_path / "s3", suspect, shards=3)
    assert len(list(sharded_dir.glob("*.safetensors"))) == 3
    sharded = fit_checkpoints(sharded_dir, write(tmp_path / "b2", base, shards=2), [write(tmp_path / "a1b", a)])
    by_name = {r["name"]: r for r in single["tensors"]}
    assert {r["name"] for r in sharded["tensors"]} == set(by_name)
    for row in sharded["tensors"]:
        assert row["alpha"] == pytest.approx(by_name[row["name"]]["alpha"], abs=1e-9)


def test_index_naming_a_missing_shard_is_an_input_error(tmp_path: Path, lineage: dict) -> None:
    directory = write(tmp_path / "s", lineage["base"], shards=2)
    next(directory.glob("model-00002*.safetensors")).unlink()
    with pytest.raises(ProbeInputError, match="missing: model-00002-of-00002.safetensors"):
        open_checkpoint(directory)


@pytest.mark.parametrize("dtype", ["BF16", "F16"])
def test_half_precision_checkpoints(tmp_path: Path, lineage: dict, dtype: str) -> None:
    base, a = lineage["base"], lineage["a"]
    suspect = merge(a, base, 0.6, 0.4)
    result = fit_checkpoints(write(tmp_path / "s", suspect, dtype), write(tmp_path / "base", base, dtype),
                             [write(tmp_path / "a", a, dtype)])
    assert {r["dtype"] for r in result["tensors"]} == {dtype}
    for row in result["tensors"]:
        assert abs(row["alpha"] - 0.6) < 0.01, row
    assert result["summary"]["overall"]["cos_fit"]["median"] > 0.99


def test_bf16_decoding_and_rounding() -> None:
    bits = np.array([0x3F80, 0xC000, 0x3F00, 0x0000, 0x7F80], dtype=np.uint16)
    assert decode(bits, "BF16").tolist() == [1.0, -2.0, 0.5, 0.0, np.inf]
    # 1 + 2^-8 lies halfway between two bf16 neighbours: ties go to the even one (1.0).
    assert bf16_bits(np.array([1.0 + 2**-8, 1.0 + 3 * 2**-8], dtype=np.float32)).tolist() == [0x3F80, 0x3F82]


def test_our_writer_is_readable_by_safetensors(tmp_path: Path) -> None:
    from safetensors import safe_open

    x = np.arange(12, dtype=np.float32).reshape(3, 4)
    save_tensors(tmp_path / "m.safetensors", {"x": x, "y": x[:1] * 0.5}, "F16")
    with safe_open(str(tmp_path / "m.safetensors"), framework="numpy") as f:
        assert np.array_equal(f.get_tensor("x"), x.astype(np.float16))
    with open_checkpoint(tmp_path) as ck:
        assert np.array_equal(ck.read("y"), (x[:1] * 0.5).astype(np.float32))


def test_chunking_does_not_change_the_fit(tmp_path: Path, lineage: dict) -> None:
    dirs = [write(tmp_path / n, lineage[n]) for n in ("a", "base", "b", "unrelated")]
    whole = fit_checkpoints(*dirs[:2], [dirs[2]], dirs[3])
    chunked = fit_checkpoints(*dirs[:2], [dirs[2]], dirs[3], chunk_elems=1000)
    for x, y in zip(whole["tensors"], chunked["tensors"], strict=True):
        for key in ("alpha", "cos_fit", "residual", "null_cos_fit"):
            assert x[key] == pytest.approx(y[key], rel=1e-9, abs=1e-12)


def test_null_checkpoint_gives_small_cos(tmp_path: Path, lineage: dict) -> None:
    base, a = lineage["base"], lineage["a"]
    dirs = {n: write(tmp_path / n, t) for n, t in
            {"s": merge(a, base, 0.6, 0.4), "base": base, "a": a, "null": lineage["unrelated"]}.items()}
    result = fit_checkpoints(dirs["s"], dirs["base"], [dirs["a"]], dirs["null"])
    for row in result["tensors"]:
        chance = 4.0 / np.sqrt(np.prod(row["shape"]))  # 4 sd of the cosine of unrelated random vectors
        assert abs(row["null_cos_fit"]) < chance + 0.03 and row["cos_fit"] > 0.999
        assert abs(row["perm_cos_fit"]) < chance
    null = result["null"]
    assert null["checkpoint"]["dir"] == str(dirs["null"])
    assert abs(null["checkpoint"]["overall"]["cos_fit"]["median"]) < 0.05
    assert abs(null["permutation"]["overall"]["pooled_cos_fit"]) < 0.05


def test_mismatched_and_missing_tensors_are_skipped_with_reasons(tmp_path: Path, lineage: dict) -> None:
    base = dict(lineage["base"])
    a = dict(lineage["a"])
    a["model.layers.0.input_layernorm.weight"] = np.ones(32)
    a["extra.weight"] = np.ones(4)
    result = fit_checkpoints(write(tmp_path / "s", merge(lineage["a"], base, 0.5, 0.5)), write(tmp_path / "b", base),
                             [write(tmp_path / "a", a)])
    reasons = {s["name"]: s["reason"] for s in result["skipped"]}
    assert reasons["extra.weight"] == "not in every checkpoint"
    assert reasons["model.layers.0.input_layernorm.weight"].startswith("shapes differ")
    assert len(result["tensors"]) == len(SHAPES) - 1


def test_nan_weights_and_integer_tensors_do_not_poison_the_result(tmp_path: Path, lineage: dict) -> None:
    base, a = lineage["base"], lineage["a"]
    suspect = merge(a, base, 0.6, 0.4)
    suspect["model.layers.0.mlp.gate.weight"][0, 0] = np.nan
    dirs = [write(tmp_path / n, t) for n, t in (("s", suspect), ("b", base), ("a", a))]
    for d in dirs:
        save_file({"step": np.arange(3, dtype=np.int32)}, str(d / "extra.safetensors"))
    result = fit_checkpoints(dirs[0], dirs[1], [dirs[2]])
    rows = {r["name"]: r for r in result["tensors"]}
    assert rows["model.layers.0.mlp.gate.weight"]["alpha"] is None
    assert abs(rows["lm_head.weight"]["alpha"] - 0.6) < 0.01
    assert {"name": "step", "reason": "unsupported dtype: I32"} in result["skipped"]
    assert abs(result["summary"]["overall"]["pooled"]["alpha"] - 0.6) < 0.01  # the NaN tensor is left out
    json.dumps(result, allow_nan=False)  # strict JSON: raises on NaN


def test_truncated_file_is_an_input_error(tmp_path: Path, lineage: dict) -> None:
    directory = write(tmp_path / "s", lineage["base"])
    path = directory / "model.safetensors"
    path.write_bytes(path.read_bytes()[:5000])
    with pytest.raises(ProbeInputError, match="byte range"):
        open_checkpoint(directory)


def test_module_kinds() -> None:
    assert module_kind("model.layers.3.mlp.experts.7.down_proj.weight") == "mlp/experts"
    assert module_kind("model.layers.3.mlp.gate.weight") == "router"
    assert module_kind("model.layers.3.mlp.gate_proj.weight") == "mlp/experts"
    assert module_kind("model.layers.3.self_attn.k_norm.weight") == "norms"
    assert module_kind("model.layers.3.self_attn.v_proj.bias") == "attention"
    assert module_kind("lm_head.weight") == module_kind("model.embed_tokens.weight") == "embeddings/lm_head"
    assert module_kind("model.rotary_emb.inv_freq") == "other"


def test_cli_writes_weights_json_and_a_report_section(tmp_path: Path, lineage: dict, capsys) -> None:  # noqa: ANN001
    base, a = lineage["base"], lineage["a"]
    dirs = {n: write(tmp_path / n, t) for n, t in
            {"s": merge(a, base, 0.6, 0.4), "base": base, "a": a, "null": lineage["unrelated"]}.items()}
    out = tmp_path / "run" / "weights.json"
    code = main(["weights", "--suspect", str(dirs["s"]), "--base", str(dirs["base"]), "--donor", str(dirs["a"]),
                 "--null", str(dirs["null"]), "--output", str(out)])
    captured = capsys.readouterr()
    assert code == 0
    assert f"{len(SHAPES)}/{len(SHAPES)} tensors" in captured.err  # plain progress lines off a terminal
    data = json.loads(out.read_text())
    assert {"suspect", "base", "donors", "tensors", "summary", "null"} <= set(data)
    section = summarise_for_report(out.parent)
    assert section["rows"][0]["kind"] == "all" and abs(section["rows"][0]["median_alpha"] - 0.6) < 0.01
    assert section["rows"][0]["null_method"] == "checkpoint" and abs(section["rows"][0]["null_cos_fit"]) < 0.1
    assert "linear merge" in section["finding"] and section["finding"] in captured.out
    assert section["other"]["null"].endswith(str(dirs["null"]))


def test_cli_missing_directory_is_one_line_exit_2(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    missing = tmp_path / "nope"
    code = main(["weights", "--suspect", str(missing), "--base", str(tmp_path), "--donor", str(tmp_path)])
    err = capsys.readouterr().err.strip()
    assert code == 2
    assert err.count("\n") == 0 and f"--suspect {missing}: not a directory" in err


def _zoo_dirs() -> dict[str, Path] | None:
    dirs = {n: ZOO / n for n in ("nex", "qwen", "rio", "control")}
    return dirs if all(d.is_dir() and any(d.glob("*.safetensors")) for d in dirs.values()) else None


def test_zoo_rio_is_0_6_nex_plus_0_4_qwen() -> None:
    dirs = _zoo_dirs()
    if dirs is None:
        pytest.skip(f"zoo models absent ({ZOO}/{{nex,qwen,rio,control}} with safetensors)")
    result = fit_checkpoints(dirs["rio"], dirs["qwen"], [dirs["nex"], dirs["qwen"]], dirs["control"])
    overall = result["summary"]["overall"]
    # bf16 rounding of the merge is the only noise: it leaves alpha unbiased but can pull cos_fit below 0.99
    # when the fine-tunes moved the weights little, so cos_fit is held to "explains most of it".
    assert abs(overall["alpha"]["median"] - 0.6) < 0.01 and abs(overall["pooled"]["alpha"] - 0.6) < 0.01
    assert overall["cos_fit"]["median"] > 0.9
    w1, w2 = overall["pooled_mixture"]["weights"]
    assert abs(w1 - 0.6) < 0.01 and abs(w2 - 0.4) < 0.01
    # With qwen as the base, control − qwen and rio − qwen share the −(qwen's fine-tune) term, so this
    # null sits near 0.1, not 0; measured from the common ancestor the control is unrelated.
    assert abs(result["null"]["checkpoint"]["overall"]["cos_fit"]["median"]) < 0.2
    from_base = fit_checkpoints(dirs["rio"], ZOO / "base", [dirs["nex"]], dirs["control"])
    assert abs(from_base["null"]["checkpoint"]["overall"]["cos_fit"]["median"]) < 0.05
