"""``probe run CONFIG``: collect, classify, score and report, resumably."""

from __future__ import annotations

import argparse
import json
import sys

from probe.commands.progress import ProgressPrinter
from probe.config import load_config
from probe.pipeline import AuditResult, run_audit


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("run", help="run a config: ask every target every question, store, classify, score, report")
    p.add_argument("config", help="run config YAML")
    p.add_argument("--output", help="run directory (default: the config's output)")
    p.add_argument("--fresh", action="store_true", help="discard stored answers and start over")
    p.add_argument("--limit", type=int, help="use only the first N questions of the suite")
    p.add_argument("--no-analysis", action="store_true", help="collect only; skip classify/score/report")
    p.set_defaults(func=run)


def summary_lines(result: AuditResult) -> list[str]:
    lines = [f"run {result.run_id} → {result.run_dir}"]
    for name, t in result.progress.targets.items():
        state = f"STOPPED: {t.fatal}" if t.fatal else "ok"
        lines.append(f"  {name:<16} new {t.done:>6}  stored before {t.skipped:>6}  errors {t.errors:>4}"
                     f"  requests {t.requests:>6}  retries {t.retries:>4}  {state}")
    if result.progress.stop_reason:
        lines.append(f"  stopped early: {result.progress.stop_reason}")
    counts = result.manifest["counts"]
    lines.append(f"  store: {counts['rows']} rows ({counts['ok']} answered, {counts['errors']} failed, tried again next run)")
    scores_path = result.outputs.get("scores")
    if scores_path:
        from probe.commands.score import summary_lines as score_lines

        scores = json.loads(scores_path.read_text(encoding="utf-8"))
        lines += [f"  {line}" for line in score_lines(scores)]
        if scores.get("comparison_error"):
            lines.append(f"  no comparison: {scores['comparison_error']}")
    for key in ("comparison", "report_html", "report_md", "parquet", "csv", "manifest"):
        if key in result.outputs:
            lines.append(f"  {key}: {result.outputs[key]}")
    return lines


def run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    printer = ProgressPrinter()
    try:
        result = run_audit(config, output=args.output, fresh=args.fresh, limit=args.limit, on_progress=printer,
                           analyse=not args.no_analysis)
    finally:
        printer.close()
    print("\n".join(summary_lines(result)))
    fatal = [(n, t.fatal) for n, t in result.progress.targets.items() if t.fatal]
    for name, message in fatal:
        print(f"probe: error: target {name!r}: {message}", file=sys.stderr)
    return 2 if fatal else 0
