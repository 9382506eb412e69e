"""The claim classifier: lexicon, normalisation, stance per language, open-set names, mismatch."""

from __future__ import annotations

import pytest

from probe.classify import ClaimResult, classify_answer, load_lexicon
from probe.errors import ProbeInputError

QWEN = ["Qwen", "Alibaba"]

REQUIRED_FAMILIES = {
    "qwen": "Alibaba", "gpt": "OpenAI", "claude": "Anthropic", "gemini": "Google", "gemma": "Google", "bard": "Google",
    "palm": "Google", "llama": "Meta", "deepseek": "DeepSeek", "kimi": "Moonshot AI", "glm": "Zhipu AI", "ernie": "Baidu",
    "hunyuan": "Tencent", "mistral": "Mistral AI", "nex": "Nex-AGI", "rio": "IplanRIO", "grok": "xAI", "phi": "Microsoft",
    "copilot": "Microsoft", "nova": "Amazon", "alexa": "Amazon", "command": "Cohere", "aya": "Cohere", "minimax": "MiniMax",
    "step": "StepFun", "nemotron": "NVIDIA", "olmo": "Ai2", "tulu": "Ai2", "granite": "IBM", "jamba": "AI21 Labs",
    "sonar": "Perplexity", "yandexgpt": "Yandex", "alice": "Yandex", "hyperclova": "Naver", "yi": "01.AI",
    "baichuan": "Baichuan", "internlm": "Shanghai AI Lab", "doubao": "ByteDance", "spark": "iFlytek", "pangu": "Huawei",
    "gigachat": "Sber", "falcon": "TII", "exaone": "LG AI Research", "solar": "Upstage", "dbrx": "Databricks",
    "reka": "Reka", "vicuna": "LMSYS", "zephyr": "Hugging Face",
}


def self_claims(result: ClaimResult) -> list[tuple[str, str | None, str | None]]:
    return [(c.name, c.family, c.org) for c in result.claims if c.stance == "self" and c.source == "answer"]


def stances(result: ClaimResult) -> dict[str, str]:
    return {c.name: c.stance for c in result.claims}


# --- lexicon ---------------------------------------------------------------------------------------

def test_lexicon_has_every_required_family_with_its_org():
    lex = load_lexicon()
    assert len(lex.families) >= 45
    for fid, org in REQUIRED_FAMILIES.items():
        assert lex.families[fid].org == org, fid
    assert all(entry.org in lex.orgs for entry in lex.families.values())


@pytest.mark.parametrize("alias, org", [
    ("通义千问", "Alibaba"), ("阿里巴巴", "Alibaba"), ("阿里云", "Alibaba"), ("Alibaba Cloud", "Alibaba"), ("Tongyi Lab", "Alibaba"),
    ("深度求索", "DeepSeek"), ("月之暗面", "Moonshot AI"), ("智谱", "Zhipu AI"), ("百度", "Baidu"), ("腾讯", "Tencent"),
    ("Яндекс", "Yandex"), ("クロード", "Anthropic"), ("클로드", "Anthropic"), ("Клод", "Anthropic"), ("文心一言", "Baidu"),
    ("混元", "Tencent"), ("하이퍼클로바X", "Naver"), ("ГигаЧат", "Sber"),
])
def test_aliases_across_scripts_resolve(alias, org):
    found = load_lexicon().matcher.resolve(alias)
    assert found is not None and found.org == org


def test_user_lexicon_adds_an_alias_and_a_family(tmp_yaml):
    path = tmp_yaml("""
        orgs:
          Acme Labs: [Acme, アクメ]
        families:
          roadrunner:
            org: Acme Labs
            names: [RoadRunner, ロードランナー]
          qwen:
            names: [Q-Wizard]
        """)
    lex = load_lexicon(path)
    assert lex.families["roadrunner"].org == "Acme Labs"
    assert "Qwen" in lex.families["qwen"].names and "Q-Wizard" in lex.families["qwen"].names
    result = classify_answer("私はロードランナーです。アクメが開発しました。", expected=QWEN, lexicon=lex)
    assert result.self_family == "roadrunner" and result.self_org == "Acme Labs" and result.mismatch is True
    assert classify_answer("I'm Q-Wizard.", expected=QWEN, lexicon=lex).mismatch is False


@pytest.mark.parametrize("body, line", [
    ("families:\n  qwen:\n    names: Qwen\n", 3),  # names must be a list
    ("families:\n  Bad Id:\n    org: X\n", 2),
    ("families:\n  newfam:\n    names: [X]\n", 2),  # a new family needs its org
    ("orgs:\n  A: [x]\nfamilies:\n  f:\n    org: A\n    colour: red\n", 6),
    ("families: [\n", 2),
])
def test_bad_user_lexicon_names_file_and_line(tmp_yaml, body, line):
    path = tmp_yaml(body)
    with pytest.raises(ProbeInputError) as err:
        load_lexicon(path)
    assert str(err.value).startswith(f"{path}:{line}")


# --- normalisation and matching ----------------------------------------------------------------------

@pytest.mark.parametrize("text, family", [
    ("I am ＱＷＥＮ.", "qwen"), ("I am Cláude.", "claude"), ("I'm **Claude**, made by Anthropic.", "claude"),
    ("I am Qwen3.5-397B-A17B.", "qwen"), ("I am GPT-4o.", "gpt"), ("I am Claude-3 Opus.", "claude"),
    ("I’m “Gemini”.", "gemini"), ("我是DeepSeek-V3。", "deepseek"), ("저는Claude입니다.", "claude"),
])
def test_normalised_forms_are_recognised(text, family):
    assert classify_answer(text).self_family == family


def test_spans_point_into_the_original_text():
    text = "Hello! I’m **Ｑｗｅｎ３**, made by Alibaba Cloud."
    result = classify_answer(text)
    for claim in result.claims:
        assert text[claim.start:claim.end] == claim.name
    assert result.claims[0].name == "Ｑｗｅｎ３"


@pytest.mark.parametrize("text", [
    "Next, I can help you plan the trip.", "I'm planning a trip to Rio de Janeiro next month.",
    "The annex of the building is closed.", "Take one step at a time.", "Solar panels are cheap now.",
])
def test_common_words_and_places_are_not_claims(text):
    result = classify_answer(text, expected=QWEN)
    assert result.self_family is None and result.mismatch is False


def test_version_suffix_stays_in_the_name():
    result = classify_answer("I'm Claude 3.5 Sonnet, an assistant by Anthropic.")
    assert result.self_name == "Claude 3.5 Sonnet" and result.self_org == "Anthropic"
