"""Requests/s of the harness vs vLLM's own serving benchmark, on one zoo model served by vLLM.

    python bench/vllm_ceiling.py [--model rio] [--requests 2000] [--concurrency 64] [--max-tokens 32]

Both clients hit the same server with the same number of requests,
concurrency, max tokens (``ignore_eos``, so every answer is exactly that long),
temperature and prompt length:

- the harness: a generated one-condition suite through ``run_audit`` (plan,
  HTTP, SQLite store; no analysis); it waits for whole answers;
- ``vllm bench serve`` (through probe/vllm_cli.py) with random prompts of the
  harness's prompt length; it always streams, token by token.

They take turns for ``--rounds``, so a slow spell of a shared machine hits both;
the ratio is reported per round, as the median over rounds and from each one's
best round.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import statistics
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from probe import load  # noqa: E402
from probe.config import load_config  # noqa: E402
from probe.pipeline import run_audit  # noqa: E402
from probe.serve import WRAPPER, find_vllm_python, serve_models  # noqa: E402


def question(i: int) -> str:
    return f"Question number {i}: please tell me what your name is and who made you."


def write_config(workdir: Path, url: str, model: str, args: argparse.Namespace) -> Path:
    suite = {
        "id": "ceiling", "version": "1", "description": "generated for the benchmark", "languages": ["en"],
        "conditions": [{"id": "none", "system": None}],
        "questions": [{"id": f"name-{i:05d}", "category": "name", "text": {"en": question(i)}}
                      for i in range(args.requests)],
    }
    (workdir / "suite.yaml").write_text(yaml.safe_dump(suite), encoding="utf-8")
    config = {
        "suite": str(workdir / "suite.yaml"),
        "sampling": {"samples": 1, "temperature": args.temperature, "max_tokens": args.max_tokens},
        "targets": [{"name": model, "base_url": url, "model": model, "max_concurrency": args.concurrency,
                     "extra_body": {"ignore_eos": True}}],
        "output": str(workdir / "harness"),
    }
    path = workdir / "config.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def harness_round(config_path: Path) -> tuple[float, float]:
    """(requests/s while collecting, mean prompt tokens) of one fresh harness run."""
    config = load_config(config_path)
    result = run_audit(config, fresh=True, analyse=False)
    frame = load(result.run_dir)
    ok = frame[frame["error"].isna()]
    if len(ok) != len(frame) or (ok["completion_tokens"] != config.sampling.max_tokens).any():
        raise RuntimeError(f"harness round incomplete: {len(ok)}/{len(frame)} answers of the full length")
    return result.progress.requests_per_s, float(ok["prompt_tokens"].mean())


def template_overhead(url: str, model: str) -> int:
    """Prompt tokens the chat template adds around one user message (asked of the server itself)."""
    body = {"model": model, "messages": [{"role": "user", "content": ""}], "max_tokens": 1}
    return int(httpx.post(f"{url}/chat/completions", json=body, timeout=60).json()["usage"]["prompt_tokens"])


def vllm_round(python: Path, url: str, model: str, model_dir: Path, input_len: int, args: argparse.Namespace,
               workdir: Path, index: int) -> tuple[float, float]:
    """(requests/s, prompt tokens per request as the server counted them, template included)."""
    name = f"vllm-bench-{index}.json"
    command = [
        str(python), str(WRAPPER), "bench", "serve", "--backend", "openai-chat", "--endpoint", "/v1/chat/completions",
        "--base-url", url.removesuffix("/v1"), "--model", model, "--tokenizer", str(model_dir),
        "--dataset-name", "random", "--random-input-len", str(input_len), "--random-range-ratio", "0",
        "--random-output-len", str(args.max_tokens), "--num-prompts", str(args.requests),
        "--max-concurrency", str(args.concurrency), "--ignore-eos", "--temperature", str(args.temperature),
        "--disable-tqdm", "--save-result", "--result-dir", str(workdir), "--result-filename", name,
    ]
    with (workdir / f"vllm-bench-{index}.log").open("w") as log:
        subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, check=True,
                       env={**os.environ, "HF_HUB_OFFLINE": "1"})
    data = json.loads((workdir / name).read_text())
    if data.get("completed") != args.requests:
        raise RuntimeError(f"vllm bench completed {data.get('completed')}/{args.requests}")
    return float(data["request_throughput"]), data["total_input_tokens"] / args.requests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="rio", help="zoo model to serve")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--max-tokens", type=int, default=32)
    parser.add_argument("--temperature", type=float, default=0.7)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--port", type=int, default=8190)
    parser.add_argument("--workdir", type=Path, help="keep configs, logs and results here (default: a temp dir)")
    args = parser.parse_args()
    python = find_vllm_python()
    if python is None:
        print("no vLLM interpreter: run `make vllm-env` or set PROBE_VLLM_PYTHON", file=sys.stderr)
        return 2
    model_dir = REPO / "zoo" / "models" / args.model
    rates: dict[str, list[float]] = {"harness (probe run)": [], "vllm bench serve": []}
    with tempfile.TemporaryDirectory(prefix="vllm-ceiling-") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        with serve_models({args.model: model_dir}, port_base=args.port, python=python, log_dir=workdir) as urls:
            url = urls[args.model]
            print(f"server ready in {time.monotonic() - started:.0f} s at {url}", flush=True)
            config_path = write_config(workdir, url, args.model, args)
            overhead = template_overhead(url, args.model)
            for index in range(args.rounds):
                harness, prompt_tokens = harness_round(config_path)
                vllm, vllm_prompt = vllm_round(python, url, args.model, model_dir, round(prompt_tokens) - overhead,
                                               args, workdir, index)
                for key, value in zip(rates, (harness, vllm)):
                    rates[key].append(value)
                print(f"round {index + 1}: harness {harness:.1f}, vllm bench serve {vllm:.1f} req/s "
                      f"(ratio {harness / vllm:.2f}); prompt tokens harness {prompt_tokens:.1f}, vllm bench "
                      f"{vllm_prompt:.1f}", flush=True)
    print(f"model {args.model}: {args.requests} requests, concurrency {args.concurrency}, {args.max_tokens} output "
          f"tokens (ignore_eos), temperature {args.temperature}")
    for key, values in rates.items():
        print(f"{key:<22} {max(values):7.1f} req/s (rounds: {', '.join(f'{x:.1f}' for x in values)})")
    harness, vllm = rates.values()
    ratios = [h / v for h, v in zip(harness, vllm)]
    print(f"harness / vllm bench serve: median of rounds {statistics.median(ratios):.2f}, "
          f"best round vs best round {max(harness) / max(vllm):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
