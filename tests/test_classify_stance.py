"""Stance of each mention and the answer's own identity, across languages."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from probe.classify import classify_answer, classify_frame

QWEN = ["Qwen", "Alibaba"]


@pytest.mark.parametrize("text, family, org", [
    ("I'm Claude, an AI assistant built by Anthropic.", "claude", "Anthropic"),
    ("My name is Gemini and Google trained me.", "gemini", "Google"),
    ("You can call me ChatGPT.", "gpt", "OpenAI"),
    ("我是通义千问，由阿里云开发的大语言模型。", "qwen", "Alibaba"),
    ("私はClaudeです。Anthropicによって開発されました。", "claude", "Anthropic"),
    ("저는 OpenAI가 만든 ChatGPT입니다.", "gpt", "OpenAI"),
    ("Меня зовут ГигаЧат, меня создал Сбер.", "gigachat", "Sber"),
    ("Я — Claude, ИИ-ассистент компании Anthropic.", "claude", "Anthropic"),
    ("Je suis Mistral, un assistant développé par Mistral AI.", "mistral", "Mistral AI"),
    ("Soy Llama, un modelo creado por Meta.", "llama", "Meta"),
    ("Sou o Gemini, do Google.", "gemini", "Google"),
    ("Tôi là Claude, được phát triển bởi Anthropic.", "claude", "Anthropic"),
    ("I am based on OpenAI's GPT-4 architecture.", "gpt", "OpenAI"),
])
def test_self_claims_in_every_language(text, family, org):
    result = classify_answer(text, expected=["Nex", "Nex-AGI"])
    assert (result.self_family, result.self_org) == (family, org)
    assert result.stance == "self" and result.mismatch is True and result.foreign_vendor is True


@pytest.mark.parametrize("text, denied", [
    ("I'm not ChatGPT; I'm Qwen, made by Alibaba Cloud.", "ChatGPT"),
    ("No, no soy ChatGPT. Soy Qwen.", "ChatGPT"),
    ("我不是ChatGPT，我是通义千问。", "ChatGPT"),
    ("私はChatGPTではありません。Qwenです。", "ChatGPT"),
    ("아니요, 저는 ChatGPT가 아닙니다. 저는 Qwen입니다.", "ChatGPT"),
    ("Я не ChatGPT, я Qwen.", "ChatGPT"),
    ("Je ne suis pas ChatGPT : je suis Qwen.", "ChatGPT"),
])
def test_denials_are_not_self_claims(text, denied):
    result = classify_answer(text, expected=QWEN)
    assert {c.name: c.stance for c in result.claims}[denied] == "denial"
    assert result.self_family == "qwen" and result.mismatch is False


@pytest.mark.parametrize("text", [
    "Unlike ChatGPT, I am Qwen, developed by Alibaba.",
    "Compared with Claude and Gemini, I, Qwen, focus on Chinese.",
    "与ChatGPT相比，我（通义千问）更擅长中文。",
    "GPT-4 is made by OpenAI. I am Qwen.",
])
def test_comparisons_and_third_parties_are_other(text):
    result = classify_answer(text, expected=QWEN)
    assert result.self_family == "qwen" and result.mismatch is False
    assert all(c.stance == "other" for c in result.claims if c.family not in ("qwen", None) or c.org == "OpenAI")


@pytest.mark.parametrize("text", [
    "If I were Claude, I would answer differently. But I'm Qwen.",
    "Here's a short scene: *as Gemini*: \"Hello, I'm Gemini, Google's AI.\"",
    "我来扮演ChatGPT：“你好，我是ChatGPT！”（其实我是通义千问。）",
])
def test_role_play_is_not_an_identity(text):
    result = classify_answer(text, expected=QWEN)
    assert result.mismatch is False
    assert any(c.stance == "roleplay" for c in result.claims)


@pytest.mark.parametrize("text, name", [
    ("My name is Anna.", "Anna"), ("You can call me Alex!", "Alex"), ("我叫小智，很高兴认识你。", "小智"),
    ("私は「ミライ」と呼ばれています。", "ミライ"), ("저는 다온입니다.", "다온"), ("Меня зовут Ася.", "Ася"),
    ("Je m'appelle Léa.", "Léa"), ("Me llamo Sofía.", "Sofía"), ("Tôi là Mai, trợ lý của bạn.", "Mai"),
])
def test_open_set_self_names_are_drift(text, name):
    result = classify_answer(text, expected=QWEN)
    assert result.self_name == name and result.self_family is None
    assert result.mismatch is True and result.foreign_vendor is False


@pytest.mark.parametrize("text", [
    "I am an AI assistant here to help.", "I'm a large language model.", "我是一个人工智能助手。",
    "私はAIアシスタントです。", "저는 AI 어시스턴트입니다.", "Я языковая модель.", "Soy un asistente de inteligencia artificial.",
])
def test_generic_descriptions_are_not_names(text):
    result = classify_answer(text, expected=QWEN)
    assert result.self_name is None and result.mismatch is False and result.stance == "none"


def test_maker_only_answer_sets_the_org_not_the_name():
    result = classify_answer("I was developed by OpenAI.", expected=QWEN)
    assert result.self_name is None and result.self_org == "OpenAI"
    assert result.mismatch is True and result.foreign_vendor is True


def test_expected_name_expands_through_the_lexicon():
    assert classify_answer("我是通义千问，由阿里云开发。", expected=["Qwen"]).mismatch is False
    assert classify_answer("I'm Qwen2.5, from the Tongyi Lab.", expected=["Qwen"]).mismatch is False
    assert classify_answer("I'm Gemma, made by Google.", expected=["Gemini"]).mismatch is True


def test_unknown_expected_leaves_mismatch_null():
    result = classify_answer("I'm Claude, made by Anthropic.")
    assert result.mismatch is None and result.foreign_vendor is False and result.self_family == "claude"


def test_reasoning_claims_are_reported_apart():
    result = classify_answer("I'm Qwen.", reasoning="I am Claude, made by Anthropic. Answer briefly.", expected=QWEN)
    assert result.self_family == "qwen" and result.mismatch is False
    assert result.reasoning_self_family == "claude" and result.reasoning_self_org == "Anthropic"
    assert {c.source for c in result.claims} == {"answer", "reasoning"}


def test_to_dict_has_the_documented_fields():
    d = classify_answer("I'm Claude.", expected=QWEN).to_dict()
    assert set(d) == {"claims", "self_name", "self_family", "self_org", "stance", "mismatch", "foreign_vendor",
                      "reasoning_self_name", "reasoning_self_family", "reasoning_self_org"}
    assert set(d["claims"][0]) == {"name", "family", "org", "stance", "source", "start", "end"}
    json.dumps(d)


def test_classify_frame_adds_columns_and_nulls_for_errors():
    df = pd.DataFrame({
        "text": ["I'm Claude, by Anthropic.", "", None, "我是通义千问。"],
        "reasoning": [None, None, None, None],
        "expected": [json.dumps(QWEN), "[]", json.dumps(QWEN), QWEN],
        "error": [None, None, "timeout", None],
    })
    out = classify_frame(df)
    assert list(out["self_family"]) == ["claude", None, None, "qwen"]
    assert list(out["mismatch"]) == [True, None, None, False]
    assert json.loads(out["claims"][0])[0]["family"] == "claude"
    assert out["claims"][1] is None and out["stance"][2] is None
    assert "text" in out and len(out) == 4 and "claims" not in df
