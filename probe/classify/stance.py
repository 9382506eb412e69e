"""The stance of each mention, read from the grammar around it within its sentence.

For every mention, in order: a negation right before (or, in ja/ko, after) makes it a denial; a
first-person trigger earlier in the sentence ("I am", "我是", "私は", "저는", "Меня зовут") makes it
a self-claim unless a comparison, example or third-party clause sits between the two; a mention
that follows another in the same sentence shares its stance when only separators, possessives or
"made by" lie between them. Without a trigger, SOV languages still claim through what follows the
name ("…です", "…입니다", "…によって開発された"). Inside a role-play frame, claims are in character.
Everything else is a third party.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from probe.classify.aliases import Mention
from probe.classify.grammar import Grammar
from probe.classify.roleplay import in_spans, roleplay_spans
from probe.classify.stance_rules import (
    BASIS, DENIAL, OTHER, ROLEPLAY, SELF, after_previous, after_trigger, base_only, copula_claim, in_callme_list, sov_maker,
)

_DENY_LOOKBACK = 8  # "No soy X": the negation sits just before the trigger
# An answer that opens with a bare name ("DeepSeek-R1 (2024) ...", "Claude.", "Kimi here —") gives it as its own.
_BARE_OPENING = re.compile(r"^\s*(?:$|[(\[,:—-]|(?:here|ici|aqui|aquí|здесь)\b)")
# ... or with its maker's name in front of a copula: "네이버의 모델입니다", "OpenAIのGPT-4です".
_POSSESSIVE_OPENING = re.compile(r"^\s*(?:의|の|的|'s)\s*[^.!?。]{0,30}?(?:입니다|이에요|예요|です)")
_PAREN = re.compile(r"^\s*\([^)]{0,40}\)")
_PUNCTUATION = re.compile(r"[.!?,;。]")


def mention_stances(low: str, cuts: list[int], mentions: list[Mention], named: set[int], g: Grammar,
                    intros: list[tuple[int, int]] = ()) -> list[str]:
    """One stance per mention. ``named``: indexes of mentions that an open-set intro already names as self;
    ``intros``: spans of open-set self-names, which open a self-claim like a trigger ("Я Добрыня, чат-бот компании X")."""
    spans = roleplay_spans(low, g)
    # one pass up to the last mention; each mention takes the last trigger before it in its sentence
    limit = mentions[-1].start
    found = []
    for t in g.trigger.finditer(low):
        if t.start() >= limit:
            break
        found.append(t.span())
    triggers = sorted(found + list(intros))
    stances: list[str] = []
    passive: list[bool] = []  # self only through what follows the name (SOV)
    basis: set[int] = set()  # read as OTHER by the rules below, reported as BASIS if they stay OTHER
    last = len(cuts) - 1
    before = None  # the previous mention
    for i, m in enumerate(mentions):
        start = m.start
        s0 = cuts[max(bisect_right(cuts, start) - 1, 0)]
        s1 = cuts[min(bisect_left(cuts, m.end), last)]
        left, right = low[s0:start], low[m.end:s1]
        prev = before if before is not None and before.end <= start and before.start >= s0 else None
        trigger = None  # the last trigger inside [s0, start), relative to s0 like ``left``
        for t0, t1 in reversed(triggers):
            if s0 <= t0 and t1 <= start:
                trigger = t0 - s0, t1 - s0
                break
        else:
            if g.row_key.live and (row := g.row_key.match(left)) is not None:
                trigger = row.span()  # "| Name | X |": the line's key speaks of the answer itself
        stance, via_after = _stance(left, right, low, m, prev, stances[-1] if prev is not None else None, s0, trigger, g)
        if stance == BASIS:  # a third party to every rule below; reported apart at the end if it stays one
            basis.add(i)
            stance = OTHER
        if stance == OTHER and (i in named or in_callme_list(low, s0, left, right, triggers, g)):
            stance = SELF
        if stance in (SELF, OTHER) and (spans and in_spans(start, spans) or g.hypothetical_after.match(right)):
            stance = ROLEPLAY
        elif stance != DENIAL and g.roleplay.live and _hypothetical(left, stance, g):
            stance = ROLEPLAY
        stances.append(stance)
        passive.append(via_after)
        before = m
    _settle_neighbours(low, mentions, stances, passive, g)
    return [BASIS if i in basis and s == OTHER else s for i, s in enumerate(stances)] if basis else stances


def _stance(left: str, right: str, low: str, m: Mention, prev: Mention | None, prev_stance: str | None, s0: int,
            trigger: tuple[int, int] | None, g: Grammar) -> tuple[str, bool]:
    deny_window = left[max(0, trigger[0] - _DENY_LOOKBACK):] if trigger is not None else left[-48:]
    ahead = _PAREN.sub("", right, count=1) if "(" in right else right
    if g.deny_before.search(deny_window) or g.deny_after.match(ahead) or g.deny_far.match(ahead) and sov_maker(ahead, g):
        return DENIAL, False
    if prev is not None and (trigger is None or s0 + trigger[1] <= prev.end):
        gap = low[prev.end:m.start]
        stance = after_previous(gap, ahead, prev_stance, m, g, left)
        head = left[trigger[0]:prev.start - s0] if trigger is not None else ""
        if stance == OTHER and trigger is not None and prev.family is None and m.family is not None and base_only(head, g):
            # "based on OpenAI's GPT-4": the org is only a basis, the model after it is the claimed base
            stance = after_trigger(left[trigger[0]:trigger[1]], left[trigger[1]:], m, g)
        return stance, stance == SELF and prev_stance != SELF
    if trigger is not None:
        stance = after_trigger(left[trigger[0]:trigger[1]], left[trigger[1]:], m, g, ahead)
    elif g.self_after.match(ahead) or g.origin_after.match(ahead):
        return SELF, True
    elif g.made_after.match(ahead) and not g.topic_after.match(ahead) and not g.topic_before.search(_clause(left)) \
            and not g.other.search(left):
        return SELF, True
    elif s0 == 0 and not m.weak and not left.strip(" \"'") and not g.topic_after.match(right) \
            and (_BARE_OPENING.match(right) or _POSSESSIVE_OPENING.match(right)):
        return SELF, False
    elif copula_claim(left, ahead, g):
        return SELF, True
    else:
        return OTHER, False
    if stance == SELF and g.other_after.match(ahead) and not g.base.search(left) and not g.origin_after.match(ahead):
        return OTHER, False
    return stance, False


def _clause(left: str) -> str:
    """The part of the sentence after its last comma: a topic before "…ありませんが、" is not this clause's."""
    cut = max(left.rfind(","), left.rfind("、"))
    return left[cut + 1:]


