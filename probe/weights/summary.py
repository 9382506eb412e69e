"""Median and spread of the per-tensor fits, overall and by module kind, plus the matching nulls.

"pooled" is one fit over all parameters of a group at once (the summed Gram matrices), which
weights big tensors by their size; the medians weight every tensor equally. Both are reported.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import numpy as np

from probe.weights.fit import TensorFit, delta_fit, donor_fits, mixture_fit, null_fit, permutation_cos
from probe.weights.gram import Layout
from probe.weights.kinds import KINDS

PERMUTATION_METHOD = "first donor's delta with the two halves of each chunk swapped (same values, positions broken)"


@dataclass
class FittedTensor:
    fit: TensorFit
    gram: np.ndarray
    perm_dot: float
    numel: int


def pooled_gram(items: list[FittedTensor], layout: Layout) -> np.ndarray:
    """Sum of the tensors' Gram matrices, leaving out tensors with non-finite weights."""
    return sum((t.gram for t in items if np.isfinite(t.gram).all()), np.zeros((layout.size, layout.size)))


def spread(values: Iterable[float | None]) -> dict[str, float | int | None]:
    """n, median, quartiles, IQR, min and max of the finite values."""
    xs = np.array([v for v in values if v is not None and math.isfinite(v)], dtype=np.float64)
    if xs.size == 0:
        return {"n": 0, "median": None, "q1": None, "q3": None, "iqr": None, "min": None, "max": None}
    q1, med, q3 = np.quantile(xs, [0.25, 0.5, 0.75])
    return {"n": int(xs.size), "median": float(med), "q1": float(q1), "q3": float(q3), "iqr": float(q3 - q1),
            "min": float(xs.min()), "max": float(xs.max())}


def _group_summary(items: list[FittedTensor], layout: Layout) -> dict[str, object]:
    gram = pooled_gram(items, layout)
    fits = [t.fit for t in items]
    out: dict[str, object] = {
        "n_tensors": len(items),
        "n_params": sum(t.numel for t in items),
        "alpha": spread(f.donors[0].alpha for f in fits),
        "cos_fit": spread(f.donors[0].cos_fit for f in fits),
        "residual": spread(f.donors[0].residual for f in fits),
        "pooled": asdict(delta_fit(gram[0, 0], gram[0, 1], gram[1, 1])),
    }
    if layout.n_donors > 1:
        pooled = donor_fits(gram, layout)
        out["per_donor"] = [{"alpha": spread(f.donors[i].alpha for f in fits),
                             "cos_fit": spread(f.donors[i].cos_fit for f in fits),
                             "pooled": asdict(pooled[i])} for i in range(layout.n_donors)]
        for i in range(layout.n_donors):
            out[f"w{i + 1}"] = spread(f.mixture.weights[i] for f in fits if f.mixture)
        out["mix_residual"] = spread(f.mixture.residual for f in fits if f.mixture)
        mixture = mixture_fit(gram, layout)
        out["pooled_mixture"] = {"weights": list(mixture.weights), "residual": mixture.residual} if mixture else None
    return out


def _null_group(items: list[FittedTensor], layout: Layout) -> dict[str, object]:
    gram = pooled_gram(items, layout)
    pooled = null_fit(gram, layout)
    return {"n_tensors": len(items),
            "alpha": spread(t.fit.null.alpha for t in items if t.fit.null),
            "cos_fit": spread(t.fit.null.cos_fit for t in items if t.fit.null),
            "pooled": asdict(pooled) if pooled else None}


def _perm_group(items: list[FittedTensor], layout: Layout) -> dict[str, object]:
    gram = pooled_gram(items, layout)
    return {"n_tensors": len(items), "cos_fit": spread(t.fit.perm_cos_fit for t in items),
            "pooled_cos_fit": permutation_cos(gram, sum(t.perm_dot for t in items if np.isfinite(t.gram).all()))}


def _by_kind(items: list[FittedTensor], layout: Layout, group) -> dict[str, object]:  # noqa: ANN001
    return {kind: group(members, layout) for kind in KINDS
            if (members := [t for t in items if t.fit.kind == kind])}


def summarise(items: list[FittedTensor], layout: Layout) -> dict[str, object]:
    return {"overall": _group_summary(items, layout), "by_kind": _by_kind(items, layout, _group_summary)}


def summarise_null(items: list[FittedTensor], layout: Layout, null_dir: str | None) -> dict[str, object]:
    checkpoint = None
    if layout.has_null:
        checkpoint = {"dir": null_dir, "overall": _null_group(items, layout),
                      "by_kind": _by_kind(items, layout, _null_group)}
    permutation = {"method": PERMUTATION_METHOD, "overall": _perm_group(items, layout),
                   "by_kind": _by_kind(items, layout, _perm_group)}
    return {"checkpoint": checkpoint, "permutation": permutation}
