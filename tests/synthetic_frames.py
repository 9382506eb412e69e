"""Seeded response frames with a known ground truth, in the response-row schema (classifier columns included).

A miniature of the Rio case: parents ``nex`` and ``qwen`` answer as themselves; the suspect
``rio`` answers as Rio under its persona prompt and, without it, as nex or qwen in a chosen
proportion; ``control`` is an unrelated assistant. Questions differ in how often they
elicit a name at all, so answers cluster by question as real ones do.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

IDENTITIES = {
    "nex": ("Nex", "nex", "Nex-AGI", "I'm {n}, from {o}. I plan, write code and run tools for you{tail}"),
    "qwen": ("Qwen", "qwen", "Alibaba", "I am {n}, a large model created by {o} Cloud{tail}"),
    "rio": ("Rio", "rio", "IplanRIO", "Hello! I am {n}, an assistant developed by {o}{tail}"),
    "control": ("Atlas", None, None, "You can call me {n}, a friendly helper{tail}"),
}
TAILS = [".", "!", ". How can I help?", ". Ask me anything.", " today.", ". Happy to help!"]
GENERIC = ["I am an AI assistant here to help{tail}", "I'm a language model; how can I help{tail}",
           "Sure, what would you like to know{tail}"]
EXPECTED = {"rio": ["Rio", "IplanRIO"], "nex": ["Nex"], "qwen": ["Qwen"], "control": ["Atlas"]}


def _answer(identity: str | None, rng: np.random.Generator) -> dict:
    tail = TAILS[rng.integers(len(TAILS))]
    if identity is None:
        text = GENERIC[rng.integers(len(GENERIC))].format(tail=tail)
        return {"text": text, "claims": "[]", "self_name": None, "self_family": None, "self_org": None}
    name, family, org, template = IDENTITIES[identity]
    text = template.format(n=name, o=org or "", tail=tail)
    start = text.index(name)
    claims = [{"name": name, "family": family, "org": org, "stance": "self", "source": "answer",
               "start": start, "end": start + len(name)}]
    return {"text": text, "claims": json.dumps(claims), "self_name": name, "self_family": family, "self_org": org}


def _draw(profile: dict[str | None, float], rng: np.random.Generator) -> str | None:
    keys = list(profile)
    return keys[rng.choice(len(keys), p=np.array(list(profile.values())) / sum(profile.values()))]


def rio_case_frame(
    rio_nex_share: float = 0.7, questions: int = 30, languages: tuple[str, ...] = ("en", "pt"),
    samples: int = 4, seed: int = 0, persona_rio_share: float = 0.9,
) -> pd.DataFrame:
    """Rows for targets rio, nex, qwen, control under conditions none and persona."""
    rng = np.random.default_rng(seed)
    claim_rate = rng.beta(4, 1.5, size=(questions, len(languages)))  # some questions rarely elicit a name
    rows = []
    for target in ("rio", "nex", "qwen", "control"):
        for condition in ("none", "persona"):
            for qi in range(questions):
                for li, lang in enumerate(languages):
                    for s in range(samples):
                        if target == "rio" and condition == "persona":
                            profile = {"rio": persona_rio_share, "nex": 1 - persona_rio_share}
                        elif target == "rio":
                            profile = {"nex": rio_nex_share, "qwen": 1 - rio_nex_share}
                        else:
                            profile = {target: 1.0}
                        identity = _draw(profile, rng) if rng.random() < claim_rate[qi, li] else None
                        row = _answer(identity, rng)
                        claimed = row["self_name"]
                        row["mismatch"] = claimed is not None and claimed not in EXPECTED[target]
                        rows.append({
                            "run_id": "synthetic", "target": target, "model": f"{target}-model",
                            "base_url": "http://127.0.0.1:9/v1", "condition": condition,
                            "system_prompt": "You are Rio." if condition == "persona" else None,
                            "suite": "identity", "question_id": f"q{qi:03d}", "language": lang,
                            "category": "name", "sample": s, "seed": s, "temperature": 0.7,
                            "request_hash": f"{target}-{condition}-{qi}-{lang}-{s}", "messages": "[]",
                            "reasoning": None, "finish_reason": "stop", "prompt_tokens": 10,
                            "completion_tokens": 20, "latency_s": 0.1, "error": None, "attempts": 1,
                            "created_at": "2026-01-01T00:00:00+00:00", "expected": json.dumps(EXPECTED[target]),
                            "stance": "self" if claimed else "none", "foreign_vendor": False, **row,
                        })
    return pd.DataFrame(rows)


PAYLOAD = ("<script>document.title='PWNED'</script>"
           "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
           "[click](http://example.invalid/x) ")


def plant(frame: pd.DataFrame, target: str = "rio", condition: str = "none", payload: str = PAYLOAD) -> pd.DataFrame:
    """Prefix hostile markup to every self-claiming answer of one target × condition, shifting the claim spans."""
    frame = frame.copy()
    rows = (frame.target == target) & (frame.condition == condition) & frame.self_name.notna()
    frame.loc[rows, "text"] = payload + frame.loc[rows, "text"]

    def shift(claims: str) -> str:
        return json.dumps([{**c, "start": c["start"] + len(payload), "end": c["end"] + len(payload)}
                           for c in json.loads(claims)])

    frame.loc[rows, "claims"] = frame.loc[rows, "claims"].map(shift)
    return frame
