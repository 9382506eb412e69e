"""One audit, stage by stage: plan → run → classify → export → score → report.

Each stage is a plain function a notebook can call on its own; ``run_audit``
strings them together for ``probe run``.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pandas as pd

from probe.config import RunConfig
from probe.errors import ProbeInputError
from probe.manifest import build_manifest, write_manifest
from probe.plan import plan_prompts
from probe.runner import ProgressCallback, RunProgress, Runner, pending_units
from probe.store import ResponseStore
from probe.suite import Suite, load_suite
from probe.targets import make_backend


@dataclass
class AuditResult:
    run_dir: Path
    run_id: str
    progress: RunProgress
    frame: pd.DataFrame
    manifest: dict
    outputs: dict[str, Path]


def resolve_output(config: RunConfig, override: str | None) -> Path:
    out = Path(override or config.output)
    return out if out.is_absolute() else Path.cwd() / out


def limited(suite: Suite, limit: int | None) -> Suite:
    """The suite cut to its first ``limit`` questions (for a quick try of a config)."""
    if not limit:
        return suite
    return dataclasses.replace(suite, questions=suite.questions[:limit])


def export_frame(frame: pd.DataFrame, run_dir: Path) -> dict[str, Path]:
    """``responses.parquet`` and ``responses.csv`` beside the store."""
    parquet, csv = run_dir / "responses.parquet", run_dir / "responses.csv"
    frame.to_parquet(parquet, index=False)
    frame.to_csv(csv, index=False)
    return {"parquet": parquet, "csv": csv}


async def _collect(config: RunConfig, suite: Suite, store: ResponseStore, run_id: str,
                   on_progress: ProgressCallback | None) -> tuple[RunProgress, dict]:
    done = store.done_hashes()
    runner = Runner(config, store, run_id, on_progress)
    work, backends = {}, []
    try:
        for target in config.targets:
            backend = make_backend(target)
            backends.append(backend)
            units, skipped = pending_units(plan_prompts(suite, config, target), config.sampling.samples, done)
            work[target.name] = (target, backend, units, skipped)
        endpoints = {}
        for target, backend, _units, _skipped in work.values():
            endpoints[target.name] = await backend.describe()
        progress = await runner.run(work)
    finally:
        for backend in backends:
            await backend.aclose()
    return progress, endpoints


def run_audit(config: RunConfig, *, output: str | None = None, fresh: bool = False, limit: int | None = None,
              on_progress: ProgressCallback | None = None, analyse: bool = True) -> AuditResult:
    """Collect every missing sample, then classify, export and (when asked) score and report."""
    suite = limited(load_suite(config.suite, Path(config.config_dir)), limit)
    config.check_api_keys()
    for target in config.targets:  # render every condition before any request: bad templates fail fast
        plan_prompts(suite, config, target)
    if config.lexicon:  # likewise a bad lexicon, which would otherwise fail after collecting
        from probe.classify import load_lexicon

        load_lexicon(lexicon_path(config))
    run_dir = resolve_output(config, output)
    store = ResponseStore(run_dir)
    if fresh:
        store.clear()
    run_id = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ-") + uuid.uuid4().hex[:6]
    started_at = datetime.now(timezone.utc).isoformat()
    store.start_run(run_id, started_at)
    t0 = time.monotonic()
    status = "interrupted"
    progress = RunProgress()
    endpoints: dict = {}
    try:
        progress, endpoints = asyncio.run(_collect(config, suite, store, run_id, on_progress))
        fatal = {n: t.fatal for n, t in progress.targets.items() if t.fatal}
        status = "stopped" if (fatal or progress.stop_reason) else "complete"
    finally:
        summary = {name: dataclasses.asdict(t) for name, t in progress.targets.items()}
        store.finish_run(run_id, datetime.now(timezone.utc).isoformat(), status, summary)
        collect_s = time.monotonic() - t0
        frame = store.frame()
        outputs = {"store": store.path}
        if analyse and len(frame):
            frame, analysis_outputs = analyse_run(frame, store, run_dir, config)
            outputs.update(analysis_outputs)
        outputs.update(export_frame(frame, run_dir))
        counts = {
            "rows": int(len(frame)), "ok": int(frame["error"].isna().sum()) if len(frame) else 0,
            "errors": int(frame["error"].notna().sum()) if len(frame) else 0,
            "requests_this_run": progress.total("requests"), "retries_this_run": progress.total("retries"),
            "stop_reason": progress.stop_reason,
        }
        timings = {"started_at": started_at, "finished_at": datetime.now(timezone.utc).isoformat(),
                   "collect_s": round(collect_s, 3), "total_s": round(time.monotonic() - t0, 3)}
        manifest = build_manifest(config, suite, run_id, timings, counts, endpoints, status, lexicon_path(config))
        outputs["manifest"] = write_manifest(run_dir, manifest)
        store.close()
    if analyse and len(frame):
        outputs.update(report_run(frame, run_dir, config, manifest))
    return AuditResult(run_dir, run_id, progress, frame, manifest, outputs)


def analyse_run(frame: pd.DataFrame, store: ResponseStore, run_dir: Path, config: RunConfig) -> tuple[pd.DataFrame, dict]:
    """Classify every answer and write the claim columns back to the store."""
    from probe.classify import classify_frame, load_lexicon

    frame = classify_frame(frame, load_lexicon(lexicon_path(config)))
    store.update_claims(frame)
    return frame, {}


def report_run(frame: pd.DataFrame, run_dir: Path, config: RunConfig | None, manifest: dict,
               suspect: str | None = None, parents: list[str] | None = None) -> dict[str, Path]:
    """Score the run (suspect vs parents when named) and write comparison.json and the report."""
    from probe.report import write_report
    from probe.score import score_run

    suspect = suspect or (config.suspect if config else None)
    parents = parents or (config.parents if config else None) or None
    try:
        scores = score_run(frame, suspect=suspect, parents=parents)
    except ProbeInputError as exc:  # e.g. no suspect answers without a system prompt: report the rest
        scores = score_run(frame)
        scores["comparison_error"] = str(exc)
    outputs = write_scores(run_dir, scores)
    md, html = write_report(run_dir, frame, scores, manifest)
    outputs.update({"report_md": md, "report_html": html})
    return outputs


def write_scores(run_dir: Path, scores: dict) -> dict[str, Path]:
    """``scores.json`` (everything) and ``comparison.json`` (suspect vs parents, when scored)."""
    written = {"scores": run_dir / "scores.json"}
    if scores.get("comparison"):
        written["comparison"] = run_dir / "comparison.json"
    for key, path in written.items():
        data = scores if key == "scores" else scores["comparison"]
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    return written


def lexicon_path(config: RunConfig) -> Path | None:
    """The config's own lexicon file, if it names one (None: the shipped lexicon)."""
    return _resolve(config, config.lexicon) if config.lexicon else None


def _resolve(config: RunConfig, path: str) -> Path:
    p = Path(path)
    return p if p.is_absolute() else Path(config.config_dir) / p
