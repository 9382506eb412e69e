"""``probe score RUN_DIR [--suspect NAME --parents A,B,…]``: scores.json and comparison.json, headline and verdict."""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

import probe
from probe.errors import ProbeInputError
from probe.profiles import IDENTITY_COLUMNS
from probe.pipeline import write_scores
from probe.score import score_run


@dataclass
class ScoringInput:
    run_dir: Path
    frame: pd.DataFrame
    manifest: dict[str, Any]
    suspect: str | None
    parents: list[str]


def add_scoring_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("run_dir", help="a run directory (written by probe run)")
    p.add_argument("--suspect", help="target to attribute (default: the config's suspect)")
    p.add_argument("--parents", help="comma-separated candidate parents (default: the config's parents)")
    p.add_argument("--condition", default="none", help="condition to compare under (default: none)")
    p.add_argument("--boot", type=int, default=300, help="bootstrap resamples of questions (default 300)")
    p.add_argument("--seed", type=int, default=0)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("score", help="score a run: self-identification rates, system-prompt effect, suspect vs parents")
    add_scoring_arguments(p)
    p.set_defaults(func=run)


def _manifest(run_dir: Path) -> dict[str, Any]:
    path = run_dir / "manifest.json"
    if not path.is_file():
        return {}
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise ProbeInputError(str(path), f"not valid JSON: {exc}") from None


def _run_lexicon(run_dir: Path, manifest: dict[str, Any]) -> Path | None:
    """The lexicon the run was configured with (the manifest records it resolved), or None for the shipped one."""
    entry = manifest.get("lexicon") or {}
    if not entry.get("path"):
        return None
    path = Path(entry["path"])
    if not path.is_file():
        raise ProbeInputError(f"{run_dir / 'manifest.json'}: lexicon", f"the run's lexicon {path} no longer exists")
    return path


def load_scoring_input(args: argparse.Namespace) -> ScoringInput:
    """The run's answers (classified if the store is not yet), its manifest, and who to compare."""
    run_dir = Path(args.run_dir)
    frame = probe.load(run_dir)
    manifest = _manifest(run_dir)
    unclassified = "claims" in frame.columns and len(frame) and frame["claims"].isna().all()
    if unclassified or any(c not in frame.columns for c in IDENTITY_COLUMNS):
        from probe.classify import classify_frame, load_lexicon

        frame = classify_frame(frame, load_lexicon(_run_lexicon(run_dir, manifest)))
    config = manifest.get("config") or {}
    suspect = args.suspect or config.get("suspect") or manifest.get("suspect")
    parents_arg = args.parents.split(",") if args.parents else (config.get("parents") or manifest.get("parents") or [])
    parents = [p.strip() for p in parents_arg if p and p.strip()]
    targets = set(frame["target"].dropna().astype(str))
    for name in ([suspect] if suspect else []) + parents:
        if name not in targets:
            raise ProbeInputError(f"target {name!r}", f"not in this run (targets: {', '.join(sorted(targets))})")
    if bool(suspect) != bool(parents):
        raise ProbeInputError("--suspect/--parents", "name both a suspect and its candidate parents, or neither")
    return ScoringInput(run_dir, frame, manifest, suspect, parents)


def summary_lines(scores: dict[str, Any]) -> list[str]:
    lines = [f"{h['target']} ({h['condition']}): {h['text']}" for h in scores["headlines"]]
    for effect in scores["system_prompt_effect"]:
        lines.append(f"{effect['target']}: {effect['outcome']}: {effect['treated']} {100 * (effect['treated_rate'] or 0):.1f}%"
                     f" vs {effect['control']} {100 * (effect['control_rate'] or 0):.1f}%")
    comparison = scores.get("comparison")
    if comparison:
        mixture = ", ".join(f"{k} {v:.2f}" for k, v in comparison["mixture"].items())
        lines += [f"mixture: {mixture}", f"verdict: {comparison['verdict']}"]
    return lines


def run(args: argparse.Namespace) -> int:
    data = load_scoring_input(args)
    scores = score_run(data.frame, suspect=data.suspect, parents=data.parents or None, condition=args.condition,
                       n_boot=args.boot, seed=args.seed)
    written = write_scores(data.run_dir, scores)
    print("\n".join(summary_lines(scores)))
    for path in written.values():
        print(f"wrote {path}")
    return 0
