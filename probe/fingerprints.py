"""Backstory fingerprints: phrases only one parent says, found again in the suspect's answers.

A phrase is a run of 4–8 tokens (words; each CJK character or kana is one token), compared
case-insensitively with punctuation ignored. It is distinctive of a parent when that parent
uses it in several answers to more than one question and no other parent uses it at all.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+", re.UNICODE)
_CJK_CHAR = re.compile(rf"[{_CJK}]")
MIN_TOKENS, MAX_TOKENS, MIN_CHARS = 4, 8, 10


@dataclass(frozen=True)
class Fingerprint:
    parent: str
    phrase: str
    parent_answers: int  # answers of the parent that contain it
    parent_share: float
    suspect_answers: int  # answers of the suspect that contain it


def tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall((text or "").lower()))


def _join(gram: tuple[str, ...]) -> str:
    out = gram[0]
    for prev, tok in zip(gram, gram[1:]):
        out += tok if (_CJK_CHAR.fullmatch(prev) and _CJK_CHAR.fullmatch(tok)) else " " + tok
    return out


def _grams(toks: tuple[str, ...]) -> set[tuple[str, ...]]:
    found = set()
    for n in range(MIN_TOKENS, MAX_TOKENS + 1):
        for i in range(len(toks) - n + 1):
            found.add(toks[i:i + n])
    return found


def _document_frequency(texts: list[str], groups: list[str]) -> tuple[Counter, dict]:
    df: Counter = Counter()
    where: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for text, group in zip(texts, groups):
        for gram in _grams(tokens(text)):
            df[gram] += 1
            where[gram].add(group)
    return df, where


def find_fingerprints(
    parent_texts: dict[str, list[str]], parent_groups: dict[str, list[str]], suspect_texts: list[str],
    per_parent: int = 8, min_answers: int = 3, min_share: float = 0.02,
) -> tuple[list[Fingerprint], dict[str, int]]:
    """Distinctive phrases of each parent seen in the suspect, and how many each parent has in all."""
    stats = {p: _document_frequency(parent_texts[p], parent_groups[p]) for p in parent_texts}
    suspect_grams = [_grams(tokens(t)) for t in suspect_texts]
    found: list[Fingerprint] = []
    n_distinctive: dict[str, int] = {}
    for parent, (df, where) in stats.items():
        n_answers = max(1, len(parent_texts[parent]))
        others = [stats[o][0] for o in stats if o != parent]
        candidates = [
            g for g, c in df.items()
            if c >= max(min_answers, min_share * n_answers) and len(where[g]) >= 2
            and len(_join(g)) >= MIN_CHARS and all(g not in o for o in others)
        ]
        n_distinctive[parent] = len(candidates)
        hits = [(g, sum(g in s for s in suspect_grams)) for g in candidates]
        hits = [h for h in hits if h[1] > 0]
        hits.sort(key=lambda h: (-h[1], -len(h[0]), h[0]))
        seen_parts: set[tuple[str, ...]] = set()
        kept = 0
        for gram, count in hits:
            parts = {gram[i:i + MIN_TOKENS - 1] for i in range(len(gram) - MIN_TOKENS + 2)}
            if parts & seen_parts:
                continue  # an overlapping window of a phrase already listed
            seen_parts |= parts
            found.append(Fingerprint(parent, _join(gram), df[gram], df[gram] / n_answers, count))
            kept += 1
            if kept >= per_parent:
                break
    return found, n_distinctive
