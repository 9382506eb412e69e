"""The audit report: ``report.md`` and a self-contained ``report.html`` (no network, plots embedded).

    md_path, html_path = write_report(run_dir, df, scores, manifest)

``scores`` is ``probe.score.score_run(df, …)``. Templates autoescape; model output reaches
them only through ``probe.report.highlight`` (escaped first, then marked).
"""

from __future__ import annotations

import base64
import math
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from probe.report import plots
from probe.report.context import category_shares, language_tables, run_facts, top_rates
from probe.report.examples import comparison_examples, effect_examples, headline_examples
from probe.report.highlight import escape_markdown

FIGURE_DIR = "report_files"


def _pct(x: Any) -> str:
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{100 * float(x):.1f}%"


def _signed(x: Any) -> str:
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{100 * float(x):+.1f} pts"


def _pval(x: Any) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    return "p < 0.001" if x < 0.001 else f"p = {x:.3f}"


def _num(x: Any) -> str:
    if isinstance(x, float):
        return "–" if math.isnan(x) else f"{x:.4g}"
    return "–" if x is None else str(x)


def _environment(markdown: bool) -> Environment:
    env = Environment(
        loader=PackageLoader("probe.report", "templates"),
        autoescape=False if markdown else select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined, trim_blocks=False, keep_trailing_newline=True,
    )
    env.filters["md"] = escape_markdown
    env.globals.update(pct=_pct, signed=_signed, pval=_pval, num=_num)
    return env


def _weights_section(run_dir: Path) -> dict[str, Any] | None:
    path = run_dir / "weights.json"
    if not path.is_file():
        return None
    try:
        from probe.weights import summarise_for_report
    except ImportError:
        import json

        data = json.loads(path.read_text(encoding="utf-8"))
        summary = data.get("summary", {}) if isinstance(data, dict) else {}
        return {"finding": "", "rows": [], "other": {k: str(v) for k, v in summary.items()}}
    summary = dict(summarise_for_report(path))
    summary.setdefault("other", {})
    return summary


def _figures(df: pd.DataFrame, scores: dict[str, Any]) -> dict[str, bytes]:
    figures: dict[str, bytes] = {}
    shares = category_shares(df)
    if not shares.empty:
        figures["identities"] = plots.claimed_identities(shares)
    tables = language_tables(df, scores.get("control_condition"))
    if tables:
        figures["languages"] = plots.language_heatmaps(tables)
    comparison = scores.get("comparison")
    if comparison:
        figures["mixture"] = plots.mixture_weights(comparison["mixture"], comparison["mixture_ci"], comparison["suspect"])
    return figures


def build_context(run_dir: Path, df: pd.DataFrame, scores: dict[str, Any], manifest: dict[str, Any]) -> dict[str, Any]:
    comparison = scores.get("comparison")
    examples = headline_examples(df, scores.get("headlines", []))
    examples += effect_examples(df, scores.get("system_prompt_effect", []))
    if comparison:
        examples += comparison_examples(df, comparison)
    return {
        "run": run_facts(df, manifest or {}),
        "generated_at": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "control": scores.get("control_condition"),
        "headlines": scores.get("headlines", []),
        "rates": top_rates(scores.get("rates", [])),
        "effects": scores.get("system_prompt_effect", []),
        "comparison": comparison,
        "weights": _weights_section(run_dir),
        "examples": examples,
    }


def write_report(
    run_dir: str | Path, df: pd.DataFrame, scores: dict[str, Any], manifest: dict[str, Any] | None,
) -> tuple[Path, Path]:
    """Write ``report.md`` (figures beside it in report_files/) and ``report.html`` (figures inline)."""
    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    context = build_context(run_dir, df, scores, manifest or {})
    figures = _figures(df, scores)
    figure_dir = run_dir / FIGURE_DIR
    plot_files = {}
    if figures:
        figure_dir.mkdir(exist_ok=True)
    for name, png in figures.items():
        (figure_dir / f"{name}.png").write_bytes(png)
        plot_files[name] = f"{FIGURE_DIR}/{name}.png"
    html = _environment(markdown=False).get_template("report.html.jinja").render(
        **context, plots={n: base64.b64encode(p).decode("ascii") for n, p in figures.items()},
    )
    md = _environment(markdown=True).get_template("report.md.jinja").render(**context, plot_files=plot_files)
    md_path, html_path = run_dir / "report.md", run_dir / "report.html"
    md_path.write_text(md, encoding="utf-8")
    html_path.write_text(html, encoding="utf-8")
    return md_path, html_path


__all__ = ["write_report", "build_context"]
