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
MAX_PHRASE_TOKENS = 24
_SEP = "\x1f"


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
    for prev, tok in zip(gram, gram[1:], strict=False):
        out += tok if (_CJK_CHAR.fullmatch(prev) and _CJK_CHAR.fullmatch(tok)) else " " + tok
    return out


def _grams(toks: tuple[str, ...]) -> set[tuple[str, ...]]:
    found = set()
    for n in range(MIN_TOKENS, MAX_TOKENS + 1):
        for i in range(len(toks) - n + 1):
            found.add(toks[i:i + n])
    return found


def _key(toks: tuple[str, ...]) -> str:
    """Tokens as one string, so "phrase in answer" is a substring test on whole tokens."""
    return _SEP + _SEP.join(toks) + _SEP


def _widen(gram: tuple[str, ...], parent_tokens: list[tuple[str, ...]], holders: list[str]) -> tuple[str, ...]:
    """The longest phrase around ``gram`` found in every answer that has ``gram`` (so one tag line is one row).

    ``holders`` are the keys of all answers (parent's and suspect's) that contain ``gram``;
    a wider phrase can only occur in those, so "same support" means "in all of them".
    """
    gram_key = _key(gram)
    home = next(t for t in parent_tokens if gram_key in _key(t))
    start = next(i for i in range(len(home)) if home[i:i + len(gram)] == gram)
    end = start + len(gram)
    while end - start < MAX_PHRASE_TOKENS:
        if start > 0 and all(_key(home[start - 1:end]) in h for h in holders):
            start -= 1
        elif end < len(home) and all(_key(home[start:end + 1]) in h for h in holders):
            end += 1
        else:
            break
    return home[start:end]


def _document_frequency(texts: list[str], groups: list[str]) -> tuple[Counter, dict]:
    df: Counter = Counter()
    where: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for text, group in zip(texts, groups, strict=True):
        for gram in _grams(tokens(text)):
            df[gram] += 1
            where[gram].add(group)
    return df, where


def find_fingerprints(
    parent_texts: dict[str, list[str]], parent_groups: dict[str, list[str]], suspect_texts: list[str],
    background_texts: list[str] | None = None, per_parent: int = 8, min_answers: int = 3, min_share: float = 0.02,
) -> tuple[list[Fingerprint], dict[str, int]]:
    """Distinctive phrases of each parent seen in the suspect, and how many each parent has in all.

    ``background_texts`` (answers of other models in the run, e.g. controls) rule out phrases
    that any assistant might say ("a large language model") but two parents happen not to.
    """
    stats = {p: _document_frequency(parent_texts[p], parent_groups[p]) for p in parent_texts}
    background = set().union(*(_grams(tokens(t)) for t in background_texts or []))
    suspect_grams = [_grams(tokens(t)) for t in suspect_texts]
    suspect_keys = [_key(tokens(t)) for t in suspect_texts]
    found: list[Fingerprint] = []
    n_distinctive: dict[str, int] = {}
    for parent, (df, where) in stats.items():
        n_answers = max(1, len(parent_texts[parent]))
        others = [stats[o][0] for o in stats if o != parent]
        candidates = [
            g for g, c in df.items()
            if c >= max(min_answers, min_share * n_answers) and len(where[g]) >= 2
            and len(_join(g)) >= MIN_CHARS and g not in background and all(g not in o for o in others)
        ]
        n_distinctive[parent] = len(candidates)
        hits = [(g, sum(g in s for s in suspect_grams)) for g in candidates]
        hits = [h for h in hits if h[1] > 0]
        hits.sort(key=lambda h: (-h[1], -len(h[0]), h[0]))
        parent_tokens = [tokens(t) for t in parent_texts[parent]]
        parent_keys = [_key(t) for t in parent_tokens]
        chosen: list[str] = []
        for gram, count in hits:
            gram_key = _key(gram)
            if any(gram_key in c for c in chosen):
                continue  # a window of a phrase already listed
            holders = [k for k in parent_keys + suspect_keys if gram_key in k]
            phrase = _widen(gram, parent_tokens, holders)
            phrase_key = _key(phrase)
            if any(c in phrase_key for c in chosen):
                continue  # a listed phrase plus a common ending
            chosen.append(phrase_key)
            support = sum(phrase_key in k for k in parent_keys)
            found.append(Fingerprint(parent, _join(phrase), support, support / n_answers, count))
            if len(chosen) >= per_parent:
                break
    return found, n_distinctive
