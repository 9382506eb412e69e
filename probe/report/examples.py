"""Verbatim example answers for each finding, with the claim highlighted (HTML and Markdown)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from probe.profiles import identity_category, question_key, usable
from probe.report.highlight import claim_spans, highlight_html, highlight_markdown

PER_FINDING = 2


def _example(row: pd.Series) -> dict[str, Any]:
    text = row.get("text")
    text = "" if text is None or (isinstance(text, float) and pd.isna(text)) else str(text)
    spans = claim_spans(row.get("claims"), text, row.get("self_name"))
    return {
        "target": str(row.get("target")), "condition": str(row.get("condition")), "language": str(row.get("language")),
        "question_id": str(row.get("question_id")), "sample": row.get("sample"),
        "html": highlight_html(text, spans), "md": highlight_markdown(text, spans),
    }


def _pick(rows: pd.DataFrame, n: int = PER_FINDING) -> list[dict[str, Any]]:
    """Short answers first, at most one per question, so examples show different prompts."""
    if rows.empty:
        return []
    rows = rows.assign(_len=rows["text"].fillna("").astype(str).str.len(), _q=question_key(rows))
    rows = rows.sort_values(["_len", "_q"], kind="stable").drop_duplicates("_q")
    return [_example(r) for _, r in rows.head(n).iterrows()]


def headline_examples(df: pd.DataFrame, headlines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """For each target × condition: answers presenting its most claimed identity."""
    data = usable(df)
    sections = []
    for h in headlines:
        family = next((i["value"] for i in h["items"] if i["kind"] == "family"), None)
        if family is None:
            continue
        rows = data[(data["target"] == h["target"]) & (data["self_family"] == family)]
        if h["condition"] is not None:
            rows = rows[rows["condition"].astype(str) == h["condition"]]
        title = f"{h['target']} · {h['condition']}: answers claiming {h['items'][0]['label']}"
        sections.append({"title": title, "examples": _pick(rows)})
    return [s for s in sections if s["examples"]]


def _top_family(rows: pd.DataFrame) -> str | None:
    families = rows["self_family"].dropna().astype(str)
    return families.value_counts().index[0] if not families.empty else None


def effect_examples(df: pd.DataFrame, effects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where a system prompt changes the claimed identity: one question answered under both conditions."""
    data = usable(df)
    sections, seen = [], set()
    for effect in effects:
        key = (effect["target"], effect["treated"], effect["control"])
        if key in seen:
            continue
        seen.add(key)
        part = data[data["target"] == effect["target"]]
        treated = part[part["condition"].astype(str) == effect["treated"]]
        control = part[part["condition"].astype(str) == effect["control"]]
        masked, unmasked = _top_family(treated), _top_family(control)
        if masked is None or unmasked is None or masked == unmasked:
            continue  # the prompt does not change who it says it is
        treated = treated[treated["self_family"] == masked]
        control = control[control["self_family"] == unmasked]
        common = sorted(set(question_key(treated)) & set(question_key(control)))
        if not common:
            continue
        q = common[0]
        pair = _pick(treated[question_key(treated) == q], 1) + _pick(control[question_key(control) == q], 1)
        sections.append({"title": f"{effect['target']}: the same question with '{effect['treated']}' and with "
                                  f"'{effect['control']}'", "examples": pair})
    return sections


def comparison_examples(df: pd.DataFrame, comparison: dict[str, Any]) -> list[dict[str, Any]]:
    """Suspect answers that claim each parent's most typical identity."""
    data = usable(df)
    if comparison.get("condition") is not None:
        data = data[data["condition"].astype(str) == comparison["condition"]]
    suspect = data[data["target"] == comparison["suspect"]]
    if suspect.empty:
        return []
    categories = identity_category(suspect)
    sections = []
    for parent in comparison["parents"]:
        profile = comparison["profiles"].get(parent, {})
        typical = [c for c, v in sorted(profile.items(), key=lambda kv: -kv[1]) if c != "none" and v > 0][:1]
        if not typical:
            continue
        rows = suspect[categories == typical[0]]
        sections.append({"title": f"{comparison['suspect']} answering like {parent} ({typical[0]})",
                         "examples": _pick(rows)})
    return [s for s in sections if s["examples"]]
