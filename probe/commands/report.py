"""``probe report RUN_DIR``: report.md and a self-contained report.html from a run directory."""

from __future__ import annotations

import argparse
import json

from probe.commands.score import add_scoring_arguments, load_scoring_input
from probe.pipeline import write_scores
from probe.report import write_report
from probe.score import score_run
from probe.store import DB_NAME


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("report", help="write report.md and report.html for a run directory")
    add_scoring_arguments(p)
    p.add_argument("--rescore", action="store_true", help="score again even if scores.json is newer than the store")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    data = load_scoring_input(args)
    scores_path = data.run_dir / "scores.json"
    store_path = data.run_dir / DB_NAME
    fresh = scores_path.is_file() and (not store_path.exists() or scores_path.stat().st_mtime >= store_path.stat().st_mtime)
    overridden = bool(args.suspect or args.parents)
    if fresh and not (args.rescore or overridden):
        scores = json.loads(scores_path.read_text(encoding="utf-8"))
    else:
        scores = score_run(data.frame, suspect=data.suspect, parents=data.parents or None, condition=args.condition,
                           n_boot=args.boot, seed=args.seed)
        write_scores(data.run_dir, scores)
    md, html = write_report(data.run_dir, data.frame, scores, data.manifest)
    comparison = scores.get("comparison")
    if comparison:
        print(f"verdict: {comparison['verdict']}")
    print(f"wrote {md}")
    print(f"wrote {html}")
    return 0
