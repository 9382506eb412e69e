"""The suspect's self-identity profile as a mixture of its candidate parents' profiles plus "other".

Pure numpy. Inputs are count tables, questions × categories, on one shared index. Each
parent enters with its per-question profile (shrunk toward its overall profile by an amount
chosen by leave-one-out), so a question that makes one parent say "Claude" and the other
"Kimi" tells them apart. "Other" has two parts, reported together: identities no parent
ever gave (a free distribution over those categories: "Rio", "Anna") and surprises
(a flat, small probability for any answer). Weights are maximum-likelihood (EM); intervals come from
resampling questions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from probe.stats import cluster_resamples, percentile_interval

SHRINK_GRID = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 256.0)
# "Surprise" spreads its mass over the space of identities an answer could claim (the lexicon's
# ~50 families, maker-only claims, other names, none), not over the handful seen in this run:
# with 3 categories a uniform would explain a third of any answer and swallow real evidence.
SURPRISE_SPACE = 50


def _overall(counts: np.ndarray) -> np.ndarray:
    k = counts.shape[1]
    total = counts.sum(axis=0)
    return (total + 0.5 / k) / (total.sum() + 0.5)  # a floor: one surprising answer is not impossible


def question_profiles(counts: np.ndarray, shrink: float) -> np.ndarray:
    """Per-question category distributions of one source, shrunk toward its overall profile.

    A question the source never answered gets the overall profile.
    """
    counts = np.asarray(counts, dtype=float)
    n_q = counts.sum(axis=1, keepdims=True)
    return (counts + shrink * _overall(counts)) / (n_q + shrink)


def choose_shrink(counts: np.ndarray, grid: tuple[float, ...] = SHRINK_GRID) -> float:
    """The shrinkage that best predicts each of the source's answers from its other answers (leave one out).

    A model that answers each question consistently earns little shrinkage (its per-question
    profile is informative); one whose answers vary at random earns a lot.
    """
    counts = np.asarray(counts, dtype=float)
    overall = _overall(counts)
    n_q = counts.sum(axis=1, keepdims=True)
    nz = counts > 0
    best, best_ll = grid[0], -np.inf
    for shrink in grid:
        loo = (counts - 1 + shrink * overall) / (n_q - 1 + shrink)
        ll = float(np.sum(counts[nz] * np.log(np.maximum(loo[nz], 1e-12))))
        if ll > best_ll:
            best, best_ll = shrink, ll
    return best


def fixed_components(parent_counts: list[np.ndarray], shrink: list[float]) -> list[np.ndarray]:
    """Parents' per-question profiles, then the flat "surprise" component."""
    q, k = parent_counts[0].shape
    surprise = np.full((q, k), 1.0 / max(k, SURPRISE_SPACE))
    return [*(question_profiles(c, a) for c, a in zip(parent_counts, shrink, strict=True)), surprise]


def novel_categories(parent_counts: list[np.ndarray]) -> np.ndarray:
    """Categories that no parent produced at all."""
    return np.sum([c.sum(axis=0) for c in parent_counts], axis=0) == 0


def em_weights(
    suspect_counts: np.ndarray, components: list[np.ndarray], novel: np.ndarray,
    init: np.ndarray | None = None, max_iter: int = 5000, tol: float = 1e-9,
) -> tuple[np.ndarray, np.ndarray]:
    """EM for the weights of fixed components plus a free "novel" component on ``novel`` categories.

    Returns (weights: fixed components…, novel; novel profile over all categories).
    """
    s = np.asarray(suspect_counts, dtype=float)
    k = s.shape[1]
    q_idx, cat = np.nonzero(s)
    m = s[q_idx, cat]
    fixed = np.stack([c[q_idx, cat] for c in components])
    use_novel = bool(novel[cat].any())
    novel_profile = novel / novel.sum() if use_novel else np.zeros(k)
    n = len(components) + 1
    w = np.full(n, 1.0 / (n if use_novel else n - 1)) if init is None else np.asarray(init, float).copy()
    if not use_novel:
        w[-1] = 0.0
    w = w / w.sum()
    if m.sum() == 0:
        return w, novel_profile
    for _ in range(max_iter):
        f = np.vstack([fixed, novel_profile[cat]])
        mix = w @ f
        resp = w[:, None] * f / mix
        new = resp @ m / m.sum()
        if use_novel:
            mass = np.bincount(cat, weights=resp[-1] * m, minlength=k) * novel
            novel_profile = mass / mass.sum() if mass.sum() > 0 else novel_profile
        done = np.max(np.abs(new - w)) < tol
        w = new
        if done:
            break
    return w / w.sum(), novel_profile


