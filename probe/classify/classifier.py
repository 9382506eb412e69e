"""``classify_answer``: who does this answer say it is, and is that the expected identity?"""

from __future__ import annotations

import re

from probe.classify.aliases import Mention
from probe.classify.expected import Expected, expected_identity
from probe.classify.grammar import CueBook, Grammar, grammar, sentence_bounds
from probe.classify.lexicon import Lexicon, load_lexicon
from probe.classify.makers import find_makers
from probe.classify.normalize import normalize
from probe.classify.phrases import scan_phrases
from probe.classify.result import Claim, ClaimResult
from probe.classify.selfname import find_self_names
from probe.classify.stance import BASIS, DENIAL, OTHER, ROLEPLAY, SELF, mention_stances

_PLACE = re.compile(r"\s+(?:de|do|da|del|dos|das|di)\s+[A-Z]")  # "Rio de Janeiro": a place, not a model
_ANSWER_STANCE_ORDER = (SELF, DENIAL, ROLEPLAY, OTHER)


def classify_answer(text: str, reasoning: str | None = None, expected: list[str] | None = None,
                    lexicon: Lexicon | None = None) -> ClaimResult:
    lex = lexicon or load_lexicon()
    book = grammar()
    answer = scan_claims(text or "", "answer", lex, book)
    thought = scan_claims(reasoning, "reasoning", lex, book) if reasoning else []
    result = ClaimResult(claims=answer + thought)
    result.self_name, result.self_family, result.self_org = _identity(answer, lex)
    if thought:
        result.reasoning_self_name, result.reasoning_self_family, result.reasoning_self_org = _identity(thought, lex)
    present = {c.stance for c in answer}
    result.stance = next((s for s in _ANSWER_STANCE_ORDER if s in present), "none")
    if expected:
        result.mismatch, result.foreign_vendor = _compare(answer, expected_identity(lex, tuple(expected)), lex)
    return result


def scan_claims(text: str, source: str, lex: Lexicon, book: CueBook) -> list[Claim]:
    n = normalize(text)
    mentions = lex.matcher.find(n.norm, n.low)
    intros, made = scan_phrases(n.norm, n.low)
    makers = find_makers(n.norm, made, mentions, lex.matcher.known) if made else []
    if makers:
        mentions = sorted(mentions + makers, key=lambda m: m.start)
    names = find_self_names(n.norm, intros)
    if not mentions and not names:
        return []
    g = book.view(n.low)
    named: set[int] = set()
    open_names = []
    for span in names:
        hits = [i for i, m in enumerate(mentions) if m.start < span.end and span.start < m.end]
        if hits:
            named.update(hits)
        else:
            open_names.append(span)
    intros = [(s.start, s.end) for s in open_names]
    stances = []
    if mentions:
        stances = mention_stances(n.low, sentence_bounds(n.low, mentions[-1].end), mentions, named, g, intros)
    claims: list[Claim] = []
    moved = n.index is not None  # offsets in the original differ from the normalised text's (rare)
    for i, (m, stance) in enumerate(zip(mentions, stances)):
        basis = stance == BASIS
        stance = OTHER if basis else stance
        if m.weak and not _weak_counts(m, n.norm, stance, i in named, g.free.search(n.low, max(0, m.start - 300), m.start)):
            continue
        family = None if m.org_named and not m.versioned and _maker_position(n.low, m, g) else m.family
        start, end = n.span(m.start, m.end) if moved else (m.start, m.end)
        claims.append(Claim(n.original[start:end].strip(), family, m.org, SELF if basis else stance, source, start, end,
                            basis=basis))
    if not open_names:
        return claims  # in order already: mentions are
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


def _own(claims: list[Claim]) -> list[Claim]:
    """The claims an answer makes for itself; a basis it is built on only when it names no maker or name of its own."""
    own = [c for c in claims if c.stance == SELF]
    if any(c.basis for c in own) and any(not c.basis and not c.nickname for c in own):
        return [c for c in own if not c.basis]
    return own


def _identity(claims: list[Claim], lex: Lexicon) -> tuple[str | None, str | None, str | None]:
    own = _own(claims)
    named = next((c for c in own if c.family is not None or c.org is None), None)
    maker = next((c for c in own if c.family is None and c.org is not None), None)
    name = named.name if named else None
    family = named.family if named else None
    org = maker.org if maker else lex.org_of(family)
    return name, family, org


def _compare(claims: list[Claim], exp: Expected, lex: Lexicon) -> tuple[bool, bool]:
    mismatch = foreign = False
    for c in _own(claims):
        if c.nickname:
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
