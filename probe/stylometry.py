"""Stylometric attribution: which parent does each suspect answer read like?

A character n-gram TF-IDF + logistic regression model is trained on the parents' answers
to the suspect's questions. Its accuracy is measured with folds grouped by question, so
it is scored on questions it never saw, as the suspect's answers would be to a model
that had not memorised them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.pipeline import Pipeline, make_pipeline


@dataclass(frozen=True)
class Attribution:
    shares: dict[str, float]  # parent -> share of suspect answers assigned to it
    cv_accuracy: float | None  # None when there were too few questions to cross-validate
    chance: float  # accuracy of always guessing the largest parent
    n_train: int
    n_suspect: int
    per_answer: list[str] = field(default_factory=list, repr=False)


def _model(seed: int) -> Pipeline:
    return make_pipeline(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 4), sublinear_tf=True, min_df=2, max_features=30_000),
        LogisticRegression(solver="newton-cg", max_iter=500, C=4.0, random_state=seed),
    )


def attribute(
    parent_texts: dict[str, list[str]], parent_groups: dict[str, list[str]], suspect_texts: list[str],
    n_folds: int = 5, seed: int = 0,
) -> Attribution:
    """Train on the parents' answers, report grouped-CV accuracy, and assign each suspect answer."""
    texts, labels, groups = [], [], []
    for parent, items in parent_texts.items():
        texts += [t or "" for t in items]
        labels += [parent] * len(items)
        groups += list(parent_groups[parent])
    y = np.array(labels)
    present = sorted(set(labels))
    chance = max((labels.count(p) for p in present), default=0) / max(1, len(labels))
    if len(present) < 2 or not suspect_texts:
        only = present[0] if present else None
        shares = {p: float(p == only) if suspect_texts else 0.0 for p in parent_texts}
        return Attribution(shares, None, chance, len(texts), len(suspect_texts), [only] * len(suspect_texts) if only else [])
    groups_arr = np.array(groups)
    folds = min(n_folds, len(set(groups)))
    cv_accuracy = None
    if folds >= 2:
        correct = 0
        for train, test in GroupKFold(n_splits=folds).split(texts, y, groups_arr):
            if len(set(y[train])) < 2:
                continue
            model = _model(seed).fit([texts[i] for i in train], y[train])
            correct += int(np.sum(model.predict([texts[i] for i in test]) == y[test]))
        cv_accuracy = correct / len(texts)
    model = _model(seed).fit(texts, y)
    predicted = [str(p) for p in model.predict([t or "" for t in suspect_texts])]
    shares = {p: predicted.count(p) / len(predicted) for p in parent_texts}
    return Attribution(shares, cv_accuracy, chance, len(texts), len(suspect_texts), predicted)
