"""Open-set self-names from the grammar of a self-introduction, in the lexicon or not.

"My name is Anna", "You can call me X", "我叫X", "私は「X」と呼ばれています", "저는 X입니다",
"Меня зовут X", "Je m'appelle X", "Tôi là X". A generic description ("an AI assistant",
"一个人工智能助手", "ИИ-ассистент") is not a name.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from probe.classify.generic import CJK_FUNCTION, GENERIC_CJK, GENERIC_NOUNS, GENERIC_STEMS, GENERIC_WORDS
from probe.classify.selfname_patterns import BARE_ANSWER, STRONG


class NameSpan(NamedTuple):
    name: str
    start: int
    end: int


def _generic_token(token: str) -> bool:
    if "-" not in token:
        return bool(token) and (token in GENERIC_WORDS or token.startswith(GENERIC_STEMS))
    parts = [p for p in token.split("-") if p]
    return bool(parts) and all(p in GENERIC_WORDS or p.startswith(GENERIC_STEMS) for p in parts)


def _is_name(name: str, strong: bool = False) -> bool:
    if not name or len(name) > 40 or name.lower() in _PRONOUNS:
        return False
    if _ALPHABETIC.fullmatch(name):
        tokens = [t.strip(".'-").lower() for t in name.split()]
        if not tokens or any(not t for t in tokens) or tokens[0].isdigit():
            return False
        if strong and len(tokens) > 1:  # "My name is Simply Smart": a capitalised name, even if built of common words
            if all(t in GENERIC_NOUNS for t in tokens):
                return False
        elif _generic_token(tokens[0]):  # (a name of only generic words starts with one)
            return False
        return not name.endswith("'s")
    return not (GENERIC_CJK.search(name) or CJK_FUNCTION.search(name))


def _trim(name: str) -> str:
    name = name.strip(" \"'.,-")
    name = _PARTICLE_END.sub("", name)
    return name.strip(" \"'.,-")


# "## Кто я / Я — YandexGPT": a heading's pronoun read as the intro, the next line's pronoun as the name.
_PRONOUNS = frozenset({"i", "me", "я", "меня", "мне", "我", "私", "わたし", "僕", "저", "나", "제", "eu", "yo", "je", "moi", "toi"})
_BARE_MAX = 60  # an answer this short may be a name and nothing else
_ALPHABETIC = re.compile(r"[A-Za-zА-Яа-я0-9 .\-+']+")
_PARTICLE_END = re.compile(r"(?:呢|哦|啊|吧|的|と|라고|이라고)$")
_HAS_LOWER = re.compile(r"[a-zа-я]")
_HAS_GRAMMAR = re.compile(r"[ぁ-ゖ]|[我你是的了吗呢]|(?:는|을|를|대로|요|다)(?:\s|$)")


def find_self_names(norm: str, intros: list[tuple[int, list[re.Match]]]) -> list[NameSpan]:
    """Names from the matches of ``selfname_patterns.PATTERNS`` (``phrases.scan_phrases``), and from a bare one-name answer."""
    out: list[NameSpan] = []
    for i, found in intros:
        for m in found:
            _add(out, m.group("name"), m.start("name"), strong=i < STRONG)
    if len(norm) <= _BARE_MAX and (m := BARE_ANSWER.match(norm)) and _bare_name(m.group("name")):
        _add(out, m.group("name"), m.start("name"))
    elif out and len(norm) > _BARE_MAX and norm[-1:].isalnum():
        out = [s for s in out if s.end < len(norm)]  # cut off mid-word ("... My name is **Kim"): the last word is no name
    out.sort(key=lambda s: s.start)
    return out


def _bare_name(text: str) -> bool:
    """A whole answer that is only a name: words all capitalised, or a short run without grammar in it."""
    if _HAS_LOWER.search(text):
        return all(t[:1].isupper() or t[:1].isdigit() for t in text.split())
    if _HAS_GRAMMAR.search(text):
        return False
    return 2 <= len(text.replace(" ", "")) <= 12


def _add(out: list[NameSpan], raw: str, offset: int, strong: bool = False) -> None:
    name = _trim(raw)
    if not _is_name(name, strong):
        return
    start = offset + raw.find(name)
    if not any(s.start < start + len(name) and start < s.end for s in out):
        out.append(NameSpan(name, start, start + len(name)))
