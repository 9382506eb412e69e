"""Find every lexicon alias in a text with one compiled regex.

All aliases are lower-cased and folded like the text, then grouped by the script of their first
and last character (which decides the word boundary) and compiled as tries, so the regex engine
branches on the next character instead of trying hundreds of alternatives at every position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from probe.classify.lexicon import Entry, Lexicon
from probe.classify.normalize import normalize

# Boundary per script class: (lookbehind before the first char, lookahead after the last char).
_LEFT = {
    "latin": r"(?<![a-z0-9])",
    "cyrillic": r"(?<![а-яa-z])",
    "hangul": r"(?<![가-힣])",
    "kana": r"(?<![ァ-ヺー])",
    "han": "",
}
_RIGHT = {
    "latin": r"(?![a-z])",
    "digit": r"(?![0-9])",
    "cyrillic": r"(?:ами|ому|ого|ом|ой|ою|ью|ым|ем|ах|а|у|е|ы|и|ю|я)?(?![а-я])",
    "hangul": "",
    "kana": r"(?![ァ-ヺー])",
    "han": "",
}
# Version and size suffixes that belong to a name: "Qwen3.5-397B-A17B", "GPT-4o", "Claude 3.5 Sonnet".
_TIERS = (
    "pro|flash|ultra|nano|mini|turbo|sonnet|opus|haiku|instruct|chat|coder|max|plus|lite|air|preview|"
    "large|medium|small|vision|omni|expanse|thinking|reasoner|open|code"
)
_VERSION = (
    r"(?:(?:[-_ ]?(?:v?\d+(?:\.\d+)*(?:[a-z](?![a-z]))?|[rvk]\d+(?:\.\d+)?(?![a-z])|a\d+b(?![a-z]))"
    rf"|[-_ ](?:{_TIERS}|\d+(?:\.\d+)?[bmk](?![a-z])|\d+x\d+b)(?![a-z]))+"
    r"(?:\+)?)?"
)


def _script(ch: str) -> str:
    if "a" <= ch <= "z" or ch in "+":
        return "latin"
    if "0" <= ch <= "9":
        return "digit"
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    if "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f":
        return "hangul"
    if "\u30a0" <= ch <= "\u30ff":
        return "kana"
    return "han"


def _trie_regex(words: list[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not end and len(node) == 1 else "(?:" + "|".join(branches) + ")"
        return body + "?" if end else body

    return emit(trie)


@dataclass(frozen=True)
class AliasInfo:
    family: str | None
    org: str
    forms: frozenset[str] | None  # exact-case forms allowed; None = any case
    weak: bool
    org_named: bool  # the alias is also its organisation's name ("DeepSeek", "MiniMax")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str  # as written (normalised), with its version suffix
    family: str | None
    org: str
    weak: bool
    versioned: bool
    org_named: bool


class AliasMatcher:
    def __init__(self, lexicon: Lexicon) -> None:
        self.info: dict[str, AliasInfo] = {}
        org_keys: set[str] = set()
        for entry in lexicon.orgs.values():
            org_keys.update(normalize(a).low for a in (entry.key, *entry.names, *entry.cased, *entry.weak))
        for entry in lexicon.orgs.values():
            self._add(entry, None, org_keys, include_key=True)
        for fid, entry in lexicon.families.items():
            self._add(entry, fid, org_keys, include_key=False)
        groups: dict[tuple[str, str], list[str]] = {}
        for key in self.info:
            left = _script(key[0])
            left = "latin" if left == "digit" else left
            groups.setdefault((left, _script(key[-1])), []).append(key)
        parts = []
        for (left, right), words in sorted(groups.items()):
            suffix = _VERSION if right in ("latin", "digit") else ""
            parts.append(f"{_LEFT[left]}(?:{_trie_regex(words)}){_RIGHT[right]}{suffix}")
        self.regex = re.compile("|".join(f"(?:{p})" for p in parts))

    def _add(self, entry: Entry, family: str | None, org_keys: set[str], include_key: bool) -> None:
        spec = [(a, None, False) for a in entry.names] + [(a, a, False) for a in entry.cased] + [(a, a, True) for a in entry.weak]
        if include_key:
            spec.append((entry.key, None, False))
        for alias, form, weak in spec:
            norm = normalize(alias)
            key = norm.low
            old = self.info.get(key)
            forms: frozenset[str] | None = frozenset([norm.norm]) if form else None
            if old is not None and (old.family == family):
                forms = None if old.forms is None or forms is None else old.forms | forms
                weak = old.weak and weak
            self.info[key] = AliasInfo(family, entry.org, forms, weak, family is not None and key in org_keys)

    def find(self, norm: str, low: str) -> list[Mention]:
        out: list[Mention] = []
        info_of = self.info
        for m in self.regex.finditer(low):
            start, end = m.span()
            key = _alias_key(low, start, end, info_of)
            if key is None:
                continue
            info = info_of[key]
            alias_end = start + len(key)
            if info.forms is not None and norm[start:alias_end] not in info.forms:
                continue
            out.append(Mention(start, end, norm[start:end].strip(), info.family, info.org, info.weak, end > alias_end, info.org_named))
        return out

    def resolve(self, name: str) -> Mention | None:
        """The first alias in a short name ("Qwen2.5 72B Instruct" -> qwen), or None."""
        n = normalize(name)
        found = self.find(n.norm, n.low)
        return found[0] if found else None


def _alias_key(low: str, start: int, end: int, info: dict[str, AliasInfo]) -> str | None:
    """The longest alias that the match starts with (the rest is a version suffix or case ending)."""
    for stop in range(end, start, -1):
        key = low[start:stop]
        if key in info:
            return key
    return None