@dataclass(frozen=True)
class MixtureFit:
    weights: np.ndarray  # parents…, other (surprise + novel)
    ci_low: np.ndarray
    ci_high: np.ndarray
    replicates: np.ndarray  # bootstrap replicates × (parents…, other)
    novel_share: float  # part of "other" that is identities no parent gave
    shrink: list[float]


def _collapse(w: np.ndarray) -> np.ndarray:
    return np.concatenate([w[:-2], [w[-2] + w[-1]]])


def fit_mixture(suspect_counts: np.ndarray, parent_counts: list[np.ndarray], n_boot: int = 300, seed: int = 0) -> MixtureFit:
    """Weights with a cluster-bootstrap interval: questions are resampled for all sources at once."""
    shrink = [choose_shrink(c) for c in parent_counts]
    novel = novel_categories(parent_counts)
    full, _ = em_weights(suspect_counts, fixed_components(parent_counts, shrink), novel)
    reps = np.empty((n_boot, len(parent_counts) + 1))
    for b, idx in enumerate(cluster_resamples(suspect_counts.shape[0], n_boot, seed)):
        comps = fixed_components([c[idx] for c in parent_counts], shrink)
        w, _ = em_weights(suspect_counts[idx], comps, novel, init=np.maximum(full, 1e-3), tol=1e-7)
        reps[b] = _collapse(w)
    lo, hi = percentile_interval(reps)
    return MixtureFit(_collapse(full), lo, hi, reps, float(full[-1]), shrink)


def _g_statistic(suspect_counts: np.ndarray, fitted: np.ndarray) -> float:
    expected = fitted * suspect_counts.sum(axis=1, keepdims=True)
    nz = suspect_counts > 0
    return float(2 * np.sum(suspect_counts[nz] * np.log(suspect_counts[nz] / expected[nz])))


def _fitted(suspect_counts: np.ndarray, parent_counts: list[np.ndarray], shrink: list[float], novel: np.ndarray,
            init: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    comps = fixed_components(parent_counts, shrink)
    w, novel_profile = em_weights(suspect_counts, comps, novel, init=init, tol=1e-7)
    fitted = np.tensordot(w[:-1], np.stack(comps), axes=1) + w[-1] * novel_profile
    return fitted / fitted.sum(axis=1, keepdims=True), w  # surprise mass off the observed categories drops out


def goodness_of_fit(suspect_counts: np.ndarray, parent_counts: list[np.ndarray], n_sim: int = 200, seed: int = 0) -> float:
    """p-value of "the suspect answers like the fitted mixture", by parametric bootstrap.

    The statistic is the per-question G statistic of the suspect's answers against the fit.
    Each simulation draws the suspect's answers from the fit and the parents' reference
    answers from their fitted per-question profiles, then refits, so the noise of
    estimating the parents is part of the null.
    """
    shrink = [choose_shrink(c) for c in parent_counts]
    novel = novel_categories(parent_counts)
    fitted, weights = _fitted(suspect_counts, parent_counts, shrink, novel)
    observed = _g_statistic(suspect_counts, fitted)
    rng = np.random.default_rng(seed)
    n_sq = suspect_counts.sum(axis=1).astype(int)
    parent_n = [c.sum(axis=1).astype(int) for c in parent_counts]
    parent_p = [question_profiles(c, a) for c, a in zip(parent_counts, shrink, strict=True)]
    exceed = 0
    for _ in range(n_sim):
        sim_s = rng.multinomial(n_sq, fitted).astype(float)
        sim_parents = [rng.multinomial(n, p).astype(float) for n, p in zip(parent_n, parent_p, strict=True)]
        sim_fit, _ = _fitted(sim_s, sim_parents, shrink, novel, init=np.maximum(weights, 1e-3))
        exceed += _g_statistic(sim_s, sim_fit) >= observed - 1e-9
    return float((1 + exceed) / (n_sim + 1))
