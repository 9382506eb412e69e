"""Self-identity profiles: each answer coded as one category, counted per question.

The category of an answer is its self-claimed family id; an answer that names only its
maker is ``org:<Org>``; a self-name outside the lexicon is ``other-name``; no self-claim is
``none``. The question (id + language) is the cluster that every resampling respects.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from probe.errors import ProbeInputError

NONE = "none"
OTHER_NAME = "other-name"
IDENTITY_COLUMNS = ("self_name", "self_family", "self_org")


def _present(series: pd.Series) -> pd.Series:
    return series.notna() & (series.astype(str).str.strip() != "")


def usable(df: pd.DataFrame) -> pd.DataFrame:
    """Rows that hold an answer (failed requests are not evidence either way)."""
    keep = pd.Series(True, index=df.index)
    if "error" in df:
        keep &= ~_present(df["error"])
    if "text" in df:
        keep &= df["text"].notna()
    return df[keep]


def require_identity_columns(df: pd.DataFrame) -> None:
    missing = [c for c in IDENTITY_COLUMNS if c not in df.columns]
    if missing:
        raise ProbeInputError("responses", f"missing classifier columns {missing}; run `probe classify` first")


def identity_category(df: pd.DataFrame) -> pd.Series:
    """One category per answer (see module docstring)."""
    require_identity_columns(df)
    cat = pd.Series(NONE, index=df.index, dtype=object)
    name, family, org = (_present(df[c]) for c in IDENTITY_COLUMNS)
    cat[name] = OTHER_NAME
    cat[org] = "org:" + df.loc[org, "self_org"].astype(str)
    cat[family] = df.loc[family, "self_family"].astype(str).str.lower()
    return cat


def question_key(df: pd.DataFrame) -> pd.Series:
    lang = df["language"].astype(str) if "language" in df else ""
    return df["question_id"].astype(str) + "|" + lang


@dataclass(frozen=True)
class ProfileTable:
    """Counts per source × question × category on one shared question and category index."""

    sources: list[str]
    questions: list[str]
    categories: list[str]
    counts: dict[str, np.ndarray]  # source -> questions × categories
    labels: dict[str, np.ndarray]  # source -> category index per answer
    strata: dict[str, np.ndarray]  # source -> question index per answer

    def pooled(self, source: str) -> np.ndarray:
        return self.counts[source].sum(axis=0)

    def n_answers(self, source: str) -> int:
        return int(self.counts[source].sum())


def profile_table(df: pd.DataFrame, sources: list[str], column: str = "target") -> ProfileTable:
    """Build the table for the named sources, on the questions the first source (the suspect) answered."""
    df = usable(df)
    parts = {s: df[df[column] == s] for s in sources}
    for s, part in parts.items():
        if part.empty:
            raise ProbeInputError(f"target {s!r}", "has no answers to score (check the name and the condition)")
    coded = {s: pd.DataFrame({"q": question_key(p), "c": identity_category(p)}) for s, p in parts.items()}
    questions = sorted(set(coded[sources[0]]["q"]))
    q_index = {q: i for i, q in enumerate(questions)}
    categories = sorted(set().union(*(set(c["c"]) for c in coded.values())) | {NONE})
    c_index = {c: i for i, c in enumerate(categories)}
    counts, labels, strata = {}, {}, {}
    for s, frame in coded.items():
        frame = frame[frame["q"].isin(q_index)]
        qi = frame["q"].map(q_index).to_numpy(int)
        ci = frame["c"].map(c_index).to_numpy(int)
        table = np.zeros((len(questions), len(categories)))
        np.add.at(table, (qi, ci), 1)
        counts[s], labels[s], strata[s] = table, ci, qi
    return ProfileTable(list(sources), questions, categories, counts, labels, strata)
