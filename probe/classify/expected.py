"""The expected identity of a target, expanded through the lexicon (expected Qwen => Alibaba, 通义千问)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from probe.classify.lexicon import Lexicon
from probe.classify.normalize import normalize

_NON_ALNUM = re.compile(r"[\W_]+")
_TOKEN = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^\W\d_]+")  # "MiniMax" -> Mini, Max
_VARIANT_WORDS = frozenset({"instruct", "chat", "base", "model", "assistant", "turbo", "mini", "pro", "lite", "preview", "large",
                            "small", "medium", "flash", "plus", "max", "ultra", "nano", "vision", "coder", "code"})
_MIN_PIECE = 2  # "Gemflash" = "gem"(ini) + "flash": a blend of expected names; "Qwenn" leaves a stray "n"


@lru_cache(maxsize=65_536)  # a handful of distinct names recur across thousands of answers
def squash(name: str) -> str:
    """Compare names without case, spaces or punctuation: "Nex-N2 Mini" == "nexn2mini"."""
    return _NON_ALNUM.sub("", normalize(name).low)


def _heads(name: str) -> set[str]:
    """Every leading run of whole tokens: "Nex-N2-Mini" -> nex, nexn2, nexn2mini ("Claud" is not one of them)."""
    tokens = [t.lower() for t in _TOKEN.findall(normalize(name).norm)]
    return {"".join(tokens[:i]) for i in range(1, len(tokens) + 1)}


@dataclass(frozen=True)
class Expected:
    families: frozenset[str]
    orgs: frozenset[str]
    names: frozenset[str]  # squashed expected names and every leading run of their tokens
    family_names: frozenset[str]  # squashed aliases of the expected families
    org_names: frozenset[str]  # squashed aliases of the expected organisations

    def has_name(self, name: str) -> bool:
        """An unknown self-name that is one of the expected names or their leading tokens ("Nex" for "Nex-N2-Mini")."""
        key = squash(name)
        return bool(key) and (key in self.names or key in self.family_names)

    def is_variant(self, name: str) -> bool:
        """A self-name blended from expected names ("Gemflash" for Gemini Flash), not a misspelling ("Qwenn")."""
        key = squash(name)
        pieces = {n for n in self.names | self.family_names if len(n) >= _MIN_PIECE}
        if len(key) < 4:
            return False
        wrapped = any(len(n) >= 4 and n in key and all(len(r) == 0 or len(r) >= _MIN_PIECE for r in key.split(n, 1))
                      and n != key for n in self.family_names)
        return wrapped or _blend(key, pieces)

    def has_org_name(self, org: str) -> bool:
        return squash(org) in self.org_names


@lru_cache(maxsize=4096)
def expected_identity(lex: Lexicon, names: tuple[str, ...]) -> Expected:
    names = tuple(n for n in names if isinstance(n, str) and n.strip())
    families, orgs = _resolve(lex, names, any_case=False)
    if not families and not orgs:  # "olmo" written in lower case still means OLMo
        families, orgs = _resolve(lex, names, any_case=True)
    families |= _families_headed_by(lex, [n for n in names if _resolve(lex, (n,), any_case=True) == (set(), set())])
    family_names: set[str] = set()
    for fid in families:
        entry = lex.families[fid]
        orgs.add(entry.org)
        family_names.update(squash(a) for a in (*entry.names, *entry.cased, *entry.weak))
    org_names = {squash(a) for org in orgs if org in lex.orgs for a in (org, *lex.orgs[org].names, *lex.orgs[org].cased)}
    clean = lambda xs: frozenset(x for x in xs if x)  # noqa: E731
    heads = {h for n in names for h in _heads(n)} | {h for f in families for a in lex.families[f].names[:1] + lex.families[f].cased[:1]
                                                    for h in _heads(a)}
    return Expected(frozenset(families), frozenset(orgs), clean(heads | {squash(n) for n in names}), clean(family_names),
                    clean(org_names))


def _families_headed_by(lex: Lexicon, names: list[str]) -> set[str]:
    """Families whose names start with one of ``names`` as whole words ("Command" -> Command R, Command A): a
    product line named without its variant. Only for capitalised names the lexicon does not know at all, and
    never for a variant word ("instruct" heads InstructGPT, yet says nothing of who a model is)."""
    keys = {key for key in map(squash, (n for n in names if n[:1].isupper())) if len(key) >= 3 and key not in _VARIANT_WORDS}
    if not keys:
        return set()
    return {fid for fid, entry in lex.families.items() if any(keys & _heads(a) for a in (*entry.names, *entry.cased))}


def _blend(key: str, pieces: set[str]) -> bool:
    """Can ``key`` be cut into two or more parts, each a prefix (of 2+ letters) of an expected name?"""
    prefixes = {p[:i] for p in pieces for i in range(_MIN_PIECE, len(p) + 1)}
    parts = [0] + [-1] * len(key)  # fewest parts that reach each position (-1: unreachable)
    for i in range(len(key)):
        if parts[i] < 0:
            continue
        for j in range(i + _MIN_PIECE, len(key) + 1):
            if key[i:j] in prefixes and (parts[j] < 0 or parts[j] > parts[i] + 1):
                parts[j] = parts[i] + 1
    return parts[-1] >= 2 or _two_way(key, prefixes)


def _two_way(key: str, prefixes: set[str]) -> bool:
    return any(key[:i] in prefixes and key[i:] in prefixes for i in range(_MIN_PIECE, len(key) - _MIN_PIECE + 1))


def _resolve(lex: Lexicon, names: tuple[str, ...], any_case: bool) -> tuple[set[str], set[str]]:
    families: set[str] = set()
    orgs: set[str] = set()
    org_by_key = {squash(alias): org for org, e in lex.orgs.items() for alias in (org, *e.names, *e.cased)}
    for name in names:
        if squash(name) in org_by_key:
            orgs.add(org_by_key[squash(name)])
        n = normalize(name)
        for m in lex.matcher.find(n.norm, n.low, any_case=any_case):
            orgs.add(m.org)
            if m.family:
                families.add(m.family)
    return families, orgs
