"""``probe demo``: the zoo served by vLLM, audited end to end, with the headline printed."""

from __future__ import annotations

import argparse

from probe.commands.progress import ProgressPrinter
from probe.commands.run import summary_lines


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="serve the committed zoo with vLLM and audit rio against its parents")
    p.add_argument("--output", help="run directory (default results/demo)")
    p.add_argument("--limit", type=int, help="use only the first N questions")
    p.add_argument("--resume", action="store_true", help="keep answers stored by an earlier demo run")
    p.add_argument("--port-base", type=int, default=8100)
    p.set_defaults(func=run)


def headline_lines(scores: dict) -> list[str]:
    lines = []
    for item in scores.get("headlines", []):
        if item["target"] == "rio":
            lines.append(f"  rio, condition {item['condition']}: {item['text']}")
    comparison = scores.get("comparison") or {}
    if comparison:
        mixture = " · ".join(f"{k} {v:.2f}" for k, v in comparison.get("mixture", {}).items())
        lines.append(f"  closest parent: {comparison.get('closest_parent')} · mixture: {mixture}")
        lines.append(f"  verdict: {comparison.get('verdict')}")
    return lines


def run(args: argparse.Namespace) -> int:
    import json

    from probe.demo import run_demo

    print("starting vLLM servers for the zoo (rio, nex, qwen, control); this takes a few minutes on a CPU…", flush=True)
    printer = ProgressPrinter()
    try:
        result = run_demo(output=args.output, fresh=not args.resume, limit=args.limit, on_progress=printer,
                          port_base=args.port_base)
    finally:
        printer.close()
    print("\n".join(summary_lines(result)))
    scores_path = result.outputs.get("scores")
    if scores_path:
        print("headline:")
        print("\n".join(headline_lines(json.loads(scores_path.read_text(encoding="utf-8")))))
    return 0
