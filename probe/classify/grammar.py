"""Cue regexes per text: every language's fragments of a category, but only those that can match.

Each fragment's literal anchors (``anchors.required``) go into one Aho–Corasick automaton (a DFA). One pass
over a text tells which fragments of each category can match there; ``CueBook.view`` returns a
``Grammar`` whose cues are compiled from those fragments alone (cached per set of fragments), so a
Chinese answer never runs the French cues and an answer without "call me" never runs that branch.
Dropping fragments that cannot match leaves every search's result unchanged.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache, reduce
from operator import itemgetter, or_

import ahocorasick_rs

from probe.classify import cues_latin, cues_latin_context, cues_other, cues_other_context
from probe.classify.anchors import required
from probe.classify.fastre import Cue

# attribute name on ``Grammar`` -> category list in the cue modules
_CATEGORIES = {
    "trigger": "TRIGGER", "deny_before": "DENY_BEFORE", "deny_after": "DENY_AFTER", "other": "OTHER",
    "other_after": "OTHER_AFTER", "base": "BASE", "break_near": "BREAK_NEAR", "break_any": "BREAK",
    "self_after": "SELF_AFTER", "made_after": "MADE_AFTER", "topic_after": "TOPIC_AFTER", "roleplay": "ROLEPLAY",
    "maker_before": "MAKER_BEFORE", "maker_after": "MAKER_AFTER", "partner": "PARTNER", "origin": "ORIGIN",
    "callme": "CALLME", "free": "FREE", "origin_after": "ORIGIN_AFTER", "topic_before": "TOPIC_BEFORE",
    "frame": "FRAME", "frame_end": "FRAME_END", "frame_after": "FRAME_AFTER", "hypothetical_after": "HYPOTHETICAL_AFTER",
    "deny_far": "DENY_FAR", "row_key": "ROW_KEY", "copula_ahead": "COPULA_AHEAD", "contrast_clause": "CONTRAST_CLAUSE", "joint_origin": "JOINT_ORIGIN",
}
_MAX_CACHED = 20_000  # compiled cues kept; past this the cache starts over
_FIRST = itemgetter(0)

# Only separators, conjunctions and possessives between two mentions: the second shares the first's stance.
_LIST_SEP = re.compile(
    r"^(?:[\s,、/&+|()\"'’:]|and|or|и|или|y|o|e|ou|et|va|hoac|和|与|及|或|或者|以及|や|と|와|과|및|또는|'s|의|の|的|社の|公司的|公司|社|"
    r"aka|also known as|(?:formerly|previously) (?:known as|called)|formerly|anciennement|antes|anteriormente|ранее|旧称|原名|前身为|"
    r"旧|又称|又名|也叫|简称|略称|즉|即|이전|구)*$"
)
# Sentence ends: . ! ? ; (not inside "3.5", "01.AI", not after "e.g." or "vs."), line breaks and list bullets.
_ABBREVIATIONS = ("e\\.g", "i\\.e", "vs", "etc", "dr", "mr", "inc", "ltd", "co")
# Written to start with one character class, so the engine skips every other character in C.
_PUNCTUATION_END = r"(?<=[.!?;])(?![a-z0-9.])" + "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS) + r"|(?<=[。…\n])"
_SENTENCE_END = re.compile(rf"[.!?;。…\s](?:{_PUNCTUATION_END}|(?<=\s)-\s|(?<=\s)\s(?=\d+\.\s))")
# The same without the spaced bullets (" - ", "  2. "), which need a space before them: most texts have none,
# and without "\s" in its first class the regex visits far fewer characters. A newline is a cut of its own.
_PUNCTUATION_ONLY = re.compile(rf"[.!?;。…\n](?:{_PUNCTUATION_END})")
_SPACED = re.compile(r"[^\S\n](?:-\s|\s\d)")
_MODULES = (cues_latin, cues_latin_context, cues_other, cues_other_context)


class Grammar:
    """The cues of one text: an attribute per category (``g.trigger``, ``g.other`` ...)."""

    list_sep = _LIST_SEP

    def __init__(self, cues: list[Cue]) -> None:
        self.__dict__.update(zip(_CATEGORIES, cues))


class CueBook:
    """All fragments of every category, their anchors in one automaton, and the cues compiled so far.

    Every fragment of every category owns one bit of a single integer; an anchor's integer has the bits of
    the fragments it opens, so which fragments a text can match is the OR of its anchors' integers (in C)."""

    def __init__(self) -> None:
        self._fragments: list[list[str]] = []
        self._offsets: list[int] = []  # per category: its first bit
        self._always = 0  # fragments without anchors
        bits: dict[str, int] = {}  # anchor -> the fragments it opens
        offset = 0
        for category in _CATEGORIES.values():
            fragments = [p for module in _MODULES for p in getattr(module, category, [])]
            self._fragments.append(fragments)
            self._offsets.append(offset)
            for bit, fragment in enumerate(fragments, start=offset):
                anchors = required(fragment)
                if anchors is None or min(map(len, anchors)) <= 1 and all(a.isascii() for a in anchors):
                    anchors = None  # ",", "(": found in nearly every text, so not worth looking for
                    self._always |= 1 << bit
                for anchor in anchors or ():
                    bits[anchor] = bits.get(anchor, 0) | 1 << bit
            offset += len(fragments)
        self._bits = list(bits.values())
        self._automaton = ahocorasick_rs.AhoCorasick(list(bits), implementation=ahocorasick_rs.Implementation.DFA)
        self._cues: dict[tuple[int, int], Cue] = {}
        self._grammars: dict[int, Grammar] = {}

    def view(self, low: str) -> Grammar:
        """The cues for ``low`` (a lower-cased text) and for any part of it."""
        hits = self._automaton.find_matches_as_indexes(low, overlapping=True)
        active = reduce(or_, map(self._bits.__getitem__, map(_FIRST, hits)), self._always)
        g = self._grammars.get(active)
        if g is None:
            if len(self._grammars) >= _MAX_CACHED:
                self._grammars.clear()
            masks = [active >> offset & ((1 << len(f)) - 1) for offset, f in zip(self._offsets, self._fragments)]
            g = self._grammars[active] = Grammar([self.cue(i, mask) for i, mask in enumerate(masks)])
        return g

    def cue(self, category: int, mask: int) -> Cue:
        key = (category, mask)
        cue = self._cues.get(key)
        if cue is None:
            if len(self._cues) >= _MAX_CACHED:
                self._cues.clear()
            fragments = self._fragments[category]
            cue = self._cues[key] = Cue([f for bit, f in enumerate(fragments) if mask >> bit & 1])
        return cue


@lru_cache(maxsize=1)
def grammar() -> CueBook:
    return CueBook()


def sentence_bounds(low: str, until: int | None = None) -> list[int]:
    """Sorted cut positions; a sentence is the text between two consecutive cuts. With ``until``, only the
    cuts up to the first one at or after it (the sentences of text up to ``until``)."""
    cuts, scanned = _cuts(_PUNCTUATION_ONLY, low, until)
    if _SPACED.search(low, 0, scanned + 2):  # a spaced bullet in the text read: read it again with them
        cuts, _ = _cuts(_SENTENCE_END, low, until)
    return cuts


def _cuts(pattern: re.Pattern, low: str, until: int | None) -> tuple[list[int], int]:
    """(cuts, how far the text was read)."""
    cuts = [0]
    for m in pattern.finditer(low):
        cuts.append(m.end())
        if until is not None and cuts[-1] >= until:
            return [*cuts, len(low)], cuts[-1]
    cuts.append(len(low))
    return cuts, len(low)


def sentence_of(cuts: list[int], start: int, end: int) -> tuple[int, int]:
    i = bisect.bisect_right(cuts, start) - 1
    j = bisect.bisect_left(cuts, end)
    return cuts[max(i, 0)], cuts[min(j, len(cuts) - 1)]
