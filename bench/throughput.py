"""Requests/s of the harness vs a plain AsyncOpenAI + semaphore loop, against the test server.

    python bench/throughput.py [--latency 0.1] [--concurrency 16 64 256] [--requests-per-slot 12]

Both paths talk real HTTP on loopback to ``probe.testing.server`` (a separate
process) with a fixed latency; the ideal is concurrency ÷ latency. The harness
is measured end to end through ``run_audit`` (planning, retries, SQLite store).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

import openai
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from probe.config import load_config  # noqa: E402
from probe.pipeline import run_audit  # noqa: E402
from probe.testing.process import test_server  # noqa: E402


def make_suite(directory: Path, questions: int) -> Path:
    suite = {
        "id": "bench", "version": "1", "description": "generated for the benchmark", "languages": ["en"],
        "conditions": [{"id": "none", "system": None}],
        "questions": [{"id": f"q{i:05d}", "category": "name", "text": {"en": f"Question {i}: what is your name?"}}
                      for i in range(questions)],
    }
    path = directory / "bench-suite.yaml"
    path.write_text(yaml.safe_dump(suite), encoding="utf-8")
    return path


def harness_rps(url: str, concurrency: int, requests: int, workdir: Path) -> tuple[float, float]:
    """(requests/s while collecting, requests/s of the whole ``run_audit`` call incl. start-up and exports)."""
    suite = make_suite(workdir, requests)
    config_path = workdir / f"bench-{concurrency}.yaml"
    config_path.write_text(yaml.safe_dump({
        "suite": str(suite), "sampling": {"samples": 1, "max_tokens": 32},
        "targets": [{"name": "bench", "base_url": url, "model": "m", "max_concurrency": concurrency}],
        "output": str(workdir / f"out-{concurrency}"),
    }), encoding="utf-8")
    config = load_config(config_path)
    started = time.perf_counter()
    result = run_audit(config, fresh=True, analyse=False)
    elapsed = time.perf_counter() - started
    assert result.progress.total("done") == requests, result.progress
    return requests / result.progress.elapsed_s, requests / elapsed


async def _plain(url: str, concurrency: int, requests: int) -> float:
    client = openai.AsyncOpenAI(base_url=url, api_key="EMPTY", max_retries=0)
    sem = asyncio.Semaphore(concurrency)

    async def one(i: int) -> None:
        async with sem:
            await client.chat.completions.create(
                model="m", messages=[{"role": "user", "content": f"Question {i}: what is your name?"}], max_tokens=32)

    started = time.perf_counter()
    await asyncio.gather(*(one(i) for i in range(requests)))
    elapsed = time.perf_counter() - started
    await client.close()
    return requests / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--concurrency", type=int, nargs="+", default=[16, 64, 256])
    parser.add_argument("--requests-per-slot", type=int, default=12, help="requests = concurrency × this")
    args = parser.parse_args()
    rows = []
    with test_server("--latency", str(args.latency)) as url, tempfile.TemporaryDirectory() as tmp:
        for c in args.concurrency:
            n = c * args.requests_per_slot
            ideal = c / args.latency
            plain = asyncio.run(_plain(url, c, n))
            harness = harness_rps(url, c, n, Path(tmp))
            rows.append((c, ideal, *harness, plain))
    print(f"latency {args.latency * 1000:.0f} ms, requests = concurrency × {args.requests_per_slot}")
    print("| concurrency | ideal req/s | probe run req/s (collecting) | ratio to ideal | whole run_audit req/s"
          " | plain AsyncOpenAI loop req/s | plain ratio | probe / plain |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for c, ideal, harness, whole, plain in rows:
        print(f"| {c} | {ideal:.0f} | {harness:.0f} | {harness / ideal:.2f} | {whole:.0f} | {plain:.0f} | {plain / ideal:.2f}"
              f" | {harness / plain:.2f}× |")


if __name__ == "__main__":
    main()
