"""A compact, plain-dict view of weights.json for reports: rows by module kind and a one-line finding."""

from __future__ import annotations

import json
from pathlib import Path

from probe.errors import ProbeInputError

STRONG_COS = 0.9  # a linear merge with rounding only scores ~0.99+; light further training stays above this
PARTIAL_COS = 0.5
NULL_CEILING = 0.5  # a null this high means the fit cannot tell the donor from an unrelated model


def _median(stats: dict | None) -> float | None:
    return None if not stats else stats.get("median")


def _null_median(weights: dict, kind: str | None) -> tuple[float | None, str]:
    null = weights.get("null") or {}
    for method in ("checkpoint", "permutation"):
        section = null.get(method)
        if section:
            group = section["overall"] if kind is None else section.get("by_kind", {}).get(kind)
            return _median(group.get("cos_fit") if group else None), method
    return None, "none"


def _row(weights: dict, kind: str | None, group: dict) -> dict[str, object]:
    null_cos, method = _null_median(weights, kind)
    return {"kind": kind or "all", "n_tensors": group["n_tensors"],
            "median_alpha": _median(group["alpha"]), "alpha_iqr": group["alpha"].get("iqr"),
            "median_cos_fit": _median(group["cos_fit"]), "null_cos_fit": null_cos, "null_method": method}


def _finding(weights: dict, overall: dict[str, object]) -> str:
    alpha, cos, null = overall["median_alpha"], overall["median_cos_fit"], overall["null_cos_fit"]
    donor = Path(weights["donors"][0]).name
    if cos is None or alpha is None:
        return f"No tensor could be fitted against {donor}."
    null_text = f"null {null:.3f}" if null is not None else "no null"
    figures = f"median α {alpha:.3f}, cos_fit {cos:.4f} over {overall['n_tensors']} tensors ({null_text})"
    mixture = weights["summary"]["overall"].get("pooled_mixture")
    mix_text = ""
    if mixture:
        terms = " + ".join(f"{w:.3f}·{Path(d).name}" for w, d in zip(mixture["weights"], weights["donors"], strict=True))
        mix_text = f"; suspect ≈ {terms}"
    if cos >= STRONG_COS and (null is None or abs(null) <= NULL_CEILING):
        parents = " and ".join(Path(d).name for d in weights["donors"]) if mixture else f"{donor} and the base"
        return f"Weights: suspect − base ≈ {alpha:.3f}·({donor} − base), {figures}{mix_text} — a linear merge of {parents}."
    if cos >= PARTIAL_COS:
        return f"Weights: {donor} explains much of the suspect's change from base ({figures}){mix_text}, plus changes of its own."
    if null is not None and abs(cos) <= max(3 * abs(null), 0.1):
        return f"Weights: no relation to {donor} beyond the null ({figures})."
    return f"Weights: weak relation to {donor} ({figures})."


def render_weights_section(weights: dict) -> dict[str, object]:
    """Rows (overall first, then each module kind) and a one-line finding, from a weights.json dict."""
    summary = weights["summary"]
    overall = _row(weights, None, summary["overall"])
    rows = [overall] + [_row(weights, kind, group) for kind, group in summary["by_kind"].items()]
    mixture = summary["overall"].get("pooled_mixture")
    other = {"checkpoints": f"suspect {weights['suspect']}, base {weights['base']}, donors {', '.join(weights['donors'])}",
             "tensors": f"{len(weights['tensors'])} fitted, {len(weights.get('skipped', []))} skipped",
             "null": _null_text(weights)}
    if mixture:
        terms = " + ".join(f"{w:.4f}·{Path(d).name}" for w, d in zip(mixture["weights"], weights["donors"], strict=True))
        residual = "–" if mixture["residual"] is None else f"{mixture['residual']:.2g}"
        other["mixture (raw weights, all parameters)"] = f"suspect ≈ {terms}, relative residual {residual}"
    return {"suspect": weights["suspect"], "base": weights["base"], "donors": list(weights["donors"]),
            "rows": rows, "mixture": mixture, "other": other, "finding": _finding(weights, overall)}


def _null_text(weights: dict) -> str:
    null = weights.get("null") or {}
    if null.get("checkpoint"):
        return f"same fit against the unrelated checkpoint {null['checkpoint']['dir']}"
    return "no --null checkpoint given; null = " + str((null.get("permutation") or {}).get("method", "none"))


def summarise_for_report(path: str | Path) -> dict[str, object]:
    """``render_weights_section`` of a weights.json file, or of ``weights.json`` inside a run directory."""
    path = Path(path)
    if path.is_dir():
        path = path / "weights.json"
    try:
        weights = json.loads(path.read_text(encoding="utf-8"))
        return render_weights_section(weights)
    except FileNotFoundError:
        raise ProbeInputError(str(path), "no weights result here") from None
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise ProbeInputError(str(path), f"not a weights.json written by probe weights: {exc!r}") from None
