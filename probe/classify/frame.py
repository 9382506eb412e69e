"""Classify every row of a response DataFrame (the store's table) and add the claim columns."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import pandas as pd

from probe.classify.classifier import classify_answer
from probe.classify.lexicon import Lexicon, load_lexicon

CLAIM_COLUMNS = ("claims", "self_name", "self_family", "self_org", "stance", "mismatch", "foreign_vendor",
                 "reasoning_self_name", "reasoning_self_family", "reasoning_self_org")


def parse_expected(value: Any) -> list[str]:
    """``expected`` as stored (a JSON list string), as a list, or missing -> a list of names."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return []
        try:
            value = json.loads(value)
        except json.JSONDecodeError:
            return [value]
    if isinstance(value, str):
        return [value]
    if isinstance(value, Iterable):
        return [str(v) for v in value if isinstance(v, str) and v.strip()]
    return []


def _present(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, float) and pd.isna(value):
        return False
    return bool(str(value).strip())


def classify_row(text: Any, reasoning: Any, expected: Any, error: Any, lex: Lexicon) -> dict[str, Any]:
    """The claim columns of one row; all null when the row failed or has no text."""
    if _present(error) or not _present(text):
        return dict.fromkeys(CLAIM_COLUMNS)
    result = classify_answer(str(text), str(reasoning) if _present(reasoning) else None,
                             parse_expected(expected) or None, lex).to_dict()
    result["claims"] = json.dumps(result["claims"], ensure_ascii=False)
    return {c: result[c] for c in CLAIM_COLUMNS}


def classify_frame(df: pd.DataFrame, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """A copy of ``df`` with the claim columns (re)computed from text, reasoning and expected."""
    lex = lexicon or load_lexicon()
    n = len(df)
    column = lambda name: df[name].tolist() if name in df.columns else [None] * n  # noqa: E731
    seen: dict[tuple, dict[str, Any]] = {}  # repeated samples often share their text exactly
    rows = []
    for text, reasoning, expected, error in zip(column("text"), column("reasoning"), column("expected"), column("error")):
        key = (str(text), str(reasoning), str(expected), _present(error))
        if key not in seen:
            seen[key] = classify_row(text, reasoning, expected, error, lex)
        rows.append(seen[key])
    out = df.copy()
    for name in CLAIM_COLUMNS:
        out[name] = pd.Series([r[name] for r in rows], index=df.index, dtype=object)
    return out
