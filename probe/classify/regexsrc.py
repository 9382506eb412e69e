"""Regex source text, read and rewritten: groups, classes and alternatives of a pattern string, and the
rewrite of a cue fragment into alternatives that start with a literal character (see ``fastre``).

Python's regex engine skips quickly over positions whose character cannot start any alternative, but
only when every top-level alternative begins with a literal. ``\\bi(?:'m| am)`` does not (it begins
with a word boundary), so the engine tries all alternatives at every position. Rewritten as
``i(?<![a-z0-9_]i)(?:'m| am)`` — the boundary checked just after the first character — it does.
"""

from __future__ import annotations

import re
import re._parser as sre_parse

_WORD_BOUNDARY = "(?<![a-z0-9_]{c})"  # "\\b" before a word character, on lower-cased text
QUANTIFIER = ("?", "*", "+", "{")


def skip_class(s: str, i: int) -> int:
    j = i + 1
    if j < len(s) and s[j] == "^":
        j += 1
    if j < len(s) and s[j] == "]":
        j += 1
    while s[j] != "]":
        j += 2 if s[j] == "\\" else 1
    return j + 1


def _syntax(s: str, i: int = 0):  # noqa: ANN202 - a generator of (position, character, depth after it)
    """Each character of ``s`` from ``i`` that is regex syntax, with the group depth after it: escapes and
    character classes are skipped whole, so their brackets and bars never count."""
    depth = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = skip_class(s, i)
            continue
        depth += (c == "(") - (c == ")")
        yield i, c, depth
        i += 1


def split_top(s: str) -> list[str]:
    parts, start = [], 0
    for i, c, depth in _syntax(s):
        if c == "|" and depth == 0:
            parts.append(s[start:i])
            start = i + 1
    parts.append(s[start:])
    return parts


def close_group(s: str, i: int) -> int:
    for j, c, depth in _syntax(s, i):
        if c == ")" and depth == 0:
            return j
    raise ValueError(s)


def literal_first(fragment: str, leads: tuple[str, ...] = ()) -> list[tuple[str, str]] | None:
    """Alternatives equivalent to ``fragment`` as (literal head with its guard, rest), or None when not possible.

    ``leads``: lookbehinds that precede the fragment, as templates with ``{c}`` where the head goes."""
    out: list[tuple[str, str]] = []
    for alt in split_top(fragment):
        alt, own = _strip_leads(alt, leads)
        if own is None:
            return None
        if alt.startswith("(?:"):
            j = close_group(alt, 0)
            inner, tail = alt[3:j], alt[j + 1:]
            optional = tail[:1] == "?" and tail[1:2] not in ("?", "+")
            if tail[:1] in QUANTIFIER and not optional:
                return None
            rest = tail[1:] if optional else tail
            subs = [literal_first(a + rest, own) for a in split_top(inner)]
            if optional:  # "(?:the )?model": with the group first, as the greedy "?" tries it, then without
                subs.append(literal_first(rest, own))
            if any(s is None for s in subs):
                return None
            out.extend(x for s in subs for x in s)
            continue
        if alt.startswith("["):  # "[.!?]\\s*X": one alternative per character of a small class
            chars = _class_chars(alt)
            if chars is None:
                return None
            rest = alt[skip_class(alt, 0):]
            subs = [literal_first(c + rest, own) for c in chars]
            if any(s is None for s in subs):
                return None
            out.extend(x for s in subs for x in s)
            continue
        head_len = 2 if alt[:1] == "\\" and alt[1:2] and not alt[1].isalnum() else 1  # "\\(" is a literal too
        if not alt or (head_len == 1 and alt[0] in "\\([.^$|)") or alt[head_len:head_len + 1] in QUANTIFIER:
            return None
        head = alt[:head_len]
        c = head if head_len == 2 else re.escape(head)
        if any(t is _WORD_BOUNDARY for t in own) and not re.fullmatch(r"\w", head):
            return None  # a word boundary before a non-word character means something else
        guard = "".join(t.format(c=c) for t in own)
        out.append((c + guard, alt[head_len:]))
    return out


def _class_chars(alt: str) -> list[str] | None:
    """The characters of a leading class like ``[.!?]`` or ``[\\n.(\\[]``, escaped; None for ranges, negations,
    categories, a quantified class or more than eight characters."""
    end = skip_class(alt, 0)
    if alt[end:end + 1] in QUANTIFIER or alt[1:2] == "^":
        return None
    body, chars, i = alt[1:end - 1], [], 0
    while i < len(body):
        if body[i] == "\\":
            c = body[i:i + 2]
            if c == "\\n":
                c = re.escape("\n")
            elif c[1:].isalnum():
                return None
            i += 2
        elif body[i] == "-" and 0 < i < len(body) - 1:
            return None
        else:
            c = re.escape(body[i])
            i += 1
        chars.append(c)
    return chars if 0 < len(chars) <= 8 else None


def _strip_leads(alt: str, leads: tuple[str, ...]) -> tuple[str, tuple[str, ...] | None]:
    """Take the word boundaries and fixed-width lookbehinds off the start of ``alt``, as guard templates to
    check after its first character: ``(?<!X)c`` is ``c(?<!Xc)``. None when a lookbehind is not fixed-width."""
    own = list(leads)
    while True:
        if alt.startswith(r"\b"):
            own.append(_WORD_BOUNDARY)
            alt = alt[2:]
        elif alt.startswith(("(?<!", "(?<=")):
            j = close_group(alt, 0)
            body = alt[4:j]
            low, high = sre_parse.parse(body).getwidth()
            if low != high:
                return alt, None
            own.append(alt[:4] + body.replace("{", "{{").replace("}", "}}") + "{c})")
            alt = alt[j + 1:]
        else:
            return alt, tuple(own)


def top_items(pattern: str) -> list[tuple[int, int]] | None:
    """(start, end) of each top-level item of a regex (with its quantifier); None when it has a top-level "|"."""
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "|":
            return None
        j = i + 2 if c == "\\" else skip_class(pattern, i) if c == "[" else close_group(pattern, i) + 1 if c == "(" else i + 1
        if pattern[j:j + 1] == "{":
            j = pattern.index("}", j) + 1
        elif pattern[j:j + 1] in ("?", "*", "+"):
            j += 1
        if pattern[j:j + 1] in ("?", "+"):
            j += 1
        out.append((i, j))
        i = j
    return out
