"""From classified answers to results: self-identification rates, the system-prompt effect, suspect vs parents.

Every function takes the response DataFrame (``probe.load(run_dir)`` after classification)
and returns plain data; nothing here reads or writes files.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from probe import stats
from probe.compare import compare
from probe.profiles import question_key, require_identity_columns, usable

LEVELS = {"name": "self_name", "family": "self_family", "org": "self_org"}
NO_CLAIM = "(none)"


def _claims_expected(df: pd.DataFrame) -> pd.Series:
    """Answers that present the target's expected identity: a self-claim and no mismatch."""
    has_claim = pd.Series(False, index=df.index)
    for column in LEVELS.values():
        has_claim |= df[column].notna() & (df[column].astype(str).str.strip() != "")
    mismatch = df["mismatch"] if "mismatch" in df else pd.Series(None, index=df.index, dtype=object)
    return has_claim & (mismatch.astype(object) == False)  # noqa: E712 - null (unknown) must not count


def _rate_row(hit: pd.Series, keys: pd.Series) -> stats.ClusteredRate:
    per_q = pd.DataFrame({"hit": hit.astype(int), "q": keys}).groupby("q")["hit"].agg(["sum", "count"])
    return stats.clustered_rate(per_q["sum"].to_numpy(), per_q["count"].to_numpy())


def self_id_rates(df: pd.DataFrame, by: tuple[str, ...] = ("target", "condition", "language")) -> pd.DataFrame:
    """Share of answers presenting each name / family / organisation as their own, per group, with 95% intervals.

    Intervals are Wilson intervals on the cluster-effective sample size (questions are the clusters).
    """
    require_identity_columns(df)
    data = usable(df)
    rows: list[dict[str, Any]] = []
    for group_key, part in data.groupby(list(by), dropna=False, sort=True):
        group_key = group_key if isinstance(group_key, tuple) else (group_key,)
        keys = question_key(part)
        for level, column in LEVELS.items():
            values = part[column].where(part[column].notna() & (part[column].astype(str).str.strip() != ""), NO_CLAIM)
            values = values.astype(str)
            for value in values.value_counts().index:
                r = _rate_row(values == value, keys)
                rows.append({**dict(zip(by, group_key, strict=True)), "level": level, "value": value, "count": r.count, "n": r.n,
                             "rate": r.rate, "ci_low": r.ci_low, "ci_high": r.ci_high, "n_questions": r.n_clusters})
    columns = [*by, "level", "value", "count", "n", "rate", "ci_low", "ci_high", "n_questions"]
    return pd.DataFrame(rows, columns=columns)


def _display_name(part: pd.DataFrame, family: str) -> str:
    names = part.loc[part["self_family"] == family, "self_name"].dropna().astype(str)
    return names.value_counts().index[0] if not names.empty else family


def _expected_label(part: pd.DataFrame) -> str | None:
    for raw in part.get("expected", pd.Series(dtype=object)).dropna():
        try:
            names = json.loads(raw) if isinstance(raw, str) else list(raw)
        except (TypeError, ValueError):
            continue
        if names:
            return str(names[0])
    return None


def headline_items(df: pd.DataFrame, target: str, condition: str | None) -> list[dict[str, Any]]:
    """The counts behind the headline: top claimed identity, its maker, and the expected identity."""
    require_identity_columns(df)
    part = usable(df[df["target"] == target])
    if condition is not None and "condition" in part:
        part = part[part["condition"].astype(str) == condition]
    n = len(part)
    items: list[dict[str, Any]] = []
    families = part["self_family"].dropna().astype(str)
    names = part["self_name"].dropna().astype(str)
    if families.empty and not names.empty:  # only names outside the lexicon ("Atlas", "Anna")
        name = names.value_counts().index[0]
        items.append({"label": name, "kind": "name", "value": name, "count": int((part["self_name"] == name).sum()), "n": n})
    if not families.empty:
        family = families.value_counts().index[0]
        items.append({"label": _display_name(part, family), "kind": "family", "value": family,
                      "count": int((part["self_family"] == family).sum()), "n": n})
        orgs = part.loc[part["self_family"] == family, "self_org"].dropna().astype(str)
        if not orgs.empty:
            org = orgs.value_counts().index[0]
            items.append({"label": org, "kind": "org", "value": org, "count": int((part["self_org"] == org).sum()), "n": n})
    expected = _expected_label(part)
    if expected and all(expected.lower() != i["label"].lower() for i in items):
        items.append({"label": expected, "kind": "expected", "value": expected,
                      "count": int(_claims_expected(part).sum()), "n": n})
    return items


