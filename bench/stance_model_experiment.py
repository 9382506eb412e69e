"""Does a learned stance model beat the rules? Character n-gram TF-IDF + logistic regression on the
text around each mention, trained on the gold set's mentions, scored on held-out answers.

    .venv/bin/python bench/stance_model_experiment.py [--gold tests/data/gold] [--folds 5] [--seed 0]

Mentions are the classifier's own (lexicon + open-set) aligned to gold mentions by name; the label is
the gold stance. Folds split by answer, so no answer is in both train and test. Compared on the same
held-out mentions: rules alone, the model alone, and rules with the model overriding them only when it
is confident. The model is kept in the product only if it beats rules alone.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from probe.classify import classify_answer, load_lexicon
from probe.classify.gold import _same_name, read_gold
from probe.classify.normalize import normalize

WINDOW_BEFORE, WINDOW_AFTER = 60, 40


def examples(rows, lexicon):
    """(answer id, context string, rule stance, gold stance) for every aligned mention."""
    out = []
    for row in rows:
        result = classify_answer(row.text, row.reasoning, row.expected, lexicon)
        pool = [c for c in result.claims if c.source == "answer"]
        low = normalize(row.text).low
        for name, gold in row.mentions:
            hit = next((c for c in pool if _same_name(name, c.name)), None)
            if hit is None:
                continue
            pool.remove(hit)
            context = low[max(0, hit.start - WINDOW_BEFORE):hit.start] + " \u27e8M\u27e9 " + low[hit.end:hit.end + WINDOW_AFTER]
            out.append((row.id, context, hit.stance, gold))
    return out


def model():
    return make_pipeline(TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=1, sublinear_tf=True),
                         LogisticRegression(max_iter=2000, C=4.0, class_weight="balanced"))


def run(gold_paths, folds: int, seed: int, threshold: float) -> dict[str, float]:
    lexicon = load_lexicon()
    data = examples(read_gold(gold_paths), lexicon)
    ids = sorted({d[0] for d in data})
    random.Random(seed).shuffle(ids)
    fold_of = {answer: i % folds for i, answer in enumerate(ids)}
    score = Counter()
    for k in range(folds):
        train = [d for d in data if fold_of[d[0]] != k]
        test = [d for d in data if fold_of[d[0]] == k]
        clf = model().fit([d[1] for d in train], [d[3] for d in train])
        probs = clf.predict_proba([d[1] for d in test])
        for (answer, _, rule, gold), p in zip(test, probs):
            best = clf.classes_[p.argmax()]
            combined = best if p.max() >= threshold else rule
            score["n"] += 1
            score["rules"] += rule == gold
            score["model"] += best == gold
            score["combined"] += combined == gold
    return {k: score[k] / score["n"] for k in ("rules", "model", "combined")} | {"mentions": score["n"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", nargs="+", default=["tests/data/gold"])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threshold", type=float, default=0.9, help="model overrides the rules above this probability")
    args = parser.parse_args()
    r = run(args.gold, args.folds, args.seed, args.threshold)
    print(f"held-out stance accuracy over {r['mentions']} mentions ({args.folds}-fold by answer, seed {args.seed}):")
    for key in ("rules", "model", "combined"):
        print(f"  {key:9s} {100 * r[key]:.1f}%")
    verdict = "KEEP" if max(r["model"], r["combined"]) > r["rules"] else "DROP (rules alone are better)"
    print(f"verdict: {verdict}")


if __name__ == "__main__":
    main()
