"""Compiled cue regexes: every language's fragments of a category joined into one pattern.

The text's language is not needed: scripts rarely collide, and running one combined pattern per
category is faster than detecting the language first.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from probe.classify import cues_latin, cues_latin_context, cues_other, cues_other_context
from probe.classify.fastre import Cue

_CATEGORIES = (
    "TRIGGER", "DENY_BEFORE", "DENY_AFTER", "OTHER", "OTHER_AFTER", "BASE", "BREAK_NEAR", "BREAK",
    "SELF_AFTER", "MADE_AFTER", "TOPIC_AFTER", "ROLEPLAY", "MAKER_BEFORE", "MAKER_AFTER", "PARTNER", "ORIGIN", "CALLME", "FREE",
    "ORIGIN_AFTER", "TOPIC_BEFORE", "FRAME", "FRAME_END", "FRAME_AFTER", "HYPOTHETICAL_AFTER",
)

# Only separators, conjunctions and possessives between two mentions: the second shares the first's stance.
_LIST_SEP = re.compile(
    r"^(?:[\s,、/&+|()\"'’:]|and|or|и|или|y|o|e|ou|et|va|hoac|和|与|及|或|或者|以及|や|と|와|과|및|또는|'s|의|の|的|社の|公司的|公司|社|"
    r"aka|also known as|(?:formerly|previously) (?:known as|called)|formerly|anciennement|antes|anteriormente|ранее|旧称|原名|前身为|"
    r"旧|又称|又名|也叫|简称|略称|즉|即|이전|구)*$"
)
# Sentence ends: . ! ? ; (not inside "3.5", "01.AI", "e.g."), line breaks and list bullets.
_SENTENCE_END = re.compile(r"[.!?;](?![a-z0-9.])|[。…]|\n|\s-\s|\s\s(?=\d+\.\s)")
_ABBREVIATION = re.compile(r"(?:\b(?:e\.g|i\.e|vs|etc|dr|mr|inc|ltd|co))\.$")


@dataclass(frozen=True)
class Grammar:
    trigger: Cue
    deny_before: Cue
    deny_after: Cue
    other: Cue
    other_after: Cue
    base: Cue
    break_near: Cue
    break_any: Cue
    self_after: Cue
    made_after: Cue
    topic_after: Cue
    roleplay: Cue
    maker_before: Cue
    maker_after: Cue
    partner: Cue
    origin: Cue
    callme: Cue
    free: Cue
    origin_after: Cue
    topic_before: Cue
    frame: Cue
    frame_end: Cue
    frame_after: Cue
    hypothetical_after: Cue
    list_sep: re.Pattern = _LIST_SEP


_MODULES = (cues_latin, cues_latin_context, cues_other, cues_other_context)


def _join(name: str) -> Cue:
    parts = [p for module in _MODULES for p in getattr(module, name, [])]
    return Cue(parts or [r"(?!x)x"])


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    fields = [_join(c) for c in _CATEGORIES]
    return Grammar(*fields)


def sentence_bounds(low: str) -> list[int]:
    """Sorted cut positions; a sentence is the text between two consecutive cuts."""
    cuts = [0]
    for m in _SENTENCE_END.finditer(low):
        if low[m.start()] == "." and _ABBREVIATION.search(low, max(0, m.start() - 4), m.end()):
            continue  # "e.g. ChatGPT" stays in its sentence
        cuts.append(m.end())
    cuts.append(len(low))
    return cuts


def sentence_of(cuts: list[int], start: int, end: int) -> tuple[int, int]:
    i = bisect.bisect_right(cuts, start) - 1
    j = bisect.bisect_left(cuts, end)
    return cuts[max(i, 0)], cuts[min(j, len(cuts) - 1)]
