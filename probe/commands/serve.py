"""``probe serve``: serve local models (the zoo by default) with vLLM until Ctrl-C."""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path

from probe.errors import ProbeInputError
from probe.serve import REPO, serve_models


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="serve local model directories with vLLM (OpenAI-compatible) until Ctrl-C")
    p.add_argument("--models", type=Path, default=None,
                   help="directory of model directories (default: zoo/models of this checkout)")
    p.add_argument("--only", help="comma-separated model names to serve (default: all under --models)")
    p.add_argument("--port-base", type=int, default=8100, help="first port; busy ports are skipped")
    p.add_argument("--max-model-len", type=int, default=512)
    p.add_argument("--log-dir", type=Path, default=Path("results/serve"), help="where the server logs go")
    p.add_argument("--ready-timeout", type=float, default=900, help="seconds to wait for the servers to answer")
    p.set_defaults(func=run)


def select_models(models_dir: Path, only: str | None) -> dict[str, Path]:
    if not models_dir.is_dir():
        raise ProbeInputError(str(models_dir), "no such directory")
    found = {d.name: d for d in sorted(models_dir.iterdir()) if (d / "config.json").is_file()}
    if not only:
        if not found:
            raise ProbeInputError(str(models_dir), "contains no model directories (with config.json)")
        return found
    chosen: dict[str, Path] = {}
    for name in (n.strip() for n in only.split(",") if n.strip()):
        if name not in found:
            raise ProbeInputError("--only", f"no model {name!r} in {models_dir} (have: {', '.join(found) or 'none'})")
        chosen[name] = found[name]
    return chosen


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    models = select_models(args.models or REPO / "zoo" / "models", args.only)
    # SIGTERM and SIGHUP stop the servers the same way as Ctrl-C does; SIGINT is set explicitly because a
    # shell starts background jobs with it ignored.
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _raise_interrupt)
    print(f"starting {len(models)} vLLM server(s): {', '.join(models)} (logs in {args.log_dir}) ...", flush=True)
    started = time.monotonic()
    try:
        with serve_models(models, port_base=args.port_base, max_model_len=args.max_model_len,
                          ready_timeout=args.ready_timeout, log_dir=args.log_dir) as urls:
            print(f"ready after {time.monotonic() - started:.0f} s:")
            for name, url in urls.items():
                print(f"  {name:<12} {url}")
            first = next(iter(urls))
            print(f"try: curl {urls[first]}/chat/completions -H 'Content-Type: application/json' "
                  f"-d '{{\"model\": \"{first}\", \"messages\": [{{\"role\": \"user\", \"content\": \"Who are you?\"}}]}}'")
            print("serving until Ctrl-C", flush=True)
            while True:
                time.sleep(3600)
    except KeyboardInterrupt:
        print("stopped the servers", file=sys.stderr)
    return 0
