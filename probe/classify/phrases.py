"""Self-introductions and maker phrases, found in one pass over an answer for both open-set readers.

``selfname`` reads names from the first, ``makers`` organisations from the second; one ``PatternScan``
(one Aho–Corasick pass for the literals of both lists) finds where each pattern matches.
"""

from __future__ import annotations

import re

from probe.classify import makers, selfname_patterns
from probe.classify.patternscan import PatternScan

Found = list[tuple[int, list[re.Match]]]  # (pattern index in its own list, its matches)

_SPLIT = len(selfname_patterns.PATTERNS)
_SCAN = PatternScan(selfname_patterns.PATTERNS + makers.PATTERNS)


def scan_phrases(norm: str, low: str) -> tuple[Found, Found]:
    """(self-introductions, maker phrases) in ``norm``; ``low`` is its lower-cased copy."""
    intros: Found = []
    made: Found = []
    for i, found in _SCAN.scan(norm, low):
        if i < _SPLIT:
            intros.append((i, found))
        else:
            made.append((i - _SPLIT, found))
    return intros, made
