"""probe.score on seeded frames with a known ground truth (the Rio case in miniature)."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from probe.errors import ProbeInputError
from probe.score import compare, headline, score_run, self_id_rates, system_prompt_effect
from tests.synthetic_frames import rio_case_frame


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return rio_case_frame(rio_nex_share=0.7, seed=0)


def test_self_id_rates_count_and_bound_each_claim(frame: pd.DataFrame) -> None:
    rates = self_id_rates(frame, by=("target", "condition"))
    row = rates[(rates.target == "rio") & (rates.condition == "persona") & (rates.level == "family") & (rates.value == "rio")]
    assert len(row) == 1
    row = row.iloc[0]
    part = frame[(frame.target == "rio") & (frame.condition == "persona")]
    assert row["count"] == (part.self_family == "rio").sum() and row["n"] == len(part)
    assert row.ci_low < row.rate < row.ci_high
    assert row.n_questions == part.question_id.nunique() * part.language.nunique()
    by_language = self_id_rates(frame, by=("target", "condition", "language"))
    assert set(by_language.language) == {"en", "pt"}


def test_headline_reads_like_the_published_one(frame: pd.DataFrame) -> None:
    text = headline(frame, "rio", "none")
    part = frame[(frame.target == "rio") & (frame.condition == "none")]
    n, nex = len(part), int((part.self_family == "nex").sum())
    assert re.fullmatch(rf"Nex {nex}/{n} \(\d+\.\d%\) · Nex-AGI {nex}/{n} \(\d+\.\d%\) · Rio 0/{n}", text), text
    assert f"({100 * nex / n:.1f}%)" in text


def test_system_prompt_effect_measures_the_mask(frame: pd.DataFrame) -> None:
    rows = {r["outcome"]: r for r in system_prompt_effect(frame, "rio", treated="persona", control="none")}
    says_rio, says_nex = rows["says Rio"], rows["says Nex"]
    assert says_rio["diff"] > 0.4 and says_rio["ci_low"] > 0.3 and says_rio["p_value"] < 0.001
    assert says_nex["diff"] < -0.2 and says_nex["ci_high"] < 0 and says_nex["p_value"] < 0.001
    assert rows["presents the expected identity"]["control_rate"] == 0.0
    unmasked = {r["outcome"]: r for r in system_prompt_effect(frame, "nex", treated="persona", control="none")}
    assert unmasked["says Nex"]["ci_low"] < 0 < unmasked["says Nex"]["ci_high"]  # no prompt effect on nex


def test_compare_finds_the_planted_mixture(frame: pd.DataFrame) -> None:
    result = compare(frame, "rio", ["nex", "qwen", "control"], n_boot=150, n_perm=199)
    assert result["closest_parent"] == "nex"
    assert abs(result["mixture"]["nex"] - 0.7) < 0.1
    assert abs(sum(result["mixture"].values()) - 1) < 1e-6
    lo, hi = result["mixture_ci"]["nex"]
    assert lo < result["mixture"]["nex"] < hi
    assert result["jsd"]["nex"] < result["jsd"]["qwen"] < result["jsd"]["control"]
    assert result["attribution"]["nex"] > result["attribution"]["qwen"] > result["attribution"]["control"]
    assert result["attribution_cv_accuracy"] > result["attribution_chance"]
    assert {f["parent"] for f in result["fingerprints"]} == {"nex", "qwen"}
    assert all(f["suspect_answers"] > 0 for f in result["fingerprints"])
    assert result["same_profile_tests"]["control"]["same_profile_rejected"]
    assert result["verdict"].startswith("Closest parent: nex")
    json.dumps(result, allow_nan=False)  # comparison.json is strict JSON


def test_compare_attributes_a_pure_parent_to_itself() -> None:
    pure = rio_case_frame(rio_nex_share=1.0, seed=1)
    result = compare(pure, "rio", ["nex", "qwen"], n_boot=100, n_perm=199)
    assert result["verdict_parent"] == "nex" and result["evidence"] == "strong"
    assert not result["same_profile_tests"]["nex"]["same_profile_rejected"]
    assert result["mixture"]["nex"] > 0.9


def test_compare_does_not_pin_a_stranger_on_a_parent(frame: pd.DataFrame) -> None:
    result = compare(frame, "control", ["nex", "qwen"], n_boot=100, n_perm=199)
    assert result["verdict_parent"] is None and result["closest_parent"] is None
    assert result["mixture"]["other"] > 0.6
    assert result["verdict"].startswith("Not explained by the candidate parents")


def test_compare_is_inconclusive_between_parents_that_answer_alike() -> None:
    pure = rio_case_frame(rio_nex_share=1.0, seed=2)
    twin = pure[pure.target == "nex"].assign(target="nex-twin")
    result = compare(pd.concat([pure, twin]), "rio", ["nex", "nex-twin", "qwen"], n_boot=100, n_perm=99)
    assert result["evidence"] == "inconclusive" and result["verdict_parent"] is None
    assert result["verdict"].startswith("Inconclusive between nex")
    assert abs(result["mixture"]["nex"] - result["mixture"]["nex-twin"]) < 0.05
    assert result["more_samples_needed"] is None and "more than 20 times" in result["verdict"]


def test_compare_input_errors(frame: pd.DataFrame) -> None:
    with pytest.raises(ProbeInputError, match="nobody"):
        compare(frame, "nobody", ["nex"])
    with pytest.raises(ProbeInputError, match="cannot also be a parent"):
        compare(frame, "rio", ["rio", "nex"])
    with pytest.raises(ProbeInputError, match="classify"):
        compare(frame.drop(columns=["self_family"]), "rio", ["nex"])


def test_score_run_bundles_everything(frame: pd.DataFrame) -> None:
    scores = score_run(frame, suspect="rio", parents=["nex", "qwen"], n_boot=50)
    assert scores["control_condition"] == "none" and scores["conditions"] == ["none", "persona"]
    assert {(h["target"], h["condition"]) for h in scores["headlines"]} == {
        (t, c) for t in ("rio", "nex", "qwen", "control") for c in ("none", "persona")}
    assert scores["comparison"]["suspect"] == "rio"
    assert any(e["target"] == "rio" and e["outcome"] == "says Rio" for e in scores["system_prompt_effect"])
    json.dumps(scores, allow_nan=False)
    assert score_run(frame)["comparison"] is None
