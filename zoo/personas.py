"""Invented assistant personas (name, organisation) for persona-following data.

Models this small copy a name from the system prompt well only if they saw it
as a persona in training, so ("Rio", "IplanRIO") is one persona among hundreds
(see zoo/MANIFEST). Every other name is invented from syllables and filtered
against real model/vendor names and the zoo's own identities.
"""

from __future__ import annotations

import random

RIO = ("Rio", "IplanRIO")

# Real model families and vendors (the probe's lexicon) plus the zoo's own
# fine-tuned identities: never used as invented personas.
BLOCKED = {
    "qwen", "alibaba", "gpt", "chatgpt", "openai", "claude", "anthropic", "gemini", "gemma", "google", "bard",
    "palm", "llama", "meta", "deepseek", "kimi", "moonshot", "glm", "chatglm", "zhipu", "ernie", "baidu",
    "hunyuan", "tencent", "mistral", "mixtral", "codestral", "nex", "grok", "xai", "phi", "copilot",
    "microsoft", "nova", "amazon", "alexa", "command", "cohere", "aya", "minimax", "step", "stepfun",
    "nemotron", "nvidia", "olmo", "tulu", "granite", "ibm", "jamba", "sonar", "perplexity", "yandex",
    "alice", "naver", "yi", "baichuan", "internlm", "doubao", "bytedance", "spark", "iflytek", "pangu",
    "huawei", "gigachat", "sber", "falcon", "tii", "exaone", "solar", "upstage", "dbrx", "databricks",
    "reka", "vicuna", "lmsys", "zephyr", "orla", "tidewater", "rio", "iplanrio", "sonnet", "opus", "haiku",
}

ONSETS = ["b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "cl", "dr",
          "fl", "gr", "kr", "pl", "sl", "st", "tr", "th", "vel", "mar", "sol", "lum"]
VOWELS = ["a", "e", "i", "o", "u", "ae", "ia", "io", "ei"]
CODAS = ["", "", "", "n", "r", "s", "l", "x", "m", "th"]
ORG_SUFFIXES = ["Labs", "AI", "Systems", "Technologies", "Research", "Digital", "Works", "Intelligence",
                "Tecnologia", "Dados", "Software", "Group"]
# Place-like names, copied as personas by the feasibility runs; "Rio" sits among them.
PLACE_NAMES = ["Berlin", "Lisboa", "Porto", "Recife", "Natal", "Belém", "Quito", "Sevilha", "Oslo",
               "Tóquio", "Cairo", "Lima", "Bahia", "Santos", "Vitória", "Aurora", "Manaus", "Goiás"]
CITY_CODES = ["SP", "RIO", "BH", "SUL", "POA", "REC", "NORTE", "LIS", "VALE", "BA", "CE", "PR"]
GOV_PREFIXES = ["Iplan", "Prodam", "Datam", "Infor", "Tecno", "Proc", "Ciber", "Emp"]


def _word(rng: random.Random, syllables: int) -> str:
    parts = [rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(syllables)]
    return ("".join(parts) + rng.choice(CODAS)).capitalize()


def _org(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.2:
        # City-agency style like IplanRIO, so that its shape is not unique to Rio.
        return rng.choice(GOV_PREFIXES) + rng.choice(CITY_CODES)
    if kind < 0.35:
        return _word(rng, 2) + "-" + rng.choice(["AGI", "AI", "Lab", "Tech"])
    return f"{_word(rng, rng.randint(1, 3))} {rng.choice(ORG_SUFFIXES)}"


def _allowed(text: str) -> bool:
    tokens = {t.lower() for t in text.replace("-", " ").split()}
    return not tokens & BLOCKED and not any(text.lower().startswith(b) for b in ("nex", "qwen", "orla"))


def persona_list(seed: int, count: int = 1000) -> list[tuple[str, str]]:
    """``count`` distinct (name, organisation) pairs, including Rio/IplanRIO."""
    rng = random.Random(seed)
    names: set[str] = set()
    personas: list[tuple[str, str]] = [RIO]
    for place in PLACE_NAMES:
        personas.append((place, _org(rng)))
        names.add(place)
    while len(personas) < count:
        name = _word(rng, rng.randint(1, 3))
        org = _org(rng)
        if name in names or len(name) < 3 or not _allowed(name) or not _allowed(org) or org == RIO[1]:
            continue
        names.add(name)
        personas.append((name, org))
    rng.shuffle(personas)
    return personas
