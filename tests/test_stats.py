"""probe.stats: intervals that keep their coverage under clustering, tests that hold their size, mixture fits."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.spatial.distance import jensenshannon

from probe import mixture, stats


def test_wilson_zero_successes_has_the_closed_form_upper_bound():
    lo, hi = stats.wilson_interval(0, 10)
    z2 = stats.Z95**2
    assert lo == 0.0
    assert hi == pytest.approx(z2 / (10 + z2))


def _clustered_sample(rng, n_q, per_q, mean, icc_strength):
    """Question-level rates from a Beta; answers Bernoulli given the question."""
    a = mean * icc_strength
    b = (1 - mean) * icc_strength
    rates = rng.beta(a, b, size=n_q)
    hits = rng.binomial(per_q, rates)
    return hits, np.full(n_q, per_q)


def test_clustered_rate_keeps_coverage_where_a_naive_interval_does_not():
    rng = np.random.default_rng(1)
    truth, covered, naive_covered, sims = 0.3, 0, 0, 400
    for _ in range(sims):
        hits, totals = _clustered_sample(rng, n_q=30, per_q=8, mean=truth, icc_strength=1.0)  # strong clustering
        r = stats.clustered_rate(hits, totals)
        covered += r.ci_low <= truth <= r.ci_high
        lo, hi = stats.wilson_interval(hits.sum(), totals.sum())
        naive_covered += lo <= truth <= hi
    assert covered / sims >= 0.90
    assert naive_covered / sims < 0.80  # the naive interval is far too narrow here
    assert r.design_effect > 2


def test_clustered_rate_design_effect_is_about_one_for_independent_answers():
    rng = np.random.default_rng(2)
    hits = rng.binomial(8, 0.4, size=200)
    r = stats.clustered_rate(hits, np.full(200, 8))
    assert r.design_effect < 1.3
    assert r.count == hits.sum() and r.n == 1600 and r.n_clusters == 200


def test_clustered_rate_of_zero_is_not_a_zero_width_interval():
    r = stats.clustered_rate(np.zeros(30), np.full(30, 4))
    assert r.rate == 0.0 and r.ci_low == 0.0 and r.ci_high > 0.01


def test_paired_permutation_test_size_and_power():
    rng = np.random.default_rng(3)
    null_ps = [stats.paired_permutation_test(rng.normal(0, 1, 40), n_perm=999, seed=i) for i in range(200)]
    assert np.mean(np.array(null_ps) < 0.05) <= 0.09
    assert stats.paired_permutation_test(rng.normal(0.8, 1, 40), n_perm=999) < 0.01


def test_paired_difference_interval_contains_the_true_shift():
    rng = np.random.default_rng(4)
    control = rng.uniform(0, 1, 80)
    treated = np.clip(control - 0.3 + rng.normal(0, 0.05, 80), 0, 1)
    out = stats.paired_difference(treated, control)
    assert out["ci_low"] <= out["diff"] <= out["ci_high"]
    assert out["ci_high"] < -0.2 and out["p_value"] < 0.001 and out["n_questions"] == 80


def test_js_distance_matches_scipy_and_its_bounds():
    rng = np.random.default_rng(5)
    for _ in range(20):
        p, q = rng.dirichlet(np.ones(6)), rng.dirichlet(np.ones(6))
        assert stats.js_distance(p, q) == pytest.approx(jensenshannon(p, q, base=2), abs=1e-9)
    assert stats.js_distance([1, 0], [1, 0]) == 0.0
    assert stats.js_distance([1, 0], [0, 1]) == pytest.approx(1.0)
    assert math.isnan(stats.js_distance([0, 0], [1, 0]))


def test_holm_adjustment():
    adjusted = stats.holm([0.01, 0.04, 0.03])
    assert adjusted.tolist() == pytest.approx([0.03, 0.06, 0.06])
    assert stats.holm([0.5, 0.9]).tolist() == pytest.approx([1.0, 1.0])


def _answers(rng, per_q_profiles, n_per_q):
    labels, strata = [], []
    for q, profile in enumerate(per_q_profiles):
        labels += list(rng.choice(len(profile), size=n_per_q, p=profile))
        strata += [q] * n_per_q
    return np.array(labels), np.array(strata)


def test_stratified_permutation_test_holds_size_under_heavy_clustering():
    rng = np.random.default_rng(6)
    rejections = 0
    for sim in range(60):
        profiles = rng.dirichlet(np.full(4, 0.3), size=25)  # questions differ wildly
        la, sa = _answers(rng, profiles, 4)
        lb, sb = _answers(rng, profiles, 4)  # same per-question distributions
        _, p = stats.stratified_permutation_test(la, sa, lb, sb, 4, n_perm=199, seed=sim)
        rejections += p < 0.05
    assert rejections / 60 <= 0.12


def test_stratified_permutation_test_detects_a_different_profile():
    rng = np.random.default_rng(7)
    base = rng.dirichlet(np.ones(4), size=25)
    shifted = 0.5 * base + 0.5 * np.array([0, 0, 0, 1.0])
    la, sa = _answers(rng, base, 4)
    lb, sb = _answers(rng, shifted, 4)
    dist, p = stats.stratified_permutation_test(la, sa, lb, sb, 4, n_perm=499)
    assert p < 0.01 and dist > 0.1


def _counts(rng, per_q_profiles, n_per_q):
    return np.stack([rng.multinomial(n_per_q, p) for p in per_q_profiles]).astype(float)


def _parents(rng, n_q=60, k=6):
    a = rng.dirichlet(np.array([6, 1, 1, 0.3, 0.3, 0.3]), size=n_q)
    b = rng.dirichlet(np.array([1, 6, 1, 0.3, 0.3, 0.3]), size=n_q)
    return a, b


@pytest.mark.parametrize("weight", [0.2, 0.6, 0.9])
def test_fit_mixture_recovers_planted_weights(weight):
    rng = np.random.default_rng(int(weight * 10))
    a, b = _parents(rng)
    suspect = _counts(rng, weight * a + (1 - weight) * b, 6)
    fit = mixture.fit_mixture(suspect, [_counts(rng, a, 6), _counts(rng, b, 6)], n_boot=100)
    assert fit.weights.sum() == pytest.approx(1.0)
    assert abs(fit.weights[0] - weight) < 0.08
    assert fit.ci_low[0] - 0.02 <= weight <= fit.ci_high[0] + 0.02
    assert fit.weights[2] < 0.05  # nothing unexplained


def test_fit_mixture_puts_novel_identities_in_other():
    rng = np.random.default_rng(8)
    a, b = _parents(rng)
    novel = np.zeros_like(a)
    novel[:, 5] = 1.0  # an identity neither parent ever claims
    a[:, 5] = b[:, 5] = 0.0
    a, b = a / a.sum(1, keepdims=True), b / b.sum(1, keepdims=True)
    suspect = _counts(rng, 0.5 * a + 0.2 * b + 0.3 * novel, 6)
    fit = mixture.fit_mixture(suspect, [_counts(rng, a, 6), _counts(rng, b, 6)], n_boot=50)
    assert abs(fit.weights[2] - 0.3) < 0.07
    assert abs(fit.weights[0] - 0.5) < 0.08


def test_goodness_of_fit_accepts_a_true_mixture_and_rejects_a_stranger():
    rng = np.random.default_rng(9)
    a, b = _parents(rng)
    parents = [_counts(rng, a, 6), _counts(rng, b, 6)]
    true_mix = _counts(rng, 0.5 * a + 0.5 * b, 6)
    stranger_profile = rng.dirichlet(np.array([2, 2, 2, 0.3, 0.3, 0.3]), size=a.shape[0])  # same identities, other pattern
    stranger = _counts(rng, stranger_profile, 6)
    assert mixture.goodness_of_fit(true_mix, parents, n_sim=100) > 0.05
    assert mixture.goodness_of_fit(stranger, parents, n_sim=100) < 0.05


def test_extra_samples_needed_grows_as_the_difference_shrinks():
    big = stats.extra_samples_needed(0.2, 0.1, 100)
    small = stats.extra_samples_needed(0.1, 0.1, 100)
    assert big is not None and small is not None and small > big > 0
    assert stats.extra_samples_needed(0.3, 0.05, 100) == 0  # already settled
    assert stats.extra_samples_needed(0.001, 0.1, 100) is None  # beyond any practical sample


def test_plain_makes_results_json_ready():
    out = stats.plain({"a": np.float64("nan"), "b": np.int64(3), "c": [np.float32(0.5)], "d": np.array([1, 2])})
    assert out == {"a": None, "b": 3, "c": [0.5], "d": [1, 2]}
    assert type(out["b"]) is int


def test_choose_shrink_trusts_consistent_questions_and_pools_random_ones():
    rng = np.random.default_rng(10)
    consistent = np.zeros((40, 5))
    consistent[np.arange(40), rng.integers(0, 5, 40)] = 6  # each question always gets one answer
    random = np.stack([rng.multinomial(6, np.full(5, 0.2)) for _ in range(40)]).astype(float)
    assert mixture.choose_shrink(consistent) <= 0.5
    assert mixture.choose_shrink(random) >= 16
