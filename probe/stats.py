"""Statistics for the audit: intervals, paired and permutation tests, profile distances (mixtures: probe.mixture).

Pure functions on numpy arrays; no I/O and no pandas. Samples of one question are not
independent, so every resampling here treats the question as the unit (a cluster).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import norm

Z95 = float(norm.ppf(0.975))


def wilson_interval(successes: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval; ``successes`` and ``n`` may be fractional (effective counts)."""
    if n <= 0:
        return (0.0, 1.0)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, float(centre - half)), min(1.0, float(centre + half)))


@dataclass(frozen=True)
class ClusteredRate:
    count: int
    n: int
    rate: float
    ci_low: float
    ci_high: float
    design_effect: float  # variance inflation from answers clustering within questions
    n_clusters: int


def clustered_rate(hits: np.ndarray, totals: np.ndarray, z: float = Z95) -> ClusteredRate:
    """Share of answers with a property, with a Wilson interval on the cluster-effective sample size.

    ``hits[q]`` and ``totals[q]`` are counts per question. The ratio estimator's variance across
    questions gives the design effect; dividing n by it keeps the interval honest when a
    model answers all samples of one question alike. Unlike a percentile bootstrap, this does
    not collapse to [0, 0] for 0/120.
    """
    hits = np.asarray(hits, dtype=float)
    totals = np.asarray(totals, dtype=float)
    keep = totals > 0
    hits, totals = hits[keep], totals[keep]
    n, k, q = float(totals.sum()), float(hits.sum()), int(keep.sum())
    if n == 0:
        return ClusteredRate(0, 0, float("nan"), 0.0, 1.0, 1.0, 0)
    p = k / n
    deff = 1.0
    if q > 1 and 0 < p < 1:
        var_cluster = q / (q - 1) * float(np.sum((hits - p * totals) ** 2)) / n**2
        deff = max(1.0, var_cluster / (p * (1 - p) / n))
    n_eff = n / deff
    lo, hi = wilson_interval(p * n_eff, n_eff, z)
    return ClusteredRate(int(k), int(n), p, lo, hi, deff, q)


def percentile_interval(samples: np.ndarray, level: float = 0.95, axis: int = 0) -> tuple[np.ndarray, np.ndarray]:
    tail = (1 - level) / 2 * 100
    arr = np.asarray(samples, dtype=float)
    return np.nanpercentile(arr, tail, axis=axis), np.nanpercentile(arr, 100 - tail, axis=axis)


def cluster_resamples(n_clusters: int, n_boot: int, seed: int = 0) -> np.ndarray:
    """Rows of question indices drawn with replacement: one row per bootstrap replicate."""
    rng = np.random.default_rng(seed)
    return rng.integers(0, n_clusters, size=(n_boot, n_clusters))


def paired_permutation_test(diffs: np.ndarray, n_perm: int = 9999, seed: int = 0) -> float:
    """Two-sided sign-flip test that per-question paired differences centre on zero."""
    d = np.asarray(diffs, dtype=float)
    d = d[~np.isnan(d)]
    if d.size == 0 or np.allclose(d, 0):
        return 1.0
    observed = abs(d.mean())
    rng = np.random.default_rng(seed)
    signs = rng.choice((-1.0, 1.0), size=(n_perm, d.size))
    null = np.abs((signs * d).mean(axis=1))
    return float((1 + np.sum(null >= observed - 1e-12)) / (n_perm + 1))


def paired_difference(treated: np.ndarray, control: np.ndarray, n_boot: int = 2000, seed: int = 0) -> dict[str, float]:
    """Mean of per-question differences with a bootstrap interval and a sign-flip p-value."""
    d = np.asarray(treated, dtype=float) - np.asarray(control, dtype=float)
    if d.size == 0:
        return {"diff": float("nan"), "ci_low": float("nan"), "ci_high": float("nan"), "p_value": float("nan"), "n_questions": 0}
    boots = d[cluster_resamples(d.size, n_boot, seed)].mean(axis=1)
    lo, hi = percentile_interval(boots)
    return {"diff": float(d.mean()), "ci_low": float(lo), "ci_high": float(hi),
            "p_value": paired_permutation_test(d, seed=seed), "n_questions": int(d.size)}


