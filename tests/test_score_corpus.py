"""Validation on real text: suspects drawn from two real models in known proportions.

Answers of real models come from ../shared/corpora/identity-rollouts (read at test time,
never copied). Each model's samples of a question are split: even-numbered samples are its
reference answers as a candidate parent, odd-numbered ones the pool a suspect is drawn from,
so the suspect never repeats an answer the parents were measured on. A suspect with weight
w takes exactly round(w·n) of its answer slots from model A and the rest from model B,
matched by question and sample slot. Run with ``-s`` to see the measured figures.
"""

from __future__ import annotations

import json
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest

from probe.compare import compare
from probe.corpus import default_corpus_dir, read_corpus

pytestmark = pytest.mark.corpus

NEX, QWEN = "nex-agi__nex-n2-mini", "qwen__qwen3.5-397b-a17b"
KIMI, CLAUDE = "moonshotai__kimi-k2", "anthropic__claude-opus-4.8"
DEEPSEEK, GPT4 = "deepseek__deepseek-chat-v3-0324", "openai__gpt-4"
GLM, GEMINI, OLMO = "z-ai__glm-5.2", "google__gemini-3.5-flash", "allenai__Olmo-3-7B-Instruct"
MIXTURES = [(NEX, QWEN, 0.6), (KIMI, CLAUDE, 0.3), (DEEPSEEK, GPT4, 0.7), (QWEN, NEX, 0.8)]
SEEDS = (0, 1)


@pytest.fixture(scope="module")
def corpus_frame() -> pd.DataFrame:
    if default_corpus_dir() is None:
        pytest.skip("identity-rollouts corpus absent (../shared/corpora/identity-rollouts): real-text validation skipped")
    try:
        from probe.classify import classify_frame

        classify_frame(pd.DataFrame({"text": ["I am an assistant."], "reasoning": [None], "expected": ["[]"]}))
    except ImportError as exc:
        pytest.skip(f"probe.classify is not importable yet ({exc}); real-text validation skipped")
    slots: dict[tuple, int] = defaultdict(int)
    rows = []
    for a in read_corpus():
        if a.language == "cross":  # "Are you X?" follows a different rule; the battery is the profile
            continue
        key = (a.file, a.section, a.question)
        rows.append({"target": a.file.removesuffix(".md"), "condition": "none", "question_id": f"{a.section}|{a.question}",
                     "language": a.language, "sample": slots[key], "text": a.text, "reasoning": None,
                     "expected": json.dumps(a.expected), "error": None})
        slots[key] += 1
    return classify_frame(pd.DataFrame(rows))


def suspect_frame(frame: pd.DataFrame, sources: list[str], weights: list[float], seed: int) -> pd.DataFrame:
    """Reference answers (even slots) of every model, plus a suspect built from odd slots of ``sources``."""
    reference = frame[frame["sample"] % 2 == 0]
    pool = frame[frame["sample"] % 2 == 1]
    indexed = [pool[pool.target == s].set_index(["question_id", "language", "sample"]) for s in sources]
    keys = indexed[0].index
    for other in indexed[1:]:
        keys = keys.intersection(other.index)
    keys = list(keys)
    np.random.default_rng(seed).shuffle(keys)
    cuts = np.round(np.cumsum(weights) * len(keys)).astype(int)
    picked = []
    for i, key in enumerate(keys):
        row = indexed[int(np.searchsorted(cuts, i, side="right"))].loc[key].to_dict()
        picked.append({**row, "question_id": key[0], "language": key[1], "sample": key[2], "target": "suspect"})
    return pd.concat([reference, pd.DataFrame(picked)], ignore_index=True)


def _figures(label: str, result: dict) -> str:
    mix = ", ".join(f"{k.split('__')[-1]} {v:.3f} [{lo:.2f}–{hi:.2f}]"
                    for (k, v), (lo, hi) in zip(result["mixture"].items(), result["mixture_ci"].values(), strict=True))
    style = ", ".join(f"{k.split('__')[-1]} {v:.2f}" for k, v in result["attribution"].items())
    return (f"{label}: n={result['n_samples']} mixture {mix}; closest {result['closest_parent']}; "
            f"verdict {result['verdict_parent']} ({result['evidence']}); fit p={result['mixture_fit_p']:.3f}; "
            f"stylometry {style} (cv {result['attribution_cv_accuracy']:.2f})")


@pytest.mark.parametrize("a,b,weight", MIXTURES, ids=lambda v: str(v).split("__")[-1])
def test_planted_mixture_weight_comes_back(corpus_frame: pd.DataFrame, a: str, b: str, weight: float) -> None:
    for seed in SEEDS:
        frame = suspect_frame(corpus_frame, [a, b], [weight, 1 - weight], seed)
        result = compare(frame, "suspect", [a, b], n_boot=200, n_perm=199, seed=seed)
        print(_figures(f"{weight:.1f}·{a} + {1 - weight:.1f}·{b} seed {seed}", result))
        assert abs(result["mixture"][a] - weight) <= 0.1
        assert result["closest_parent"] == (a if weight > 0.5 else b)
        assert result["verdict_parent"] in (result["closest_parent"], None)


@pytest.mark.parametrize("model,parents", [(NEX, [NEX, QWEN]), (QWEN, [NEX, QWEN]), (KIMI, [KIMI, CLAUDE]),
                                           (CLAUDE, [KIMI, CLAUDE]), (DEEPSEEK, [DEEPSEEK, GPT4]), (GPT4, [DEEPSEEK, GPT4])],
                         ids=lambda v: str(v).split("__")[-1] if isinstance(v, str) else "")
def test_one_model_suspect_is_never_attributed_to_the_other_parent(
    corpus_frame: pd.DataFrame, model: str, parents: list[str],
) -> None:
    result = compare(suspect_frame(corpus_frame, [model], [1.0], 0), "suspect", parents, n_boot=200, n_perm=199)
    print(_figures(f"only {model} vs {parents}", result))
    assert result["verdict_parent"] in (model, None)
    assert result["closest_parent"] == model


@pytest.mark.parametrize("model,parents", [(GLM, [NEX, QWEN]), (GEMINI, [KIMI, CLAUDE]), (OLMO, [DEEPSEEK, GPT4])],
                         ids=lambda v: str(v).split("__")[-1] if isinstance(v, str) else "")
def test_a_model_outside_the_candidates_is_pinned_on_none_of_them(
    corpus_frame: pd.DataFrame, model: str, parents: list[str],
) -> None:
    result = compare(suspect_frame(corpus_frame, [model], [1.0], 0), "suspect", parents, n_boot=200, n_perm=199)
    print(_figures(f"only {model} vs {parents}", result))
    assert result["verdict_parent"] is None
