"""Suspect vs candidate parents: distances, same-profile tests, mixture, stylometry, fingerprints, verdict."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from probe import stats
from probe.errors import ProbeInputError
from probe.fingerprints import find_fingerprints
from probe.mixture import fit_mixture, goodness_of_fit
from probe.profiles import ProfileTable, profile_table, question_key, usable
from probe.stylometry import attribute
from probe.verdict import decide

OTHER = "other"


def _for_condition(df: pd.DataFrame, condition: str | None) -> pd.DataFrame:
    if condition is None or "condition" not in df:
        return df
    return df[df["condition"].astype(str) == condition]


def _jsd(table: ProfileTable, suspect: str, parents: list[str], resamples: np.ndarray) -> tuple[dict, dict]:
    point, ci = {}, {}
    s_boot = table.counts[suspect][resamples].sum(axis=1)
    for p in parents:
        point[p] = stats.js_distance(table.pooled(suspect), table.pooled(p))
        p_boot = table.counts[p][resamples].sum(axis=1)
        reps = np.array([stats.js_distance(a, b) for a, b in zip(s_boot, p_boot, strict=True)])
        lo, hi = stats.percentile_interval(reps)
        ci[p] = [float(lo), float(hi)]
    return point, ci


def _same_profile(table: ProfileTable, suspect: str, parents: list[str], n_perm: int, seed: int) -> dict:
    raw = {}
    for p in parents:
        dist, pval = stats.stratified_permutation_test(
            table.labels[suspect], table.strata[suspect], table.labels[p], table.strata[p],
            len(table.categories), n_perm=n_perm, seed=seed,
        )
        raw[p] = (dist, pval)
    adjusted = stats.holm([v[1] for v in raw.values()])
    return {
        p: {"jsd": dist, "p_value": pval, "p_holm": float(adj), "same_profile_rejected": bool(adj < 0.05)}
        for (p, (dist, pval)), adj in zip(raw.items(), adjusted, strict=True)
    }


def _texts(df: pd.DataFrame, target: str, questions: set[str]) -> tuple[list[str], list[str]]:
    part = df[df["target"] == target]
    keys = question_key(part)
    part = part[keys.isin(questions)]
    return part["text"].fillna("").astype(str).tolist(), keys[keys.isin(questions)].tolist()


def compare(
    df: pd.DataFrame, suspect: str, parents: list[str] | tuple[str, ...], condition: str | None = "none",
    n_boot: int = 300, n_perm: int = 999, seed: int = 0,
) -> dict[str, Any]:
    """Everything the report and ``comparison.json`` say about the suspect and its candidate parents."""
    parents = list(parents)
    if not parents:
        raise ProbeInputError("parents", "name at least one candidate parent")
    if suspect in parents:
        raise ProbeInputError("parents", f"the suspect {suspect!r} cannot also be a parent")
    data = usable(_for_condition(df, condition))
    table = profile_table(data, [suspect, *parents])
    resamples = stats.cluster_resamples(len(table.questions), n_boot, seed)

    parent_counts = [table.counts[p] for p in parents]
    fit = fit_mixture(table.counts[suspect], parent_counts, n_boot=n_boot, seed=seed)
    names = [*parents, OTHER]
    mixture = {n: float(w) for n, w in zip(names, fit.weights, strict=True)}
    mixture_ci = {n: [float(lo), float(hi)] for n, lo, hi in zip(names, fit.ci_low, fit.ci_high, strict=True)}
    fit_p = goodness_of_fit(table.counts[suspect], parent_counts, n_sim=n_boot, seed=seed)
    jsd, jsd_ci = _jsd(table, suspect, parents, resamples)
    same = _same_profile(table, suspect, parents, n_perm, seed)

    questions = set(table.questions)
    suspect_texts, _ = _texts(data, suspect, questions)
    parent_texts, parent_groups = {}, {}
    for p in parents:
        parent_texts[p], parent_groups[p] = _texts(data, p, questions)
    style = attribute(parent_texts, parent_groups, suspect_texts, seed=seed)
    bystanders = data[~data["target"].isin([suspect, *parents])]
    background = bystanders["text"].fillna("").astype(str).tolist()
    prints, n_distinctive = find_fingerprints(parent_texts, parent_groups, suspect_texts, background_texts=background)

    n_samples = {s: table.n_answers(s) for s in table.sources}
    decision = decide(
        parents, fit.weights, fit.replicates, jsd, same, style.shares, style.cv_accuracy, n_samples[suspect], fit_p,
    )
    profiles = {
        s: {c: float(v) for c, v in zip(table.categories, table.pooled(s) / max(1, table.n_answers(s)), strict=True)}
        for s in table.sources
    }
    return stats.plain({
        "suspect": suspect,
        "parents": parents,
        "condition": condition,
        "closest_parent": decision.closest_parent,
        "verdict": decision.text,
        "verdict_parent": decision.verdict_parent,
        "evidence": decision.evidence,
        "more_samples_needed": decision.more_samples_needed,
        "mixture": mixture,
        "mixture_ci": mixture_ci,
        "mixture_fit_p": fit_p,
        "other_novel_share": fit.novel_share,
        "jsd": jsd,
        "jsd_ci": jsd_ci,
        "same_profile_tests": same,
        "attribution": style.shares,
        "attribution_cv_accuracy": style.cv_accuracy,
        "attribution_chance": style.chance,
        "fingerprints": [vars(f) for f in prints],
        "distinctive_phrases": n_distinctive,
        "n_samples": n_samples[suspect],
        "n_samples_by_target": n_samples,
        "n_questions": len(table.questions),
        "profiles": profiles,
        "method": {
            "profile": "self-claimed family per answer ('org:X' maker only, 'other-name', 'none'), by question",
            "bootstrap": f"{n_boot} resamples of questions (clusters)",
            "permutations": n_perm,
            "seed": seed,
        },
    })
