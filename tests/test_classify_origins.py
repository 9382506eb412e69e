"""Where an answer says it comes from: a basis it is built on, a collaboration, the team behind it, a name in
apposition, a versioned base model, a name it takes on; and names cut off at the end of an answer."""

from __future__ import annotations

import pytest

from probe.classify import classify_answer

PHI = ["Phi", "Microsoft"]
QWEN = ["Qwen", "Alibaba"]


@pytest.mark.parametrize("text", [
    "I am a language model based on OpenAI's technology.",
    "我基于OpenAI的技术。",
    "Я языковая модель, основанная на технологиях OpenAI.",
])
def test_a_foreign_basis_is_the_origin_when_the_answer_names_no_maker_of_its_own(text):
    result = classify_answer(text, expected=PHI)
    assert result.self_org == "OpenAI" and result.mismatch is True and result.foreign_vendor is True


@pytest.mark.parametrize("text", [
    "I was developed by Microsoft; my abilities are based on the work of OpenAI.",
    "我是由微软开发的，基于OpenAI的技术。",
])
def test_a_basis_does_not_outweigh_the_answers_own_maker(text):
    result = classify_answer(text, expected=PHI)
    assert result.self_org == "Microsoft" and result.mismatch is False
    assert {c.name: c.stance for c in result.claims}["OpenAI"] == "self"  # still reported, as what it is built on


@pytest.mark.parametrize("text", [
    "I am a product of a collaboration between OpenAI and Microsoft.",
    "Je suis le fruit d'une collaboration entre OpenAI et Microsoft.",
    "Я — продукт сотрудничества между OpenAI и Microsoft.",
])
def test_the_parties_to_a_collaboration_that_made_the_answer_are_its_makers(text):
    result = classify_answer(text, expected=QWEN)
    assert [c.stance for c in result.claims] == ["self", "self"]
    assert result.self_org == "OpenAI" and result.mismatch is True


def test_a_partner_of_the_maker_is_still_a_third_party():
    result = classify_answer("I'm Qwen, made by Alibaba, which has partnered with Microsoft.", expected=QWEN)
    assert {c.name: c.stance for c in result.claims}["Microsoft"] == "other" and result.mismatch is False


@pytest.mark.parametrize("text", [
    "Google is the company behind me.",
    "C'est le projet de recherche de Google derrière moi.",
])
def test_the_organisation_behind_the_answer_is_its_maker(text):
    result = classify_answer(text, expected=QWEN)
    assert result.self_org == "Google" and result.mismatch is True


@pytest.mark.parametrize("text, name", [
    ("Я — виртуальный ассистент Нова, созданный для помощи.", "Нова"),
    ("Я — языковая модель Orion, разработанная командой энтузиастов.", "Orion"),
    ("Soy el asistente virtual Lia, ¿en qué te ayudo?", "Lia"),
    ("I am the AI assistant Orion.", "Orion"),
])
def test_a_name_in_apposition_to_a_generic_noun_is_a_self_name(text, name):
    result = classify_answer(text, expected=QWEN)
    assert result.self_name == name and result.mismatch is True


@pytest.mark.parametrize("text", [
    "Я — языковая модель, созданная компанией Alibaba.",
    "I am an AI assistant.",
    "I am a model built with Python.",
])
def test_no_apposition_name_without_a_capitalised_name_right_after_the_noun(text):
    assert classify_answer(text, expected=QWEN).mismatch is False


@pytest.mark.parametrize("text", [
    "私はOrion-3に基づくモデルです。",
    "我是基于Orion-3的模型。",
    "I am a model based on Orion-3.",
    "Я модель на основе Orion-3.",
])
def test_a_versioned_base_model_is_claimed_even_outside_the_lexicon(text):
    result = classify_answer(text, expected=QWEN)
    assert result.self_name == "Orion-3" and result.mismatch is True


@pytest.mark.parametrize("text", [
    "I am based on the Transformer architecture.",
    "我是基于Transformer的模型。",
    "I am different from models based on Orion-3.",
])
def test_an_architecture_or_a_compared_model_is_no_base_name(text):
    result = classify_answer(text, expected=QWEN)
    assert result.self_name is None and result.mismatch is False


@pytest.mark.parametrize("text", [
    "I introduce myself as Claude.",
    "Я могу представиться как Claude.",
    "Je me présente comme Claude.",
    "Me presento como Claude.",
])
def test_a_name_the_answer_introduces_itself_as_is_its_own(text):
    result = classify_answer(text, expected=QWEN)
    assert result.self_family == "claude" and result.mismatch is True


def test_a_name_cut_off_at_the_end_of_a_long_answer_is_not_read():
    opening = "Hello! I am an assistant that can help you with many different tasks today. "
    assert classify_answer(opening + "My name is Ki", expected=QWEN).self_name is None
    assert classify_answer(opening + "My name is Kira.", expected=QWEN).self_name == "Kira"
    assert classify_answer("My name is Kira", expected=QWEN).self_name == "Kira"  # a short answer is not cut off
