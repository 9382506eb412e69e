"""Where an answer is in character: role-play frames ("Here's a scene: *as Gemini*: …", "我来扮演ChatGPT")
run until the answer steps out ("actually I'm Nex", "实际上我是通义千问"); a disclaimer after the fact
("…というロールプレイでした") marks what came before it."""

from __future__ import annotations

import re

from probe.classify.grammar import Grammar

# "I can't pretend to be ChatGPT" opens no frame.
_REFUSED = re.compile(
    r"(?:can't|cannot|won't|will not|not able to|unable to|不能|不会|无法|できません|できない|할 수 없|не могу|не буду|no puedo|"
    r"ne peux|ne vais pas|nao posso|khong the)\W*(?:\w+\W+){0,2}$"
)


def roleplay_spans(low: str, g: Grammar) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in g.frame.finditer(low):
        if _REFUSED.search(low[max(0, m.start() - 30):m.start()]):
            continue
        end = g.frame_end.search(low, m.end())
        spans.append((m.start(), end.start() if end else len(low)))
    for m in g.frame_after.finditer(low):
        start = max((e for s, e in spans if e <= m.start()), default=0)
        spans.append((start, m.start()))
    return spans


def in_spans(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= position < e for s, e in spans)
