"""Find every lexicon alias in a text with one Aho–Corasick pass, then check each hit's boundaries.

All aliases are lower-cased and folded like the text. The script of an alias's first and last
character decides its word boundary (Latin on word boundaries with version suffixes, Cyrillic with
case endings, CJK without boundaries). The automaton finds every alias occurring anywhere (in C);
only those hits are checked in Python, longest alias first at each position, scanning left to right
without overlaps, as one regex alternation over all aliases would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

import ahocorasick_rs

from probe.classify.boundaries import LEFT, RIGHT, VERSION, script
from probe.classify.lexicon import Entry, Lexicon
from probe.classify.normalize import normalize

_START, _END = itemgetter(1), itemgetter(2)  # of a hit: (alias, start, end)


@dataclass(frozen=True)
class AliasInfo:
    family: str | None
    org: str
    forms: frozenset[str] | None  # exact-case forms allowed; None = any case
    weak: bool
    org_named: bool  # the alias is also its organisation's name ("DeepSeek", "MiniMax")


class Mention(NamedTuple):  # a tuple: built for every alias found, so cheap to make
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
        endings = {s: re.compile(RIGHT[s] + (VERSION if s in ("latin", "digit") else "")) for s in RIGHT}
        self._keys: list[tuple] = []  # per alias: (alias, scan group, characters barred before, boundary and suffix after)
        for key in self.info:
            left = script(key[0])
            left = "latin" if left == "digit" else left  # digit-initial aliases ("01.AI") scan with the Latin ones
            self._keys.append((key, left == "latin", LEFT[left], endings[script(key[-1])]))
        self._automaton = ahocorasick_rs.AhoCorasick(list(self.info), implementation=ahocorasick_rs.Implementation.DFA)
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
            if key[-1] in "ая" and script(key[-1]) == "cyrillic" and forms is None:
                for ending in ("ы", "е", "у", "ой", "и", "ю", "ей"):  # "Алибаба" -> "Алибабы", "Алисой"
                    self.info.setdefault(key[:-1] + ending, info)

    def find(self, norm: str, low: str, any_case: bool = False) -> list[Mention]:
        out: list[Mention] = []
        info_of = self.info
        last_end = -1
        for start, end in self._spans(low):
            if start < last_end:
                continue
            key = low[start:end]
            if key not in info_of:  # a version suffix or case ending follows the alias
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

    def _spans(self, low: str) -> list[tuple[int, int]]:
        """(start, end) of each alias with its boundary and suffix, leftmost first, longest alias first at a
        position; Latin-initial and other aliases scan separately, each without overlaps."""
        hits = self._automaton.find_matches_as_indexes(low, overlapping=True)
        hits.sort(key=_END, reverse=True)  # two sorts in C: by start, and at one start the longest first
        hits.sort(key=_START)
        keys = self._keys
        spans: list[tuple[int, int]] = []
        scanned = [0, 0]  # per scan group (other, Latin): where its next match may start
        settled = -1  # a start already matched or barred
        for key, start, end in hits:
            if start == settled:
                continue
            _, latin, barred, ending = keys[key]
            if start < scanned[latin] or (start and low[start - 1] in barred):
                settled = start
                continue
            m = ending.match(low, end)
            if m is not None:
                spans.append((start, m.end()))
                scanned[latin] = m.end()
                settled = start
        return spans

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
