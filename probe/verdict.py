"""The verdict in plain words, decided from the mixture fit's bootstrap and told with the other evidence.

Rule: the largest mixture component wins only if it beats the runner-up in at least 97.5%
of the question-bootstrap replicates (a one-sided 97.5% bound on the difference above 0),
and a parent is named as the source only if the fitted mixture also explains the suspect's
answers (goodness of fit); a suspect that merely resembles one parent more than the others
gets "weak" evidence and no attribution.
"Other" is a component too, so a suspect unlike every candidate is said to be so rather
than pinned on the nearest parent. Otherwise the verdict is "inconclusive", with roughly
how many more suspect answers would separate the two leading components.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from probe.stats import extra_samples_needed

OTHER = "other"
STRONG_MARGIN = 0.2  # lower bound of the winner's lead at which the evidence is called strong
FIT_ALPHA = 0.05  # below this goodness-of-fit p-value the candidates do not explain the suspect


@dataclass(frozen=True)
class Decision:
    closest_parent: str | None
    verdict_parent: str | None  # the parent the verdict attributes the suspect to, if any
    evidence: str  # strong | moderate | weak (closest parent found, but the fit fails) | inconclusive
    text: str
    more_samples_needed: int | None


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _label(name: str) -> str:
    return "'other' (answers no candidate gives)" if name == OTHER else name


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _weights_text(names: list[str], weights: np.ndarray, reps: np.ndarray) -> str:
    lo, hi = np.percentile(reps, 2.5, axis=0), np.percentile(reps, 97.5, axis=0)
    return ", ".join(f"{n} {weights[i]:.2f} [{lo[i]:.2f}–{hi[i]:.2f}]" for i, n in enumerate(names))


def _supporting(parent: str, jsd: dict, same: dict, shares: dict, cv_accuracy: float | None) -> str:
    bits = []
    if jsd:
        nearest = min(jsd, key=lambda p: jsd[p])
        bits.append(f"nearest profile by Jensen–Shannon distance: {nearest} ({jsd[nearest]:.2f})")
    if parent in same:
        test = same[parent]
        bits.append(
            f"same-profile test vs {parent}: " + ("rejected" if test["same_profile_rejected"] else "not rejected")
            + f" (Holm p={test['p_holm']:.3g})"
        )
    if shares and cv_accuracy is not None:
        lead = max(shares, key=lambda p: shares[p])
        bits.append(f"stylometry assigns {_pct(shares[lead])} of answers to {lead} "
                    f"(cross-validated accuracy {_pct(cv_accuracy)})")
    return "; ".join(bits)


def decide(
    parents: list[str], weights: np.ndarray, replicates: np.ndarray, jsd: dict[str, float], same: dict[str, dict],
    shares: dict[str, float], cv_accuracy: float | None, n_suspect: int, fit_p: float,
) -> Decision:
    names = [*parents, OTHER]
    weights = np.asarray(weights, dtype=float)
    top_parent = int(np.argmax(weights[: len(parents)]))
    closest = parents[top_parent] if weights[top_parent] >= weights[-1] else None
    order = np.argsort(-weights)
    lead, runner = int(order[0]), int(order[1])
    lead_diff = replicates[:, lead] - replicates[:, runner]
    lower = float(np.percentile(lead_diff, 2.5))
    point = float(weights[lead] - weights[runner])
    mixture = "mixture weights " + _weights_text(names, weights, replicates)
    support = _supporting(parents[top_parent], jsd, same, shares, cv_accuracy)
    if n_suspect == 0:
        return Decision(None, None, "inconclusive", "Inconclusive: the suspect has no answers to compare.", None)
    if lower > 0:
        evidence = "strong" if lower >= STRONG_MARGIN else "moderate"
        if names[lead] == OTHER:
            text = (
                f"Not explained by the candidate parents ({evidence} evidence): {_pct(weights[-1])} of the suspect's "
                f"self-identity answers are unlike any of them; {mixture}. Nearest parent: {parents[top_parent]}; {support}."
            )
            return Decision(closest, None, evidence, text, None)
        lead_text = f"it leads {_label(names[runner])} by {point:.2f}, at least {lower:.2f} at 97.5% confidence"
        if fit_p < FIT_ALPHA:
            text = (
                f"Closest parent: {names[lead]}, but the candidates do not explain the suspect ({lead_text}; yet its "
                f"answers differ from the best mixture of the candidates, goodness-of-fit p={fit_p:.3g}). It resembles "
                f"{names[lead]} without matching it or any mixture of the candidates: a relative, a derivative of a model "
                f"not listed, or a model trained on {names[lead]}'s outputs. {_sentence(mixture)}; {support}."
            )
            return Decision(closest, None, "weak", text, None)
        text = f"Closest parent: {names[lead]} ({evidence} evidence; {lead_text}). {_sentence(mixture)}; {support}."
        return Decision(closest, names[lead], evidence, text, None)
    needed = extra_samples_needed(point, float(np.std(lead_diff)), n_suspect)
    if needed is not None:  # the normal approximation can call a skewed bootstrap "settled"; it is not
        needed = max(needed, int(np.ceil(0.25 * n_suspect)))
    more = (
        f"about {needed} more suspect answers (on new questions or more samples per question) would likely settle it"
        if needed is not None else
        "a difference this small would take more than 20 times the current samples to confirm: "
        "the suspect may draw on both about equally"
    )
    text = (
        f"Inconclusive between {_label(names[lead])} and {_label(names[runner])}: their weights differ by {point:.2f}, which the "
        f"bootstrap cannot tell from 0 ({mixture}); {more}. {_sentence(support)}."
    )
    return Decision(closest, None, "inconclusive", text, needed)
