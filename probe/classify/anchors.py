"""Literal anchors of a regex: strings of which every match must contain at least one.

``required("\\bmy (?:name|model) is")`` -> {"my name is", "my model is"}. A text that contains none of
a fragment's anchors cannot match it, so one Aho–Corasick pass over the text tells which fragments
of a large alternation can be dropped before the regex engine runs. Read from the parsed regex
(``re._parser``), so cue lists need no hand-written anchors and cannot drift out of step with them.
"""

from __future__ import annotations

import re._constants as C
import re._parser as P
from itertools import product

from probe.classify.regexsrc import top_items

_MAX_SET = 48  # cap on the strings an exact set may hold before it is treated as unknown
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ASSERTIONS = (C.AT, C.ASSERT, C.ASSERT_NOT)


def required(pattern: str) -> frozenset[str] | None:
    """Anchors of ``pattern``, lower-cased (they are looked for in the lower-cased text), or None."""
    found = _required(P.parse(pattern))
    return frozenset(_minimal({s.lower() for s in found})) if found else None


def prefixes(pattern: str) -> frozenset[str] | None:
    """Strings, lower-cased, one of which every match of ``pattern`` starts with; None when there are none."""
    found, _ = _prefix_seq(P.parse(pattern))
    if not found or "" in found:
        return None
    found = {s.lower() for s in found}
    return frozenset(s for s in found if not any(o != s and s.startswith(o) for o in found))


def _prefix_seq(seq: P.SubPattern | list) -> tuple[set[str], bool]:
    """(strings a match of ``seq`` starts with, whether they are its whole match)."""
    out = {""}
    for node in seq:
        op, av = node
        if op is C.SUBPATTERN:
            sub, whole = _prefix_seq(av[3])
        elif op is C.BRANCH:
            parts = [_prefix_seq(alt) for alt in av[1]]
            sub, whole = set().union(*(p for p, _ in parts)), all(w for _, w in parts)
        else:
            exact = _exact(node)
            sub, whole = (exact, True) if exact is not None else (set(), False)
        if not sub or len(out) * len(sub) > _MAX_SET:
            return out, False
        out = {a + b for a, b in product(out, sub)}
        if not whole:
            return out, False
    return out, True


def necessary_tail(pattern: str) -> str | None:
    """A suffix of ``pattern`` from its first literal group on ("…\\s*(?:によって|が)\\s*(?:開発|作成)"): every
    match of the pattern contains a match of it, so a text where it does not occur needs no full search.
    None when the pattern has no such group past its start."""
    atoms = top_items(pattern)
    for start, end in atoms[1:] if atoms else ():
        if pattern[start:start + 3] == "(?:" and pattern[end - 1] == ")":
            exact = _exact_seq(P.parse(pattern[start:end]))
            if exact and "" not in exact:
                return pattern[start:]
    return None


def _exact(node: tuple) -> set[str] | None:
    """The finite set of strings a node consumes, or None when it is not small and finite."""
    op, av = node
    if op is C.LITERAL:
        return {chr(av)}
    if op in _ASSERTIONS:
        return {""}
    if op is C.IN:
        chars: set[str] = set()
        for item_op, item in av:
            if item_op is C.LITERAL:
                chars.add(chr(item))
            elif item_op is C.RANGE and item[1] - item[0] < 8:
                chars.update(chr(c) for c in range(item[0], item[1] + 1))
            else:
                return None
        return chars if len(chars) <= 8 else None
    if op is C.SUBPATTERN:
        return _exact_seq(av[3])
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            sub = _exact_seq(alt)
            if sub is None:
                return None
            out |= sub
        return out if len(out) <= _MAX_SET else None
    if op in _REPEATS and av[0] == 0 and av[1] == 1:
        sub = _exact_seq(av[2])
        return None if sub is None else sub | {""}
    return None


def _exact_seq(seq: P.SubPattern | list) -> set[str] | None:
    out = {""}
    for node in seq:
        sub = _exact(node)
        if sub is None or len(out) * len(sub) > _MAX_SET:
            return None
        out = {a + b for a, b in product(out, sub)}
    return out


def required_all(pattern: str) -> list[frozenset[str]]:
    """Every anchor set of ``pattern`` (each one necessary, so a text must hold one string of each), best first."""
    found = _candidates(_flatten(P.parse(pattern)))
    return sorted({frozenset(_minimal({s.lower() for s in c})) for c in found}, key=lambda c: _score(set(c)), reverse=True)


def _flatten(seq: P.SubPattern | list) -> list:
    """A sequence with its plain groups spliced in: "(?i:a(?:b|c))d" is a, (b|c), d."""
    out: list = []
    for node in seq:
        if node[0] is C.SUBPATTERN:
            out.extend(_flatten(node[1][3]))
        else:
            out.append(node)
    return out


def _required(seq: P.SubPattern | list) -> set[str] | None:
    """Anchors of a sequence: the best of its exact runs and of what its parts require."""
    return max(_candidates(seq), key=_score, default=None)


def _candidates(seq: P.SubPattern | list) -> list[set[str]]:
    """Anchor sets of a sequence: its exact runs and what its parts require."""
    candidates: list[set[str]] = []
    run: set[str] = {""}
    for node in seq:
        sub = _exact(node)
        if sub is not None and len(run) * len(sub) <= _MAX_SET:
            run = {a + b for a, b in product(run, sub)}
            continue
        candidates.append(run)
        run = sub if sub is not None else {""}
        if sub is None:
            candidates.append(_required_node(node) or {""})
    candidates.append(run)
    return [_minimal(c) for c in candidates if c and "" not in c]


def _required_node(node: tuple) -> set[str] | None:
    op, av = node
    if op is C.SUBPATTERN:
        return _required(av[3])
    if op is C.ATOMIC_GROUP:
        return _required(av)
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            sub = _required(alt)
            if not sub:
                return None
            out |= sub
        return out
    if op in _REPEATS and av[0] >= 1:
        return _required(av[2])
    return None


def _minimal(strings: set[str]) -> set[str]:
    """Drop strings that contain another of the set: finding the shorter one is enough."""
    return {s for s in strings if not any(o != s and o in s for o in strings)}


def _score(strings: set[str]) -> tuple[float, int]:
    """Rarer anchors first: longer, and a CJK or Cyrillic character says more than a Latin one."""
    weight = min(sum(1.0 if c.isascii() else 2.5 for c in s) for s in strings)
    return weight, -len(strings)
