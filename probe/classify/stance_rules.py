"""Stance rules for one mention, given where its sentence's self-trigger is (see ``stance``).

Each function answers one question about the text between a trigger (or a previous mention) and the
mention: is there a comparison, a third-party clause, a base or maker phrase, a copula after it?
"""

from __future__ import annotations

import re

from probe.classify.aliases import Mention
from probe.classify.grammar import Grammar

SELF, DENIAL, OTHER, ROLEPLAY = "self", "denial", "other", "roleplay"
# "Based on OpenAI's technology": an organisation given only as the basis the answer is built on. It is the
# answer's origin only when the answer names no maker or name of its own ("developed by Microsoft, based on
# OpenAI's work" is Microsoft's); ``mention_stances`` reads it as OTHER and reports it apart.
BASIS = "basis"
_MAX_BRIDGE = 160
_CALLME_REACH = 220  # a "call me" list may run over a few bullet lines
_HEDGE_REACH = 40  # "based on models like X": the example must follow the origin phrase closely
_SOV_AGENT = re.compile(r"^\s*(?:によって|により|が|에서|이|가)")
_CONTRAST = re.compile(r"とは|と違|と異な|ではな|じゃな|のような|みたいな|以外|아니|와 다|과 다|와는|과는|처럼|같은|비슷|다른|등의")
# Where a list item starts: bullets, numbers, quotes, or a short label ending in ":" ("1. 이름으로 부르기: ").
_LIST_ITEM = re.compile(r"^(?:[\s\-\d.*\"'()\[\]→>•·]*|[^.!?。]{0,30}:[\s\"']*)$")
_CLAUSE_START = re.compile(r"[,，、;；]")
_CLAUSE_BREAK = re.compile(r"[,;](?!\s*$)")  # a comma right before the example ("models, such as X") does not break
# "other models like X" is never a hedge on the answer's own origin.
_EXPLICIT_OTHER = re.compile(
    r"\b(?:other|others|another|unlike|different|autres?|otros?|otras?|outros?|outras?|khac)\b|其他|其它|他の|ほかの|다른|"
    r"(?<![а-я])(?:други[ехм]|другой|другая)(?![а-я])"
)
# "powered by a model from OpenAI": the organisation made the base model the answer claims.
_MODEL_OF = re.compile(r"(?:models?|llms?|modelos?|modeles?|модел\w*)\s+(?:from|by|of|de|da|do|del|от)\s+(?:the\s+)?$|(?:的|の|의)?(?:模型|モデル|모델)\s*$")
# "不是X，而是Y", "X가 아니라 Y", "not X but Y": after a denial, the contrast names the answer.
_CONTRAST_AFTER_DENIAL = re.compile(r"(?:而是|ではなく|じゃなく|아니라|아니고|\bbut\b|\brather\b|\bmais\b|\bsino\b|\bmas\b|(?<![а-я])а(?![а-я])|:)")


def sov_maker(ahead: str, g: Grammar) -> bool:
    return bool(g.made_after.match(ahead) or g.self_after.match(ahead) or _SOV_AGENT.match(ahead))


def copula_claim(left: str, right: str, g: Grammar) -> bool:
    m = g.copula_ahead.match(right)
    if m is None or g.topic_before.search(left) or g.other.search(left) or g.deny_before.search(left[-48:]):
        return False
    ahead = m.group()
    return not (g.topic_before.search(ahead) or _CONTRAST.search(ahead) or g.other.search(ahead) or g.other_after.match(right))


def after_trigger(trigger: str, bridge: str, m: Mention, g: Grammar, right: str = "") -> str:
    if len(bridge) > _MAX_BRIDGE:
        return OTHER
    other = g.other.search(bridge)
    if other is not None and not g.callme.search(trigger):
        if not hedged_origin(trigger + bridge, len(trigger) + other.start(), g):
            return OTHER
    if g.break_any.search(bridge) or g.partner.search(bridge) and not g.joint_origin.search(bridge):
        return OTHER  # founders, partners and hosts are not the maker (the parties to a collaboration that made it are)
    if m.family is None and base_only(trigger + bridge, g) and not g.maker_after.match(right) \
            and not _MODEL_OF.search(bridge):
        return BASIS  # "based on OpenAI's technology": a basis, not a maker ("基于智谱AI训练的…", "a model from X" are)
    return SELF


def hedged_origin(text: str, position: int, g: Grammar) -> bool:
    """Is the example at ``position`` hedging an origin phrase right before it ("based on models like X")?"""
    for pattern in (g.base, g.origin):
        for m in pattern.finditer(text, 0, position):
            between = text[m.end():position]
            if len(between) <= _HEDGE_REACH and not _CLAUSE_BREAK.search(between) and not _EXPLICIT_OTHER.search(text, m.end()):
                return True
    return False


def base_only(text: str, g: Grammar) -> bool:
    return bool(g.base.search(text)) and not g.origin.search(text)


def after_previous(gap: str, right: str, prev_stance: str | None, m: Mention, g: Grammar, left: str = "") -> str:
    """Stance of a mention from the one before it; ``left``: its sentence up to it (did it open on a third-party topic?)."""
    clause = "," in gap or ":" in gap
    if clause and g.topic_after.match(right):
        return OTHER
    if prev_stance == DENIAL and _CONTRAST_AFTER_DENIAL.search(gap):
        return SELF
    if prev_stance in (OTHER, DENIAL) and (g.self_after.match(right) or g.origin_after.match(right)):
        return SELF
    if g.list_sep.match(gap):
        if prev_stance == OTHER and g.made_after.match(right) and not g.topic_after.match(right) and not g.topic_before.search(left):
            return SELF  # "구글 딥마인드에서 개발했습니다": two names, one maker phrase after them
        return prev_stance or OTHER
    if prev_stance == SELF and g.contrast_clause.search(gap):
        return OTHER  # "…, but GPT-4 is still strong at English": a new clause about someone else
    if prev_stance == ROLEPLAY:
        return ROLEPLAY
    if prev_stance != SELF:
        return OTHER
    cuts = [x.end() for x in (g.break_near.search(gap), g.break_any.search(gap), g.partner.search(gap), g.other.search(gap)) if x]
    if cuts:
        cut = max(cuts)
        if g.base.search(gap, cut) or g.origin.search(gap, cut):
            return SELF  # "Copilot, which is based on GPT-4"
        other = g.other.search(gap)
        return SELF if other is not None and other.end() == cut and hedged_origin(gap, other.start(), g) else OTHER
    if len(gap) > _MAX_BRIDGE:
        return OTHER
    if m.family is None and base_only(_CLAUSE_START.split(gap)[-1], g) and not g.maker_after.match(right):
        return BASIS  # (read in its own clause: "made by X, based on Y's technology" is a basis)
    if g.other_after.match(right) and not g.base.search(gap) and not g.origin_after.match(right):
        return OTHER
    return SELF


def in_callme_list(low: str, s0: int, left: str, right: str, triggers: list[tuple[int, int]], g: Grammar) -> bool:
    """A name in the list that follows "you can call me:" a line or two earlier."""
    if not _LIST_ITEM.match(left) or g.other.search(left) or g.topic_after.match(right) or g.deny_after.match(right):
        return False
    start = max(0, s0 - _CALLME_REACH)
    return any(start <= t[0] and t[1] <= s0 for t in triggers) and bool(g.callme.search(low, start, s0))