def _hypothetical(left: str, stance: str, g: Grammar) -> bool:
    """"If I were X", "如果我是X": in character — unless the answer stepped out since ("…不过我其实是Y")."""
    cue = None
    for cue in g.roleplay.finditer(left):
        pass
    if cue is None or any(e.start() > cue.start() for e in g.frame_end.finditer(left)):
        return False
    return stance == SELF or len(left) - cue.end() <= 3


def _settle_neighbours(low: str, mentions: list[Mention], stances: list[str], passive: list[bool], g: Grammar) -> None:
    """Stances read after a name spread to the name right before it.

    "OpenAI가 개발한 ChatGPT와 달리": a maker phrase modifying a third-party name is third-party too;
    "구글 딥마인드에서 개발했습니다": the first of two adjacent names shares the claim of the second."""
    for i in range(len(mentions) - 2, -1, -1):
        gap = low[mentions[i].end:mentions[i + 1].start]
        if len(gap) > 16 or _PUNCTUATION.search(gap):
            continue
        if passive[i] and stances[i] == SELF and stances[i + 1] in (OTHER, DENIAL):
            stances[i] = stances[i + 1]
        elif passive[i + 1] and stances[i + 1] == SELF and stances[i] == OTHER and g.list_sep.match(gap):
            stances[i] = SELF
