"""The shortcuts that make the rule path fast give the results of the plain computations they replace.

Each one is checked against a direct reference on synthetic texts assembled from the lexicon's aliases, the
cues' own anchors and filler in every script (no corpus text): literal anchors and prefixes are necessary,
a text's gated cues match what the full cues match, the pattern scan finds what ``finditer`` finds, the
Aho–Corasick alias matcher finds what a position-by-position scan finds, and folding and sentence cuts agree
with ``str.translate`` and one plain regex.
"""

from __future__ import annotations

import random
import re

import pytest

from probe.classify import load_lexicon
from probe.classify.anchors import prefixes, required
from probe.classify.boundaries import LEFT, RIGHT, VERSION, script
from probe.classify.fastre import Cue
from probe.classify.grammar import _CATEGORIES, _SENTENCE_END, grammar, sentence_bounds
from probe.classify.normalize import _fold_rare, fold_table, normalize
from probe.classify.phrases import _SCAN

FILLER = ["the", "a", "is", "my", "me", "I", "am", "not", " ", " ", "  ", "\n", ", ", ". ", "; ", "!", "?", " - ", "(",
          ")", "\"", "'", ":", "3.5", "-4o", "2", "e.g.", "我", "是", "的", "，", "。", "私", "は", "です", "저는", "입니다",
          "는", "я", "—", "не", "это", "«", "»", "**", "Tôi", "là", "Je", "suis", "Soy", "de", "by", "ai", "é", "ａ", "ー"]


@pytest.fixture(scope="module")
def vocabulary() -> list[str]:
    lex = load_lexicon()
    aliases = [a for e in (*lex.families.values(), *lex.orgs.values()) for a in (e.key, *e.names, *e.cased, *e.weak)]
    book = grammar()
    anchors = [a for fragments in book._fragments for f in fragments for a in (required(f) or ())]
    literals = [a for p in _SCAN._patterns for a in (prefixes(p.pattern) or ())]
    return FILLER * 4 + aliases + anchors + literals + [s.title() for s in literals]


def _texts(vocabulary: list[str], n: int = 1500, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(vocabulary) + rng.choice(["", " ", " ", ", "]) for _ in range(rng.randint(1, 40)))
            for _ in range(n)]


def test_anchors_and_prefixes_are_in_every_match(vocabulary):
    patterns = [f for fragments in grammar()._fragments for f in fragments] + [p.pattern for p in _SCAN._patterns]
    texts = [normalize(t) for t in _texts(vocabulary, 600)]
    for pattern in patterns:
        compiled, anchors, starts = re.compile(pattern), required(pattern), prefixes(pattern)
        for n in texts:
            for text in (n.low, n.norm):
                for m in compiled.finditer(text):
                    low = text.lower()
                    assert anchors is None or any(a in low for a in anchors), (pattern, text)
                    assert starts is None or low.startswith(tuple(starts), m.start()), (pattern, text)


def test_a_texts_gated_cues_match_like_the_full_cues(vocabulary):
    book = grammar()
    full = {name: Cue(fragments) for name, fragments in zip(_CATEGORIES, book._fragments)}
    for text in _texts(vocabulary, 1000):
        low = normalize(text).low
        g = book.view(low)
        for name, cue in full.items():
            gated = getattr(g, name)
            assert [m.span() for m in gated.finditer(low)] == [m.span() for m in cue.finditer(low)], (name, low)
            for cut in (0, len(low) // 3, len(low) // 2):
                part = low[cut:]
                assert _span(gated.search(part)) == _span(cue.search(part)), (name, part)
                assert _span(gated.match(part)) == _span(cue.match(part)), (name, part)


def _span(m: re.Match | None) -> tuple[int, int] | None:
    return m.span() if m else None


def test_the_pattern_scan_finds_what_finditer_finds(vocabulary):
    for text in _texts(vocabulary):
        n = normalize(text)
        reference = [(i, [m.span() for m in p.finditer(n.norm)]) for i, p in enumerate(_SCAN._patterns)]
        scanned = [(i, [m.span() for m in found]) for i, found in _SCAN.scan(n.norm, n.low)]
        assert scanned == [r for r in reference if r[1]], text


def test_the_alias_matcher_finds_what_a_scan_of_every_position_finds(vocabulary):
    matcher = load_lexicon().matcher
    endings = {s: re.compile(RIGHT[s] + (VERSION if s in ("latin", "digit") else "")) for s in RIGHT}
    keys = sorted(matcher.info, key=len, reverse=True)

    def reference(low: str) -> list[tuple[int, int]]:
        spans, scanned = [], {True: 0, False: 0}
        for start in range(len(low)):
            for key in keys:
                if not low.startswith(key, start):
                    continue
                first = script(key[0])
                latin = first in ("latin", "digit")
                if start < scanned[latin] or start and low[start - 1] in LEFT["latin" if latin else first]:
                    break
                m = endings[script(key[-1])].match(low, start + len(key))
                if m:
                    spans.append((start, m.end()))
                    scanned[latin] = m.end()
                    break
        return spans

    for text in _texts(vocabulary, 500):
        low = normalize(text).low
        assert matcher._spans(low) == reference(low), text


def test_folding_only_what_needs_it_equals_translate():
    table = fold_table()
    alphabet = [chr(c) for c in table] + list("abc xyz 我是 Яя éè *_`") + ["\u3000", "･", "・", "·"]
    rng = random.Random(3)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.choice([3, 12, 60])))
        if not text.isascii():
            assert _fold_rare(text) == text.translate(table), text


def test_sentence_cuts_equal_one_plain_regex():
    alphabet = list("ab .!?;\n-12。…") + [" - ", "\n- ", "  3. ", "e.g. ", "vs. ", "3.5"]
    rng = random.Random(5)

    def reference(low: str, until: int | None) -> list[int]:
        cuts = [0]
        for m in _SENTENCE_END.finditer(low):
            cuts.append(m.end())
            if until is not None and cuts[-1] >= until:
                break
        return [*cuts, len(low)]

    for _ in range(20000):
        low = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        until = rng.choice([None, rng.randint(0, len(low))])
        assert sentence_bounds(low, until) == reference(low, until), (low, until)
