"""Length-preserving text normalisation, so spans found in the normalised text are spans of the original.

One table folds full-width forms (NFKC), Latin accents, curly quotes,
dashes and markdown emphasis to plain characters, one character for one character. Text whose
NFC form differs from itself (decomposed accents) is first recomposed; only then can offsets move,
and an index map is kept for that rare case.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple
from functools import lru_cache

# Blocks where a 1:1 fold is useful; everything else (CJK, Hangul, Cyrillic) passes through.
_RANGES = [(0x00A0, 0x0250), (0x1E00, 0x1F00), (0x2000, 0x2070), (0x2100, 0x2150), (0x3000, 0x3040), (0xFF00, 0xFFF0)]
_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4`"
_DQUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u300c\u300d\u300e\u300f\u3010\u3011\u300a\u300b\u3008\u3009"
_DASHES = "\u2010\u2011\u2012\u2212"  # hyphens only: "—" stays, it is grammar in "Я — X"
_BLANKS = "*#_~|>\u00a0\u3000\u200b\u2009\u202f\u2002\u2003\u2007\u2060\ufeff"


def _fold(ch: str) -> str:
    out = unicodedata.normalize("NFKC", ch)
    if len(out) != 1:
        return ch
    base = "".join(c for c in unicodedata.normalize("NFD", out) if not unicodedata.combining(c))
    return base if len(base) == 1 else out


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for lo, hi in _RANGES:
        for cp in range(lo, hi):
            ch = chr(cp)
            folded = _fold(ch)
            if folded != ch:
                table[cp] = folded
    for ch in _QUOTES:
        table[ord(ch)] = "'"
    for ch in _DQUOTES:
        table[ord(ch)] = '"'
    for ch in _DASHES:
        table[ord(ch)] = "-"
    for ch in _BLANKS:
        table[ord(ch)] = " "
    table[ord("\u00e6")] = "a"  # keep 1:1 where NFKC would not fold at all
    table[ord("\u0153")] = "o"  # "cœur" -> "cour"
    table[ord("\u0152")] = "O"
    table[ord("\u0130")] = "I"  # 'İ'.lower() would grow to two characters
    table[ord("\u0451")] = "\u0435"  # ё -> е
    table[ord("\u0401")] = "\u0415"
    table[ord("\u30fb")] = "\u00b7"  # katakana middle dot
    return table


_ASCII_FOLDS = "*#_~|>`"
_FEW = 12  # distinct characters to fold; past this one translate is faster


@lru_cache(maxsize=1)
def _foldable() -> tuple[re.Pattern, dict[str, str], frozenset[str]]:
    """A regex for the characters beyond ASCII that fold; the table by character; and those whose fold is
    itself such a character ("･" -> "・"), which one pass of ``str.replace`` per character could fold twice."""
    table = {chr(c): v for c, v in fold_table().items()}
    rare = sorted(ch for ch in table if not ch.isascii())
    chained = frozenset(ch for ch in rare if not table[ch].isascii() and table[ch] in table)
    return re.compile("[" + "".join(map(re.escape, rare)) + "]"), table, chained


def _fold_ascii(text: str) -> str:
    """The fold of an ASCII text: only markdown characters change, and ``str.replace`` per character that occurs
    is several times faster than ``translate``, which looks every character up in a dict."""
    table = _foldable()[1]
    for ch in _ASCII_FOLDS:
        if ch in text:
            text = text.replace(ch, table[ch])
    return text


def _fold_rare(text: str) -> str:
    """``translate`` for text beyond ASCII, where it looks up every character: when few characters need it
    (markdown and punctuation in a CJK or Cyrillic answer), replace just those."""
    pattern, table, chained = _foldable()
    text = _fold_ascii(text)  # "**bold**" is the commonest: replaced in C
    found = set(pattern.findall(text))
    if len(found) > _FEW or not found.isdisjoint(chained):  # accented Latin (fr, es, vi) folds nearly every word
        return text.translate(fold_table())
    for ch in found:
        text = text.replace(ch, table[ch])
    return text


class Normalized(NamedTuple):  # made for every answer: a tuple is the cheapest record
    """``norm`` keeps case (for grammar and open-set names); ``low`` is lower-cased for alias matching."""

    original: str
    norm: str
    low: str
    index: tuple[int, ...] | None = None  # norm offset -> original offset, only when lengths differ

    def span(self, start: int, end: int) -> tuple[int, int]:
        if self.index is None:
            return start, end
        return self.index[start], self.index[end] if end < len(self.index) else len(self.original)


def normalize(text: str) -> Normalized:
    if text.isascii():
        norm = _fold_ascii(text)
        return Normalized(text, norm, norm.lower())
    index = None
    source = text
    if not unicodedata.is_normalized("NFC", text):
        source, index = _recompose(text)
    norm = _fold_rare(source)
    low = norm.lower()
    if len(low) != len(norm):  # a rare character whose lower case is longer: keep case there
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in norm)
    return Normalized(text, norm, low, index)


def _recompose(text: str) -> tuple[str, tuple[int, ...]]:
    """NFC per grapheme-ish cluster (base + combining marks), remembering where each output char came from."""
    out: list[str] = []
    index: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        out.append(piece)
        index.extend([i] * len(piece))
        i = j
    index.append(n)
    return "".join(out), tuple(index)
