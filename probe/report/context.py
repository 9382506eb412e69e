"""What the report templates receive: run facts, tables and figure data, all from plain inputs."""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

import probe
from probe.profiles import identity_category, question_key, usable


def _as_list(value: Any) -> list[str]:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return [value]
        return [str(v) for v in parsed] if isinstance(parsed, list) else [str(parsed)]
    return [str(v) for v in value]


def _distinct(df: pd.DataFrame, column: str) -> str:
    return ", ".join(sorted(df[column].dropna().astype(str).unique())) if column in df else ""


def run_facts(df: pd.DataFrame, manifest: dict[str, Any]) -> dict[str, Any]:
    """Targets, endpoints, conditions, languages, samples, dates and versions."""
    targets = []
    for name, part in df.groupby("target", sort=True):
        ok = usable(part)
        urls = sorted({u for v in part.get("base_url", pd.Series(dtype=object)).dropna() for u in _as_list(v)})
        targets.append({
            "name": str(name),
            "model": ", ".join(sorted(part["model"].dropna().astype(str).unique())) if "model" in part else "",
            "endpoints": ", ".join(urls),
            "expected": ", ".join(_as_list(part["expected"].dropna().iloc[0])) if part.get("expected") is not None
            and part["expected"].notna().any() else "",
            "answers": len(ok), "errors": len(part) - len(ok),
        })
    created = pd.to_datetime(df.get("created_at", pd.Series(dtype=object)), errors="coerce", utc=True).dropna()
    samples = df.groupby([df["target"], df.get("condition", ""), question_key(df)]).size() if len(df) else pd.Series(dtype=int)
    suite = manifest.get("suite") or {}
    return {
        "run_id": manifest.get("run_id") or _distinct(df, "run_id"),
        "status": manifest.get("status", ""),
        "targets": targets,
        "conditions": _distinct(df, "condition").split(", ") if "condition" in df else [],
        "languages": _distinct(df, "language").split(", ") if "language" in df else [],
        "questions": int(question_key(df).nunique()) if len(df) else 0,
        "samples_per_question": int(samples.max()) if len(samples) else 0,
        "temperature": ", ".join(sorted({f"{t:g}" for t in df["temperature"].dropna()})) if "temperature" in df else "",
        "first_answer": created.min().isoformat() if len(created) else "",
        "last_answer": created.max().isoformat() if len(created) else "",
        "suite": f"{suite.get('id', '')} {suite.get('version', '')}".strip() or _distinct(df, "suite"),
        "probe_version": probe.__version__,
        "packages": manifest.get("packages") or {},
        "git_revision": manifest.get("git_revision") or "",
        "python": manifest.get("python") or "",
    }


def category_shares(df: pd.DataFrame) -> pd.DataFrame:
    """Rows "target · condition", columns claimed-identity categories, values shares of answers."""
    data = usable(df)
    if data.empty:
        return pd.DataFrame()
    label = data["target"].astype(str) + " · " + data["condition"].astype(str)
    table = pd.crosstab(label, identity_category(data), normalize="index")
    return table


def language_tables(df: pd.DataFrame, condition: str | None) -> dict[str, pd.DataFrame]:
    """Per target: rows languages, columns claimed-identity categories (under the control condition)."""
    data = usable(df)
    if condition is not None and "condition" in data:
        data = data[data["condition"].astype(str) == condition]
    out = {}
    for target, part in data.groupby("target", sort=True):
        if part["language"].nunique() >= 1:
            out[str(target)] = pd.crosstab(part["language"].astype(str), identity_category(part), normalize="index")
    return out


def top_rates(rates: list[dict[str, Any]], level: str = "family", per_group: int = 6) -> list[dict[str, Any]]:
    """The most frequent self-claims per target × condition, from ``score_run``'s rate rows."""
    frame = pd.DataFrame(rates)
    if frame.empty:
        return []
    frame = frame[frame["level"] == level]
    keys = [k for k in ("target", "condition") if k in frame]
    frame = frame.sort_values([*keys, "count"], ascending=[*([True] * len(keys)), False])
    return frame.groupby(keys, sort=True).head(per_group).to_dict(orient="records")
