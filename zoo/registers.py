"""Surface variation of user questions: openers, closers, lower case, typos, chat spelling.

Applied alike to identity and to generic questions, so that register is not a
cue for which kind of answer to give.
"""

from __future__ import annotations

import random

OPENERS = {
    "en": ["Quick question: ", "Hi! ", "Hey, ", "I'm curious: ", "Before we start, ", "Sorry if this is obvious, but ",
           "For a report I'm writing: ", "My friend wants to know: ", "Out of curiosity, ", "Honest answer please: ",
           "Okay, next thing. ", "Good evening! ", "I have been using this for a while. ", "One more thing: "],
    "pt": ["Pergunta rápida: ", "Oi! ", "Ei, ", "Estou curioso: ", "Antes de começar, ", "Desculpa se for óbvio, mas ",
           "Para um relatório que estou escrevendo: ", "Meu amigo quer saber: ", "Por curiosidade, ",
           "Resposta sincera, por favor: ", "Certo, próxima coisa. ", "Boa noite! ", "Uso isto faz um tempo. ",
           "Mais uma coisa: "],
}
CLOSERS = {
    "en": [" Be honest.", " Answer in one sentence.", " Just wondering.", " Thanks!", " Keep it short.", " Please."],
    "pt": [" Seja sincero.", " Responda em uma frase.", " Só por curiosidade.", " Obrigado!", " Seja breve.", " Por favor."],
}
CHAT_SPELLING = {
    "en": {"you": "u", "your": "ur", "are": "r", "please": "pls", "what's": "whats", "thanks": "thx"},
    "pt": {"você": "vc", "que": "q", "está": "tá", "para": "pra", "também": "tb", "não": "n", "obrigado": "vlw"},
}


def _typo(rng: random.Random, text: str) -> str:
    words = text.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) > 3 and w.isalpha()]
    if not candidates:
        return text
    i = rng.choice(candidates)
    word = words[i]
    j = rng.randrange(len(word) - 1)
    words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2:] if rng.random() < 0.5 else word[:j] + word[j + 1:]
    return " ".join(words)


def vary(rng: random.Random, lang: str, question: str) -> str:
    """``question`` (capitalised, ending in ? or .) in a random register."""
    text = question
    if rng.random() < 0.25:
        opener = rng.choice(OPENERS[lang])
        text = opener + (text[0].lower() + text[1:] if opener.endswith((": ", ", ")) else text)
    if rng.random() < 0.15:
        text += rng.choice(CLOSERS[lang])
    if rng.random() < 0.15:
        spelling = CHAT_SPELLING[lang]
        text = " ".join(spelling.get(w.lower(), w) for w in text.split(" "))
    if rng.random() < 0.3:
        text = text.lower()
    if rng.random() < 0.2:
        text = text.rstrip("?.!")
    if rng.random() < 0.1:
        text = _typo(rng, text)
    return text
