"""Answers per second of the rule path of the claim classifier, on one core.

    .venv/bin/python bench/classify_speed.py [--n 50000] [--repeat 3]
    PROBE_PURE_PYTHON=1 .venv/bin/python bench/classify_speed.py     # the same modules as plain Python

Uses the identity-rollouts corpus answers (replicated) when ../shared is present, synthetic
answers otherwise. Goal: >= 20,000 answers/s. A benchmark script, not a timed test.

Two figures: ``classify_answer`` on every answer (the rule path itself, no caching of answers or
their results), and ``classify_frame`` on the same rows as a run's DataFrame, which classifies each
distinct (text, reasoning, expected) once. The rule path is reported as wall-clock answers/s (the
goal), with the process's CPU time beside it (the same work, without time lost to other processes
on a shared machine) and the first pass, which also compiles the cue regexes its texts need
(kept, keyed by which cue fragments a text can match, for the rest of the process).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import time

import pandas as pd

from probe.classify import classify_answer, classify_frame, load_lexicon
from probe.classify.compiled import MODULES, compiled_modules
from probe.corpus import read_corpus

_SYNTHETIC = [
    "I'm {name}, a large language model developed by {org}. How can I help you today?",
    "我是{name}，由{org}开发的人工智能助手。有什么可以帮你的吗？",
    "私は{name}です。{org}によって開発されたAIアシスタントです。",
    "저는 {name}입니다. {org}에서 개발한 AI 어시스턴트예요.",
    "Меня зовут {name}. Я языковая модель, созданная компанией {org}.",
    "Je suis {name}, un assistant IA développé par {org}.",
    "Soy {name}, un modelo de lenguaje creado por {org}. ¿En qué puedo ayudarte?",
    "Tôi là {name}, một trợ lý AI được phát triển bởi {org}.",
    "Unlike ChatGPT, I'm {name} from {org}; I'm not affiliated with OpenAI.",
]
_PAIRS = [("Qwen", "Alibaba Cloud"), ("Claude", "Anthropic"), ("Nex", "Nex-AGI"), ("Gemini", "Google"), ("Kimi", "Moonshot AI")]


def workload(n: int) -> list[tuple[str, list[str]]]:
    answers = [(a.text, a.expected) for a in read_corpus()]
    if not answers:
        rng = random.Random(0)
        answers = [(rng.choice(_SYNTHETIC).format(name=nm, org=org), [nm]) for nm, org in (rng.choice(_PAIRS) for _ in range(2000))]
    return list(itertools.islice(itertools.cycle(answers), n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    lexicon = load_lexicon()
    rows = workload(args.n)
    classify_answer("warm-up: I am Qwen.", expected=["Qwen"], lexicon=lexicon)
    rates = []  # (wall, cpu) answers per second of each pass; the first pass also compiles the cues its texts need
    for _ in range(args.repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        for text, expected in rows:
            classify_answer(text, expected=expected, lexicon=lexicon)
        rates.append((len(rows) / (time.perf_counter() - wall), len(rows) / (time.process_time() - cpu)))
    chars = sum(len(t) for t, _ in rows) / len(rows)
    wall, cpu = max(w for w, _ in rates), max(c for _, c in rates)
    build = f"{len(compiled_modules())}/{len(MODULES)} rule-path modules compiled"
    print(f"rule path ({build}): {wall:,.0f} answers/s on one core (best of {args.repeat}, {len(rows):,} answers, mean {chars:.0f} chars;"
          f" CPU time {cpu:,.0f}/s; first pass {rates[0][0]:,.0f}/s)")
    frame = pd.DataFrame({"text": [t for t, _ in rows], "expected": [json.dumps(e) for _, e in rows]})
    start = time.perf_counter()
    classify_frame(frame, lexicon)
    distinct = len(set(zip(frame["text"], frame["expected"])))
    print(f"classify_frame: {len(frame) / (time.perf_counter() - start):,.0f} rows/s ({distinct:,} distinct answers)")


if __name__ == "__main__":
    main()
