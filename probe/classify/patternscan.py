"""Run a list of regexes over a text, each only where it can match, with one Aho–Corasick pass.

A pattern whose every match starts with one of a few literal strings ("my name is", "developed by",
"我是") is tried with ``match`` at just the positions where one of them occurs; the others search the
text as usual, and only when one of their anchors (literals every match contains) occurs in it. The
matches are those ``finditer`` would give: no match can start anywhere else. Literals are read from
the patterns themselves (``anchors``) and looked for in the lower-cased text; patterns run on the
case-kept text of the same length, so a case-insensitive intro costs no more than a literal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick_rs

from probe.classify.anchors import necessary_tail, prefixes, required_all


class PatternScan:
    def __init__(self, patterns: Sequence[re.Pattern]) -> None:
        self._patterns = list(patterns)
        self._unprefixed: set[int] = set()  # searched as usual, once an anchor of theirs occurs
        self._always: set[int] = set()  # ... or always, when they have none
        self._gated: set[int] = set()  # prefixed patterns that also need an anchor elsewhere ("我是" ... "模型")
        owners: dict[str, tuple[list[int], list[int]]] = {}  # literal -> (patterns it starts, patterns it opens)
        for i, p in enumerate(self._patterns):
            starts, anchor_sets = prefixes(p.pattern), required_all(p.pattern)
            for literal in starts or ():
                owners.setdefault(literal, ([], []))[0].append(i)
            if starts is None:
                self._unprefixed.add(i)
                if not anchor_sets:
                    self._always.add(i)
            anchors = next((a for a in anchor_sets if a != starts), None)  # the best anchors besides the prefixes
            if anchors is None:
                continue
            if starts is not None:
                self._gated.add(i)
            for literal in anchors:
                owners.setdefault(literal, ([], []))[1].append(i)
        # an unprefixed pattern is searched only where its literal tail occurs ("…が開発" for "Xが開発"): a cheap test
        self._tails = {i: re.compile(tail) for i in self._unprefixed if (tail := necessary_tail(self._patterns[i].pattern))}
        self._owners = [(tuple(starts_of), tuple(opens)) for starts_of, opens in owners.values()]
        self._automaton = ahocorasick_rs.AhoCorasick(list(owners), implementation=ahocorasick_rs.Implementation.DFA)

    def scan(self, norm: str, low: str) -> list[tuple[int, list[re.Match]]]:
        """(pattern index, its matches in ``norm``) for each pattern that matches, in pattern order."""
        starts: dict[int, list[int]] = {}
        opened = set(self._always)
        owners = self._owners
        for literal, start, _ in self._automaton.find_matches_as_indexes(low, overlapping=True):
            starts_of, opens = owners[literal]
            for i in starts_of:
                starts.setdefault(i, []).append(start)
            if opens:
                opened.update(opens)
        out: list[tuple[int, list[re.Match]]] = []
        for i in sorted(opened.union(starts)):
            if i in self._gated and i not in opened or i not in self._unprefixed and i not in starts:
                continue
            pattern = self._patterns[i]
            if i in self._unprefixed:
                tail = self._tails.get(i)
                found = list(pattern.finditer(norm)) if tail is None or tail.search(norm) else []
            else:
                found, resume = [], 0
                for start in sorted(starts[i]):  # one literal per position: minimal prefixes do not nest
                    if start >= resume and (m := pattern.match(norm, start)) is not None:
                        found.append(m)
                        resume = m.end()
            if found:
                out.append((i, found))
        return out
