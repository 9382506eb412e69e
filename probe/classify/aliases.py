"""Find every lexicon alias in a text with two compiled tries (Latin-initial aliases, and the rest).

All aliases are lower-cased and folded like the text. The script of an alias's first and last
character decides its word boundary (Latin on word boundaries with version suffixes, Cyrillic with
case endings, CJK without boundaries). Compiled as tries, the regex branches on the next character
instead of trying hundreds of alternatives at every position; a text of ASCII only skips the second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from probe.classify.fastre import trie_regex
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
    "hangul": r"(?:(?![가-힣])|(?=[는은이가을를의와과도로으에라란입예야님씨처같보만까부나랑하께인였]))",
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
    alias_end: int  # where the alias itself ends; the rest up to ``end`` is a version suffix or case ending
    org_named: bool

    @property
    def versioned(self) -> bool:
        return self.end > self.alias_end


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
        groups: dict[str, list[str]] = {}
        ending: dict[str, str] = {}
        for key in self.info:
            left = _script(key[0])
            groups.setdefault("latin" if left == "digit" else left, []).append(key)
            right = _script(key[-1])
            ending[key] = _RIGHT[right] + (_VERSION if right in ("latin", "digit") else "")
        # One regex per script of the alias's first character; a text only runs those its characters need.
        self.latin = re.compile(_LEFT["latin"] + trie_regex(groups.pop("latin", []), ending))
        rest = [f"{_LEFT[left]}{trie_regex(words, ending)}" for left, words in sorted(groups.items())]
        self.other = re.compile("|".join(f"(?:{p})" for p in rest)) if rest else None
        self.known = {key: (info.family, info.org) for key, info in self.info.items() if not info.weak}

    def _add(self, entry: Entry, family: str | None, org_keys: set[str], include_key: bool) -> None:
        spec = [(a, None, False) for a in entry.names] + [(a, a, False) for a in entry.cased] + [(a, a, True) for a in entry.weak]
        if include_key and normalize(entry.key).low not in {normalize(a).low for a, _, _ in spec}:
            spec.append((entry.key, None, False))
        for alias, form, weak in spec:
            norm = normalize(alias)
            key = norm.low
            old = self.info.get(key)
            forms: frozenset[str] | None = frozenset([norm.norm]) if form else None
            if old is not None and (old.family == family):
                forms = None if old.forms is None or forms is None else old.forms | forms
                weak = old.weak and weak
            info = AliasInfo(family, entry.org, forms, weak, family is not None and key in org_keys)
            self.info[key] = info
            if key[-1] in "ая" and _script(key[-1]) == "cyrillic" and forms is None:
                for ending in ("ы", "е", "у", "ой", "и", "ю", "ей"):  # "Алибаба" -> "Алибабы", "Алисой"
                    self.info.setdefault(key[:-1] + ending, info)

    def find(self, norm: str, low: str, any_case: bool = False) -> list[Mention]:
        out: list[Mention] = []
        info_of = self.info
        matches = list(self.latin.finditer(low))
        if self.other is not None and not low.isascii():
            matches += self.other.finditer(low)
            matches.sort(key=lambda m: m.start())
        last_end = -1
        for m in matches:
            start, end = m.span()
            if start < last_end:
                continue  # the same text found by both regexes ("谷歌DeepMind")
            key = _alias_key(low, start, end, info_of)
            if key is None:
                continue
            info = info_of[key]
            alias_end = start + len(key)
            if info.forms is not None and not any_case and norm[start:alias_end] not in info.forms:
                continue
            out.append(Mention(start, end, norm[start:end].strip(), info.family, info.org, info.weak, alias_end, info.org_named))
            last_end = end
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
