"""Claim classifier: which model name and organisation each answer presents as its own.

    lex = load_lexicon()                      # shipped lexicon (+ optional user file)
    res = classify_answer(text, expected=["Qwen"], lexicon=lex)
    res.to_dict()                             # claims, self_name, self_family, self_org, stance, mismatch, ...
    classify_frame(df)                        # the same for every row of a response DataFrame
"""

from __future__ import annotations

from probe.classify.compiled import install_guard

install_guard()  # before the first import of a module that may have a compiled copy

from probe.classify.classifier import classify_answer  # noqa: E402
from probe.classify.lexicon import Lexicon, load_lexicon  # noqa: E402
from probe.classify.result import Claim, ClaimResult  # noqa: E402


def classify_frame(df, lexicon: Lexicon | None = None):  # noqa: ANN001, ANN201 - pandas typed in frame.py
    from probe.classify.frame import classify_frame as _classify_frame

    return _classify_frame(df, lexicon)


__all__ = ["Claim", "ClaimResult", "Lexicon", "classify_answer", "classify_frame", "load_lexicon"]
