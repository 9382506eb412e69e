"""Benchmark: `probe weights` streaming throughput and peak memory on generated multi-GB sharded checkpoints.

    .venv/bin/python bench/weights_stream.py [--size-gb 2.0] [--shard-gb 0.5] [--dir /tmp] [--keep]

Generates base, donor and suspect (= base + 0.6·(donor − base), bf16, Llama-like tensor layout, sharded with
model.safetensors.index.json) in a temporary directory, then measures in fresh subprocesses:
  * a plain sequential read of the same files in 16 MB blocks (the I/O ceiling),
  * the fit (probe.weights.fit_checkpoints),
each with a cold page cache (posix_fadvise DONTNEED on every file) and a warm one, and reports GB/s and the
fit's peak RSS (VmHWM) against the largest tensor's size. The generated files are deleted unless --keep.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from probe.weights.writer import SafetensorsWriter, TensorSpec, write_index

HIDDEN, INTERMEDIATE, VOCAB = 4096, 11008, 32000
BLOCK = 16 * 1024 * 1024


def layout(size_gb: float) -> list[TensorSpec]:
    """Embeddings + lm_head, then as many decoder layers as reach ``size_gb`` (bf16)."""
    specs = [TensorSpec("model.embed_tokens.weight", (VOCAB, HIDDEN), "BF16")]
    layer = 0
    while sum(s.nbytes for s in specs) + VOCAB * HIDDEN * 2 < size_gb * 1e9:
        p = f"model.layers.{layer}."
        specs += [TensorSpec(p + "input_layernorm.weight", (HIDDEN,), "BF16")]
        specs += [TensorSpec(p + f"self_attn.{m}.weight", (HIDDEN, HIDDEN), "BF16") for m in ("q_proj", "k_proj", "v_proj", "o_proj")]
        specs += [TensorSpec(p + "post_attention_layernorm.weight", (HIDDEN,), "BF16")]
        specs += [TensorSpec(p + f"mlp.{m}.weight", (INTERMEDIATE, HIDDEN), "BF16") for m in ("gate_proj", "up_proj")]
        specs += [TensorSpec(p + "mlp.down_proj.weight", (HIDDEN, INTERMEDIATE), "BF16")]
        layer += 1
    return specs + [TensorSpec("model.norm.weight", (HIDDEN,), "BF16"), TensorSpec("lm_head.weight", (VOCAB, HIDDEN), "BF16")]


def shards(specs: list[TensorSpec], shard_gb: float) -> list[list[TensorSpec]]:
    out: list[list[TensorSpec]] = [[]]
    for spec in specs:
        if out[-1] and sum(s.nbytes for s in out[-1]) + spec.nbytes > shard_gb * 1e9:
            out.append([])
        out[-1].append(spec)
    return out


def generate(root: Path, size_gb: float, shard_gb: float) -> dict[str, Path]:
    rng = np.random.default_rng(0)
    groups = shards(layout(size_gb), shard_gb)
    dirs = {n: root / n for n in ("base", "donor", "suspect")}
    for d in dirs.values():
        d.mkdir()
    weight_map: dict[str, str] = {}
    for i, group in enumerate(groups):
        file = f"model-{i + 1:05d}-of-{len(groups):05d}.safetensors"
        writers = {n: SafetensorsWriter(d / file, group) for n, d in dirs.items()}
        for spec in group:
            base = rng.standard_normal(spec.shape, dtype=np.float32) * np.float32(0.02)
            donor = base * np.float32(0.998) + rng.standard_normal(spec.shape, dtype=np.float32) * np.float32(0.002)
            writers["base"].write(spec.name, base)
            writers["donor"].write(spec.name, donor)
            writers["suspect"].write(spec.name, base + np.float32(0.6) * (donor - base))
            weight_map[spec.name] = file
            del base, donor
        for w in writers.values():
            w.close()
            with open(w.path, "rb+") as fh:
                os.fsync(fh.fileno())  # dirty pages cannot be dropped from the cache
    for d in dirs.values():
        write_index(d, weight_map, sum(s.nbytes for s in layout(size_gb)))
    return dirs


def files_of(dirs: list[Path]) -> list[Path]:
    return sorted(p for d in dirs for p in d.glob("*.safetensors"))


def drop_cache(files: list[Path]) -> None:
    for path in files:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def cpu_seconds() -> float:
    t = os.times()
    return t.user + t.system


def peak_rss_bytes() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def phase_read(dirs: list[Path]) -> dict[str, float]:
    buffer = bytearray(BLOCK)
    total, started = 0, time.perf_counter()
    for path in files_of(dirs):
        with open(path, "rb", buffering=0) as fh:
            while n := fh.readinto(buffer):
                total += n
    return {"bytes": total, "seconds": time.perf_counter() - started, "cpu": cpu_seconds(), "peak_rss": peak_rss_bytes()}


def phase_fit(dirs: list[Path]) -> dict[str, float]:
    from probe.weights import fit_checkpoints

    started = time.perf_counter()
    result = fit_checkpoints(dirs[2], dirs[0], [dirs[1]])
    return {"bytes": result["bytes_read"], "seconds": time.perf_counter() - started, "cpu": cpu_seconds(),
            "peak_rss": peak_rss_bytes(),
            "median_alpha": result["summary"]["overall"]["alpha"]["median"],
            "median_cos_fit": result["summary"]["overall"]["cos_fit"]["median"], "n_tensors": len(result["tensors"])}


def phase_idle(dirs: list[Path]) -> dict[str, float]:
    import probe.weights  # noqa: F401 - the interpreter + numpy floor of the fit's RSS

    return {"bytes": 0, "seconds": 0.0, "peak_rss": peak_rss_bytes()}


def in_child(phase: str, dirs: list[Path]) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--phase", phase, *map(str, dirs)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-gb", type=float, default=2.0, help="size of each checkpoint (default 2.0)")
    ap.add_argument("--shard-gb", type=float, default=0.5)
    ap.add_argument("--dir", default=tempfile.gettempdir())
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--phase", choices=["read", "fit", "idle"], help=argparse.SUPPRESS)
    ap.add_argument("dirs", nargs="*", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase:
        print(json.dumps({"read": phase_read, "fit": phase_fit, "idle": phase_idle}[args.phase]([Path(d) for d in args.dirs])))
        return
    free = shutil.disk_usage(args.dir).free
    need = 3 * args.size_gb * 1e9 * 1.05 + 2e9
    if need > free:
        raise SystemExit(f"need {need / 1e9:.1f} GB free in {args.dir}, have {free / 1e9:.1f}: lower --size-gb")
    root = Path(tempfile.mkdtemp(prefix="weights-bench-", dir=args.dir))
    try:
        t0 = time.perf_counter()
        dirs = generate(root, args.size_gb, args.shard_gb)
        ordered = [dirs["base"], dirs["donor"], dirs["suspect"]]
        specs = layout(args.size_gb)
        largest = max(specs, key=lambda s: s.nbytes)
        print(f"generated 3 checkpoints × {sum(s.nbytes for s in specs) / 1e9:.2f} GB "
              f"({len(specs)} tensors, {len(files_of([dirs['base']]))} shards each) in {time.perf_counter() - t0:.0f} s")
        print(f"largest tensor: {largest.name} {list(largest.shape)} bf16 = {largest.nbytes / 2**20:.0f} MiB "
              f"({largest.nbytes * 4 / 2**20:.0f} MiB as float64)")
        idle = in_child("idle", ordered)
        print(f"interpreter + numpy floor: {idle['peak_rss'] / 2**20:.0f} MiB; load average {os.getloadavg()[0]:.1f} "
              f"on {os.cpu_count()} CPUs")
        for cache in ("cold", "warm"):
            if cache == "cold":
                drop_cache(files_of(ordered))
            read = in_child("read", ordered)
            if cache == "cold":
                drop_cache(files_of(ordered))
            fit = in_child("fit", ordered)
            r_gbps, f_gbps = read["bytes"] / 1e9 / read["seconds"], fit["bytes"] / 1e9 / fit["seconds"]
            print(f"[{cache} cache] plain read {read['bytes'] / 1e9:.2f} GB in {read['seconds']:.1f} s = {r_gbps:.2f} GB/s; "
                  f"fit {fit['bytes'] / 1e9:.2f} GB in {fit['seconds']:.1f} s = {f_gbps:.2f} GB/s "
                  f"({f_gbps / r_gbps:.0%} of plain read; fit used {fit['cpu']:.1f} CPU-s = "
                  f"{fit['bytes'] / 1e9 / fit['cpu']:.2f} GB per CPU-second)")
            print(f"[{cache} cache] fit peak RSS {fit['peak_rss'] / 2**20:.0f} MiB "
                  f"= {fit['peak_rss'] / largest.nbytes:.2f}× the largest tensor; "
                  f"median α {fit['median_alpha']:.4f}, cos_fit {fit['median_cos_fit']:.4f} over {fit['n_tensors']} tensors")
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root)


if __name__ == "__main__":
    main()