def format_item(item: dict[str, Any]) -> str:
    if item["count"] == 0 or item["n"] == 0:
        return f"{item['label']} {item['count']}/{item['n']}"
    return f"{item['label']} {item['count']}/{item['n']} ({100 * item['count'] / item['n']:.1f}%)"


def headline(df: pd.DataFrame, target: str, condition: str | None = "none") -> str:
    """E.g. "Nex 95/120 (79.2%) · Nex-AGI 88/120 (73.3%) · Rio 0/120"."""
    items = headline_items(df, target, condition)
    return " · ".join(format_item(i) for i in items) if items else "no self-identification"


def _outcomes(part: pd.DataFrame) -> dict[str, pd.Series]:
    outcomes: dict[str, pd.Series] = {}
    if "mismatch" in part and part["mismatch"].notna().any():
        outcomes["presents the expected identity"] = _claims_expected(part)
        outcomes["presents another identity (mismatch)"] = part["mismatch"].astype(object) == True  # noqa: E712
    return outcomes


def system_prompt_effect(
    df: pd.DataFrame, target: str, treated: str = "persona", control: str = "none",
) -> list[dict[str, Any]]:
    """Treated vs control condition, paired by question: per outcome the rates, difference, interval and p-value."""
    require_identity_columns(df)
    part = usable(df[df["target"] == target]).copy()
    part = part[part["condition"].astype(str).isin([treated, control])]
    if part.empty:
        return []
    part["_q"] = question_key(part)
    outcomes = _outcomes(part)
    # The identities each condition mostly claims: the mask and what it hides.
    for cond in (control, treated):
        fam = part.loc[part["condition"] == cond, "self_family"].dropna().astype(str)
        if not fam.empty:
            top = fam.value_counts().index[0]
            outcomes.setdefault(f"says {_display_name(part, top)}", part["self_family"] == top)
    results = []
    for label, hit in outcomes.items():
        per_q = (pd.DataFrame({"q": part["_q"], "c": part["condition"], "hit": hit.astype(float)})
                 .groupby(["q", "c"])["hit"].mean().unstack("c"))
        if treated not in per_q or control not in per_q:
            continue
        paired = per_q[[treated, control]].dropna()
        diff = stats.paired_difference(paired[treated].to_numpy(), paired[control].to_numpy())
        results.append({"target": target, "outcome": label, "treated": treated, "control": control,
                        "treated_rate": float(paired[treated].mean()) if len(paired) else float("nan"),
                        "control_rate": float(paired[control].mean()) if len(paired) else float("nan"), **diff})
    return results


def _conditions(df: pd.DataFrame) -> list[str]:
    return sorted(df["condition"].dropna().astype(str).unique()) if "condition" in df else []


def score_run(
    df: pd.DataFrame, suspect: str | None = None, parents: list[str] | tuple[str, ...] | None = None,
    condition: str = "none", n_boot: int = 300, seed: int = 0,
) -> dict[str, Any]:
    """Everything the report needs: headlines, rates, system-prompt effects and (given a suspect) the comparison."""
    require_identity_columns(df)
    conditions = _conditions(df)
    targets = sorted(df["target"].dropna().astype(str).unique())
    answered = usable(df)
    headlines = []
    for t, c in answered.groupby(["target", "condition"]).size().index:
        items = headline_items(df, t, c)
        headlines.append({"target": t, "condition": c, "text": " · ".join(map(format_item, items)) or "no self-identification",
                          "items": items})
    # The control condition: the one asked for, else the first run (e.g. "neutral" when "none" was not).
    control = condition if condition in conditions else (conditions[0] if conditions else None)
    effects = []
    if control is not None:
        for t in targets:
            for treated in conditions:
                if treated != control:
                    effects += system_prompt_effect(df, t, treated=treated, control=control)
    comparison = None
    if suspect and parents:
        comparison = compare(df, suspect, list(parents), condition=control, n_boot=n_boot, seed=seed)
    rates = self_id_rates(df, by=("target", "condition"))
    return stats.plain({
        "targets": targets,
        "conditions": conditions,
        "control_condition": control,
        "headlines": headlines,
        "rates": rates.to_dict(orient="records"),
        "system_prompt_effect": effects,
        "comparison": comparison,
    })


__all__ = ["self_id_rates", "headline", "headline_items", "system_prompt_effect", "compare", "score_run"]
