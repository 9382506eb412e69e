"""Report figures as PNG bytes (matplotlib, Agg backend: no display, no network)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402 - backend first
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

MAX_CATEGORIES = 9  # the rest are pooled as "(rest)" so colours stay tellable apart
MAX_HEATMAPS = 6


def _png(fig: plt.Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _top_categories(shares: pd.DataFrame) -> list[str]:
    order = shares.sum(axis=0).sort_values(ascending=False).index.tolist()
    return order[:MAX_CATEGORIES]


def _pool_rest(shares: pd.DataFrame) -> pd.DataFrame:
    keep = _top_categories(shares)
    out = shares[keep].copy()
    rest = shares.drop(columns=keep).sum(axis=1)
    if (rest > 0).any():
        out["(rest)"] = rest
    return out


def claimed_identities(category_shares: pd.DataFrame) -> bytes:
    """Stacked bars: share of each claimed identity, one bar per target × condition.

    ``category_shares``: index = "target · condition", columns = categories, rows sum to 1.
    """
    shares = _pool_rest(category_shares.fillna(0.0))
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(shares) + 1.4))
    left = np.zeros(len(shares))
    colours = plt.get_cmap("tab10")
    for i, column in enumerate(shares.columns):
        values = shares[column].to_numpy()
        colour = "#cccccc" if column in ("none", "(rest)") else colours(i % 10)
        ax.barh(shares.index, values, left=left, label=column, color=colour, edgecolor="white", linewidth=0.5)
        left += values
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("share of answers")
    ax.set_title("Claimed identity (self-claimed family, maker only, other name, none)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.5 / max(1, len(shares)) - 0.12), ncol=5, fontsize=8, frameon=False)
    return _png(fig)


def language_heatmaps(per_target: dict[str, pd.DataFrame]) -> bytes:
    """One heatmap per target: rows languages, columns claimed identities, cells shares of answers."""
    items = list(per_target.items())[:MAX_HEATMAPS]
    fig, axes = plt.subplots(len(items), 1, figsize=(8, 0.5 + sum(0.32 * len(t) + 0.9 for _, t in items)), squeeze=False)
    for ax, (target, table) in zip(axes[:, 0], items, strict=True):
        table = _pool_rest(table.fillna(0.0))
        image = ax.imshow(table.to_numpy(), aspect="auto", cmap="Blues", vmin=0, vmax=1)
        ax.set_yticks(range(len(table.index)), table.index)
        ax.set_xticks(range(len(table.columns)), table.columns, rotation=30, ha="right", fontsize=8)
        ax.set_title(target, fontsize=10)
        for (r, c), value in np.ndenumerate(table.to_numpy()):
            if value >= 0.005:
                ax.text(c, r, f"{100 * value:.0f}", ha="center", va="center", fontsize=7,
                        color="white" if value > 0.6 else "black")
        fig.colorbar(image, ax=ax, fraction=0.02, pad=0.01)
    fig.tight_layout()
    return _png(fig)


def mixture_weights(weights: dict[str, float], ci: dict[str, list[float]], suspect: str) -> bytes:
    """Bars of the fitted mixture weights with their 95% bootstrap intervals."""
    names = list(weights)
    values = np.array([weights[n] for n in names])
    low = np.array([ci[n][0] for n in names])
    high = np.array([ci[n][1] for n in names])
    fig, ax = plt.subplots(figsize=(6, 0.5 * len(names) + 1.2))
    err = np.vstack([np.clip(values - low, 0, None), np.clip(high - values, 0, None)])
    colours = ["#999999" if n == "other" else "#3b6ea8" for n in names]
    ax.barh(names, values, xerr=err, color=colours, capsize=4)
    for y, (v, h) in enumerate(zip(values, high, strict=True)):
        ax.text(min(max(v, h) + 0.03, 0.92), y, f"{v:.2f}", va="center", fontsize=9)
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("mixture weight (95% interval, questions resampled)")
    ax.set_title(f"{suspect}: self-identity profile as a mixture of candidate parents")
    return _png(fig)
