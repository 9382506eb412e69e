"""``Cue``: one category of stance cues compiled for speed (see ``regexsrc.literal_first``).

Fragments rewritten to start with a literal character go into one regex; fragments anchored at the
start ("^...") into a second, tried only where a text starts; the rest into an ordinary third.
"""

from __future__ import annotations

import heapq
import re
import sys
from collections.abc import Iterator

from probe.classify.regexsrc import literal_first, split_top


class Cue:
    """One cue category: a fast literal-first regex, one for fragments anchored at the start ("^..."), and an
    ordinary one for the fragments left over. Searches give the leftmost match of any, in that order on a tie."""

    def __init__(self, fragments: list[str]) -> None:
        heads: dict[str, list[str]] = {}  # alternatives grouped by their first character: one branch per character
        slow: list[str] = []
        anchored: list[str] = []
        for fragment in fragments:
            rewritten = literal_first(fragment)
            if rewritten is not None:
                for head, rest in rewritten:
                    heads.setdefault(head, []).append(rest)
            elif fragment.startswith("^") and len(split_top(fragment)) == 1:
                anchored.append(fragment[1:])
            else:
                slow.append(f"(?:{fragment})")
        fast = [h + (f"(?:{'|'.join(r)})" if len(r) > 1 else r[0]) for h, r in heads.items()]
        self._fast = re.compile("|".join(fast)) if fast else None
        self._slow = re.compile("|".join(slow)) if slow else None
        self._anchored = re.compile("^(?:" + "|".join(anchored) + ")") if anchored else None
        self._patterns = [p for p in (self._fast, self._slow, self._anchored) if p is not None]
        self.live = bool(self._patterns)  # False: nothing of this cue can occur in the text
        # most cues of a text compile to one pattern or none: call it directly, without a frame in between
        if len(self._patterns) == 1:
            only = self._patterns[0]
            self.search, self.match, self.finditer = only.search, only.match, only.finditer
        elif not self._patterns:
            self.search = self.match = _nothing
            self.finditer = _no_matches

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        found = [m for p in self._patterns if (m := p.search(text, pos, endpos)) is not None]
        return min(found, key=re.Match.start) if found else None

    def match(self, text: str) -> re.Match | None:
        return next((m for p in self._patterns if (m := p.match(text)) is not None), None)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        """Matches of every pattern in order of start, lazily (a caller may stop early)."""
        if self._slow is None:  # fast and anchored: the anchored one can only match at 0
            first = self._anchored.match(text, pos, endpos) if pos == 0 else None
            fast = self._fast.finditer(text, pos, endpos)
            return fast if first is None else _put_first(first, fast)
        return heapq.merge(*(p.finditer(text, pos, endpos) for p in self._patterns), key=re.Match.start)


def _put_first(first: re.Match, matches: Iterator[re.Match]) -> Iterator[re.Match]:
    """``matches`` with ``first`` (a match at 0) after those that start at 0 too."""
    for m in matches:
        if first is not None and m.start() > 0:
            yield first
            first = None
        yield m
    if first is not None:
        yield first


def _nothing(*_: object) -> None:
    return None


def _no_matches(*_: object) -> tuple:
    return ()
