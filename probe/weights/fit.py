"""Least-squares merge fits from a Gram matrix (see ``gram.py``); pure arithmetic, no I/O.

Per donor:  s ≈ α·d with s = suspect − base, d = donor − base.
    α = <s,d>/<d,d>;  cos_fit = <s,d>/(‖s‖‖d‖);  residual = ‖s − α·d‖/‖s‖ = √(1 − cos_fit²).
Mixture (two or more donors): suspect ≈ Σ w_i·donor_i on the RAW weights, not on deltas, so that it
works when the base is itself one of the donors (Rio: base = qwen, donors nex and qwen, where qwen − base
is zero) and so that Σ w_i ≈ 1 is itself a check that the suspect is an affine merge of the donors.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import numpy as np

from probe.weights.gram import Layout


@dataclass(frozen=True)
class DonorFit:
    alpha: float | None  # None when the donor equals the base here (nothing to fit against)
    cos_fit: float | None  # None when either delta is zero
    residual: float | None  # relative to ‖suspect − base‖; None when that is zero


@dataclass(frozen=True)
class MixtureFit:
    weights: tuple[float, ...]
    residual: float | None  # ‖S − Σ w_i·D_i‖ / ‖S‖ on raw weights


def delta_fit(ss: float, sd: float, dd: float) -> DonorFit:
    """Fit s ≈ α·d from <s,s>, <s,d>, <d,d>."""
    ss, sd, dd = float(ss), float(sd), float(dd)
    if not (math.isfinite(ss) and math.isfinite(sd) and math.isfinite(dd)):
        return DonorFit(None, None, None)  # non-finite weights: no honest number to give
    if dd <= 0.0:
        return DonorFit(None, None, 1.0 if ss > 0.0 else None)
    alpha = sd / dd
    if ss <= 0.0:
        return DonorFit(alpha, None, None)
    cos = max(-1.0, min(1.0, sd / math.sqrt(ss * dd)))
    return DonorFit(alpha, cos, math.sqrt(max(0.0, 1.0 - cos * cos)))


def raw_gram(gram: np.ndarray, layout: Layout) -> np.ndarray:
    """Inner products of the raw weights [S, D_1..D_k] from the delta Gram (R = delta + base)."""
    idx = [0, *layout.donors]
    b = layout.base
    sub = gram[np.ix_(idx, idx)]
    cross = gram[idx, b]
    return sub + cross[:, None] + cross[None, :] + gram[b, b]


def mixture_fit(gram: np.ndarray, layout: Layout) -> MixtureFit | None:
    if layout.n_donors < 2:
        return None
    raw = raw_gram(gram, layout)
    if not np.isfinite(raw).all():
        return MixtureFit(tuple(math.nan for _ in layout.donors), None)
    ata, atb, ss = raw[1:, 1:], raw[1:, 0], raw[0, 0]
    weights, *_ = np.linalg.lstsq(ata, atb, rcond=None)
    if ss <= 0.0:
        return MixtureFit(tuple(float(w) for w in weights), None)
    resid2 = max(0.0, float(ss - weights @ atb))
    return MixtureFit(tuple(float(w) for w in weights), math.sqrt(resid2 / ss))


def donor_fits(gram: np.ndarray, layout: Layout) -> list[DonorFit]:
    return [delta_fit(gram[0, 0], gram[0, i], gram[i, i]) for i in layout.donors]


def null_fit(gram: np.ndarray, layout: Layout) -> DonorFit | None:
    n = layout.null
    return None if n is None else delta_fit(gram[0, 0], gram[0, n], gram[n, n])


def permutation_cos(gram: np.ndarray, perm_dot: float) -> float | None:
    """cos between s and the first donor's delta with each chunk's halves swapped (a shuffled-donor null)."""
    denom = gram[0, 0] * gram[1, 1]
    return None if not denom > 0.0 or not math.isfinite(denom) else float(perm_dot / math.sqrt(denom))


@dataclass
class TensorFit:
    """One tensor's record in weights.json."""

    name: str
    kind: str
    shape: tuple[int, ...]
    dtype: str
    donors: list[DonorFit]
    mixture: MixtureFit | None
    null: DonorFit | None
    perm_cos_fit: float | None

    def to_json(self) -> dict[str, object]:
        first = self.donors[0]
        row: dict[str, object] = {"name": self.name, "kind": self.kind, "shape": list(self.shape), "dtype": self.dtype,
                                  "alpha": first.alpha, "cos_fit": first.cos_fit, "residual": first.residual}
        if len(self.donors) > 1:
            row["per_donor"] = [asdict(d) for d in self.donors]
        if self.mixture is not None:
            row.update({f"w{i + 1}": w for i, w in enumerate(self.mixture.weights)})
            row["mix_residual"] = self.mixture.residual
        if self.null is not None:
            row["null_alpha"], row["null_cos_fit"] = self.null.alpha, self.null.cos_fit
        row["perm_cos_fit"] = self.perm_cos_fit
        return row


def fit_tensor(name: str, kind: str, shape: tuple[int, ...], dtype: str, gram: np.ndarray, perm_dot: float,
               layout: Layout) -> TensorFit:
    return TensorFit(name, kind, shape, dtype, donor_fits(gram, layout), mixture_fit(gram, layout),
                     null_fit(gram, layout), permutation_cos(gram, perm_dot))
