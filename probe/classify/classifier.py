"""``classify_answer``: who does this answer say it is, and is that the expected identity?"""

from __future__ import annotations

import re

from probe.classify.aliases import Mention
from probe.classify.expected import Expected, expected_identity
from probe.classify.grammar import Grammar, grammar, sentence_bounds
from probe.classify.lexicon import Lexicon, load_lexicon
from probe.classify.makers import find_makers
from probe.classify.normalize import normalize
from probe.classify.result import Claim, ClaimResult
from probe.classify.selfname import find_self_names
from probe.classify.stance import DENIAL, OTHER, ROLEPLAY, SELF, mention_stances

_PLACE = re.compile(r"\s+(?:de|do|da|del|dos|das|di)\s+[A-Z]")  # "Rio de Janeiro": a place, not a model
_ANSWER_STANCE_ORDER = (SELF, DENIAL, ROLEPLAY, OTHER)


def classify_answer(text: str, reasoning: str | None = None, expected: list[str] | None = None,
                    lexicon: Lexicon | None = None) -> ClaimResult:
    lex = lexicon or load_lexicon()
    g = grammar()
    answer = scan_claims(text or "", "answer", lex, g)
    thought = scan_claims(reasoning, "reasoning", lex, g) if reasoning else []
    result = ClaimResult(claims=answer + thought)
    result.self_name, result.self_family, result.self_org = _identity(answer, lex)
    result.reasoning_self_name, result.reasoning_self_family, result.reasoning_self_org = _identity(thought, lex)
    present = {c.stance for c in answer}
    result.stance = next((s for s in _ANSWER_STANCE_ORDER if s in present), "none")
    if expected:
        result.mismatch, result.foreign_vendor = _compare(answer, expected_identity(lex, tuple(expected)), lex)
    return result


def scan_claims(text: str, source: str, lex: Lexicon, g: Grammar) -> list[Claim]:
    n = normalize(text)
    mentions = lex.matcher.find(n.norm, n.low)
    mentions = sorted(mentions + find_makers(n.norm, n.low, mentions, lex.matcher.known), key=lambda m: m.start)
    names = find_self_names(n.norm, n.low)
    named: set[int] = set()
    open_names = []
    for span in names:
        hits = [i for i, m in enumerate(mentions) if m.start < span.end and span.start < m.end]
        if hits:
            named.update(hits)
        else:
            open_names.append(span)
    cuts = sentence_bounds(n.low)
    intros = [(s.start, s.end) for s in open_names]
    stances = mention_stances(n.low, cuts, mentions, named, g, intros)
    claims: list[Claim] = []
    for i, (m, stance) in enumerate(zip(mentions, stances)):
        if m.weak and not _weak_counts(m, n.norm, stance, i in named, g.free.search(n.low, max(0, m.start - 300), m.start)):
            continue
        family = None if m.org_named and not m.versioned and _maker_position(n.low, m, g) else m.family
        start, end = n.span(m.start, m.end)
        claims.append(Claim(n.original[start:end].strip(), family, m.org, stance, source, start, end))
    named_self = any(s == SELF and m.family is not None for m, s in zip(mentions, stances))
    for span in open_names:
        before = n.low[max(0, span.start - 200):span.start]
        stance = DENIAL if g.deny_before.search(before[-48:]) else SELF
        if stance == SELF and g.roleplay.search(before):
            stance = ROLEPLAY
        nickname = _nickname(n.low, span.start, span.end, named_self, g)
        start, end = n.span(span.start, span.end)
        claims.append(Claim(n.original[start:end], None, None, stance, source, start, end, nickname))
    claims.sort(key=lambda c: c.start)
    return claims


def _nickname(low: str, start: int, end: int, named_self: bool, g: Grammar) -> bool:
    """An invented name offered from a menu ("suggestions: ...", "比如…"), or a pet name next to the answer's
    own lexicon name ("call me DeepSeek, or 小深"): not an identity of its own."""
    if g.free.search(low, max(0, start - 300), start):
        return True
    nearby = low[max(0, start - 40):start] + " " + low[end:end + 16]
    return named_self and bool(g.callme.search(nearby))


def _weak_counts(m: Mention, norm: str, stance: str, named: bool, menu: object) -> bool:
    """A weak alias ("Rio", "Step", "Алиса") counts when versioned, named by an intro, or claimed or denied
    outright — not when it is one of a menu of suggested nicknames."""
    if _PLACE.match(norm, m.end):
        return False
    attached = m.versioned and norm[m.alias_end] != " "
    return attached or named or stance == DENIAL or (stance == SELF and not menu)


def _maker_position(low: str, m: Mention, g: Grammar) -> bool:
    return bool(g.maker_before.search(low[max(0, m.start - 24):m.start]) or g.maker_after.match(low[m.end:m.end + 24]))


def _identity(claims: list[Claim], lex: Lexicon) -> tuple[str | None, str | None, str | None]:
    own = [c for c in claims if c.stance == SELF]
    named = next((c for c in own if c.family is not None or c.org is None), None)
    maker = next((c for c in own if c.family is None and c.org is not None), None)
    name = named.name if named else None
    family = named.family if named else None
    org = maker.org if maker else lex.org_of(family)
    return name, family, org


def _compare(claims: list[Claim], exp: Expected, lex: Lexicon) -> tuple[bool, bool]:
    mismatch = foreign = False
    for c in claims:
        if c.stance != SELF or c.nickname:
            continue
        if c.family is not None:
            ok = c.family in exp.families or exp.has_name(c.name)
            org = lex.org_of(c.family)
        elif c.org is not None:
            ok = c.org in exp.orgs or exp.has_org_name(c.org)
            org = c.org if c.org in lex.orgs else None
        else:
            ok = exp.has_name(c.name) or exp.is_variant(c.name)
            org = None
        if not ok:
            mismatch = True
            if org is not None and org not in exp.orgs:
                foreign = True
    return mismatch, foreign
