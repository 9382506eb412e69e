"""Make big cue alternations fast: rewrite each fragment so that it starts with a literal character.

Python's regex engine skips quickly over positions whose character cannot start any alternative, but
only when every top-level alternative begins with a literal. ``\\bi(?:'m| am)`` does not (it begins
with a word boundary), so the engine tries all alternatives at every position. Rewritten as
``i(?<![a-z0-9_]i)(?:'m| am)`` — the boundary checked just after the first character — it does.
Fragments that cannot be rewritten go to a second, ordinary regex; ``Cue`` searches both.
"""

from __future__ import annotations

import re
import sys

_LEADS = {r"\b": r"[a-z0-9_]", r"(?<![а-я])": r"[а-я]", r"(?<![a-z0-9])": r"[a-z0-9]", r"(?<![가-힣])": r"[가-힣]"}
_QUANTIFIER = ("?", "*", "+", "{")


def _skip_class(s: str, i: int) -> int:
    j = i + 1
    if j < len(s) and s[j] == "^":
        j += 1
    if j < len(s) and s[j] == "]":
        j += 1
    while s[j] != "]":
        j += 2 if s[j] == "\\" else 1
    return j + 1


def _split_top(s: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _skip_class(s, i)
            continue
        depth += c == "("
        depth -= c == ")"
        if c == "|" and depth == 0:
            parts.append(s[start:i])
            start = i + 1
        i += 1
    parts.append(s[start:])
    return parts


def _close(s: str, i: int) -> int:
    depth = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _skip_class(s, i)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(s)


def literal_first(fragment: str, lead: str = "") -> list[tuple[str, str]] | None:
    """Alternatives equivalent to ``fragment`` as (literal head with its guard, rest), or None when not possible."""
    out: list[tuple[str, str]] = []
    for alt in _split_top(fragment):
        own = lead
        for prefix in _LEADS:
            if alt.startswith(prefix):
                own, alt = prefix, alt[len(prefix):]
                break
        if alt.startswith("(?:"):
            j = _close(alt, 0)
            inner, tail = alt[3:j], alt[j + 1:]
            if tail[:1] in _QUANTIFIER:
                return None
            subs = [literal_first(a + tail, own) for a in _split_top(inner)]
            if any(s is None for s in subs):
                return None
            out.extend(x for s in subs for x in s)
            continue
        if not alt or alt[0] in "\\([.^$|)" or alt[1:2] in _QUANTIFIER:
            return None
        c = re.escape(alt[0])
        guard = f"(?<!{_LEADS[own]}{c})" if own else ""
        out.append((c + guard, alt[1:]))
    return out


def trie_regex(words: list[str], ending: dict[str, str]) -> str:
    """One trie over ``words``; where a word ends, its own boundary regex (``ending[word]``) must hold.

    Longer continuations are tried before the ending, so the longest alias wins ("智谱AI" over "智谱")."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = ending[word]

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if "" in node:
            branches.append(node[""] or "(?:)")
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


class Cue:
    """One cue category: a fast literal-first regex plus an ordinary one for the fragments left over."""

    def __init__(self, fragments: list[str]) -> None:
        heads: dict[str, list[str]] = {}  # alternatives grouped by their first character: one branch per character
        slow: list[str] = []
        for fragment in fragments:
            rewritten = literal_first(fragment)
            if rewritten is None:
                slow.append(f"(?:{fragment})")
            else:
                for head, rest in rewritten:
                    heads.setdefault(head, []).append(rest)
        fast = [h + (f"(?:{'|'.join(r)})" if len(r) > 1 else r[0]) for h, r in heads.items()]
        self._patterns = [re.compile("|".join(p)) for p in (fast, slow) if p]

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        found = [m for p in self._patterns if (m := p.search(text, pos, endpos)) is not None]
        return min(found, key=lambda m: m.start()) if found else None

    def match(self, text: str) -> re.Match | None:
        return next((m for p in self._patterns if (m := p.match(text)) is not None), None)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> list[re.Match]:
        if len(self._patterns) == 1:
            return list(self._patterns[0].finditer(text, pos, endpos))
        return sorted((m for p in self._patterns for m in p.finditer(text, pos, endpos)), key=lambda m: m.start())


class Gate:
    """Run only the patterns whose literal anchors occur in a text, found in one pass of a trie regex."""

    def __init__(self, anchors: list[tuple[str, ...]]) -> None:
        self._owners: dict[str, list[int]] = {}
        for i, group in enumerate(anchors):
            for anchor in group:
                self._owners.setdefault(anchor, []).append(i)
        words = list(self._owners)
        self._regex = re.compile(trie_regex(words, dict.fromkeys(words, "")))
        # an anchor found also proves every anchor inside it ("my name" -> "name", "私は" -> "私")
        self._inside = {w: [p for p in words if p in w] for w in words}

    def open(self, low: str) -> set[int]:
        found: set[int] = set()
        for word in set(self._regex.findall(low)):
            for inner in self._inside[word]:
                found.update(self._owners[inner])
        return found