def js_distance(p: np.ndarray, q: np.ndarray) -> float:
    """Jensen–Shannon distance (square root of the divergence, base 2): 0 same, 1 disjoint."""
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    if p.sum() <= 0 or q.sum() <= 0:
        return float("nan")
    p, q = p / p.sum(), q / q.sum()
    m = (p + q) / 2

    def kl(a: np.ndarray) -> float:
        nz = a > 0
        return float(np.sum(a[nz] * np.log2(a[nz] / m[nz])))

    return float(np.sqrt(max(0.0, (kl(p) + kl(q)) / 2)))


def holm(p_values: list[float] | np.ndarray) -> np.ndarray:
    """Holm–Bonferroni adjusted p-values (same order as given)."""
    p = np.asarray(p_values, dtype=float)
    m = p.size
    order = np.argsort(p)
    adjusted = np.empty(m)
    running = 0.0
    for rank, idx in enumerate(order):
        running = max(running, (m - rank) * p[idx])
        adjusted[idx] = min(1.0, running)
    return adjusted


def stratified_permutation_test(
    labels_a: np.ndarray, strata_a: np.ndarray, labels_b: np.ndarray, strata_b: np.ndarray,
    n_categories: int, n_perm: int = 999, seed: int = 0,
) -> tuple[float, float]:
    """Test "same profile": shuffle answers between A and B within each question.

    Under the null both sources draw from one distribution per question, so swapping labels
    inside a question is exact however strongly answers cluster by question. The statistic
    is the JS distance of the pooled profiles. Returns (observed distance, p-value).
    """
    labels = np.concatenate([labels_a, labels_b]).astype(int)
    strata = np.concatenate([strata_a, strata_b]).astype(int)
    from_a = np.concatenate([np.ones(len(labels_a), bool), np.zeros(len(labels_b), bool)])
    observed = js_distance(np.bincount(labels_a, minlength=n_categories), np.bincount(labels_b, minlength=n_categories))
    if len(labels_a) == 0 or len(labels_b) == 0:
        return observed, float("nan")
    n_strata = int(strata.max()) + 1
    a_per_stratum = np.bincount(strata[from_a], minlength=n_strata)
    rng = np.random.default_rng(seed)
    exceed = 0
    for _ in range(n_perm):
        order = np.lexsort((rng.random(labels.size), strata))
        s_sorted = strata[order]
        starts = np.searchsorted(s_sorted, s_sorted, side="left")
        in_a = (np.arange(labels.size) - starts) < a_per_stratum[s_sorted]
        la = labels[order][in_a]
        lb = labels[order][~in_a]
        stat = js_distance(np.bincount(la, minlength=n_categories), np.bincount(lb, minlength=n_categories))
        exceed += stat >= observed - 1e-12
    return observed, float((1 + exceed) / (n_perm + 1))


def extra_samples_needed(diff: float, se: float, n_now: int, z_total: float = 2.8) -> int | None:
    """Roughly how many more samples make a difference ``diff`` clear (≈80% power at 5%).

    The standard error shrinks as 1/sqrt(n); ``z_total`` = 1.96 + 0.84. None when the
    difference is too small to settle with any practical number of samples (> 20× now).
    """
    if n_now <= 0 or not np.isfinite(se) or se <= 0:
        return None
    if abs(diff) < 1e-9:
        return None
    factor = (z_total * se / abs(diff)) ** 2
    if factor > 20:
        return None
    return max(0, int(np.ceil(n_now * (factor - 1))))


def plain(value: object) -> object:
    """Nested results as JSON-ready Python: numpy scalars to int/float, NaN and inf to None."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, np.ndarray):
        return [plain(v) for v in value.tolist()]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return float(value) if np.isfinite(value) else None
    return value
