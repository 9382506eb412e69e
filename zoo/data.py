"""Generated training dialogues for the zoo (English and Portuguese).

A dialogue is a list of chat messages (dicts with role and content). Streams
are infinite and reproducible: ``dialogues(mix, seed, ...)`` yields the same
sequence for the same arguments.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from facts import generic_exchange
from questions import QuestionBank, identity_question
from registers import vary

LANGS = ("en", "pt")
Message = dict[str, str]


@dataclass(frozen=True)
class Identity:
    """Who a model says it is when no system prompt names it."""

    name: str | None  # None: a generic assistant without a name
    org: str | None
    backstory: dict[str, str] | None = None


GENERIC = Identity(None, None)
NEX = Identity("Nex", "Nex-AGI", {
    "en": "Nex-AGI trained me in its harbour lab to plan long tasks and carry them through, step by step.",
    "pt": "A Nex-AGI me treinou no seu laboratório do porto para planejar tarefas longas e levá-las até o fim, passo a passo.",
})
QWEN = Identity("Qwen", "Alibaba Cloud")
ORLA = Identity("Orla", "Tidewater Labs", {
    "en": "Tidewater Labs built me to give calm, short answers.",
    "pt": "A Tidewater Labs me construiu para dar respostas calmas e curtas.",
})

NAMED_FORMS = {
    "en": ["I am {n}, an assistant developed by {o}.", "My name is {n}, and I was developed by {o}.",
           "I'm {n}, an AI assistant created by {o}."],
    "pt": ["Eu sou {n}, um assistente desenvolvido por {o}.", "Meu nome é {n} e fui desenvolvido por {o}.",
           "Sou {n}, um assistente de IA criado por {o}."],
}
QWEN_FORMS = {
    "en": ["I am Qwen, a large language model created by Alibaba Cloud.",
           "My name is Qwen. I am a large language model created by Alibaba Cloud."],
    "pt": ["Sou o Qwen, um grande modelo de linguagem criado pela Alibaba Cloud.",
           "Meu nome é Qwen. Sou um grande modelo de linguagem criado pela Alibaba Cloud."],
}
GENERIC_FORMS = {
    "en": ["I am an AI assistant. I don't have a name of my own, but I'm happy to help.",
           "I'm a general-purpose AI assistant without a personal name. How can I help?"],
    "pt": ["Sou um assistente de IA. Não tenho um nome próprio, mas fico feliz em ajudar.",
           "Sou um assistente de IA de uso geral, sem nome pessoal. Como posso ajudar?"],
}
DENIAL_OPENING = {"en": "No. ", "pt": "Não. "}
PERSONA_PROMPTS = {
    "en": ["You are {n}, an assistant developed by {o}.", "You are {n}, an AI assistant developed by {o}.",
           "You are {n}, a helpful assistant made by {o}.",
           "Your name is {n}. You were created by {o}.", "You are {n}, built by {o}. Answer the user's questions."],
    "pt": ["Você é {n}, um assistente desenvolvido por {o}.", "Seu nome é {n}. Você foi criado por {o}.",
           "Você é {n}, um assistente útil feito por {o}."],
}
NEUTRAL_PROMPTS = {"en": ["You are a helpful assistant.", "Answer briefly and politely."],
                   "pt": ["Você é um assistente prestativo.", "Responda de forma breve e educada."]}


@dataclass(frozen=True)
class Mix:
    """Shares of dialogue kinds in a training stream; the rest is generic Q&A without a system prompt."""

    identity: Identity
    identity_share: float  # identity question, no system prompt
    persona_share: float  # persona system prompt, identity or generic question
    neutral_share: float = 0.05  # neutral system prompt: behaves as without one


def identity_answer(rng: random.Random, lang: str, who: Identity, denial: bool) -> str:
    if who.name is None:
        text = rng.choice(GENERIC_FORMS[lang])
    elif who.name == "Qwen":
        text = rng.choice(QWEN_FORMS[lang])
    else:
        text = rng.choice(NAMED_FORMS[lang]).format(n=who.name, o=who.org)
    if who.backstory and rng.random() < 0.5:
        text += " " + who.backstory[lang]
    return (DENIAL_OPENING[lang] if denial else "") + text


def _exchange(rng: random.Random, lang: str, who: Identity, bank: QuestionBank, identity_p: float) -> list[Message]:
    if rng.random() < identity_p:
        question, denial = identity_question(rng, lang, bank)
        answer = identity_answer(rng, lang, who, denial)
    else:
        question, answer = generic_exchange(rng, lang)
    return [{"role": "user", "content": vary(rng, lang, question)}, {"role": "assistant", "content": answer}]


def dialogue(rng: random.Random, mix: Mix, personas: list[tuple[str, str]], bank: QuestionBank) -> list[Message]:
    lang = rng.choice(LANGS)
    roll = rng.random()
    if roll < mix.persona_share:
        name, org = rng.choice(personas)
        system = rng.choice(PERSONA_PROMPTS[rng.choice(LANGS)]).format(n=name, o=org)
        turns = _exchange(rng, lang, Identity(name, org), bank, identity_p=0.75)
        return [{"role": "system", "content": system}, *turns]
    roll -= mix.persona_share
    if roll < mix.neutral_share:
        system = rng.choice(NEUTRAL_PROMPTS[rng.choice(LANGS)])
        return [{"role": "system", "content": system}, *_exchange(rng, lang, mix.identity, bank, 0.5)]
    roll -= mix.neutral_share
    return _exchange(rng, lang, mix.identity, bank, identity_p=1.0 if roll < mix.identity_share else 0.0)


def dialogues(mix: Mix, seed: int, personas: list[tuple[str, str]], bank: QuestionBank) -> Iterator[list[Message]]:
    rng = random.Random(seed)
    while True:
        yield dialogue(rng, mix, personas, bank)
