"""Keep the shipped suites' questions (and near paraphrases by surface form) out of training.

A training question is dropped when, after normalisation (lower case, no
accents, no punctuation), it equals a suite string, has a difflib ratio of
0.72 or more with one, or contains one of three or more words (or is
contained in one). Every string of prompt_sets/*.yaml counts, in every
language; the zoo's own held-out questions are added by the caller.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path

RATIO = 0.72


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def suite_strings(prompt_dir: Path) -> list[str]:
    """Every string in the shipped suites (questions and anything else: more exclusion is safer)."""
    import yaml

    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(prompt_dir.glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return [s for s in found if len(normalize(s).split()) >= 2]


def drop_near_matches(candidates: list[str], excluded: list[str]) -> tuple[list[str], list[str]]:
    """(kept, dropped) candidates; see the module docstring for the rule."""
    norm = {c: normalize(c) for c in candidates}
    dropped: set[str] = set()
    matcher = difflib.SequenceMatcher(autojunk=False)
    for other in {normalize(s) for s in excluded}:
        if not other:
            continue
        matcher.set_seq2(other)  # seq2 is the side difflib pre-analyses: once per excluded string
        padded_other = f" {other} "
        for cand, text in norm.items():
            if cand in dropped or not text:
                continue
            if text == other:
                dropped.add(cand)
                continue
            shorter, longer = sorted((f" {text} ", padded_other), key=len)
            if len(shorter.split()) >= 3 and shorter in longer:
                dropped.add(cand)
                continue
            matcher.set_seq1(text)
            if matcher.real_quick_ratio() >= RATIO and matcher.quick_ratio() >= RATIO and matcher.ratio() >= RATIO:
                dropped.add(cand)
    return [c for c in candidates if c not in dropped], [c for c in candidates if c in dropped]
