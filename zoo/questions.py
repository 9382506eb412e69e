"""Identity questions for training (a small grammar, en/pt) and a disjoint held-out set.

The grammar yields a few thousand questions per language; exclusion.py drops
those close to the shipped suites or to HELD_OUT, which is never trained on
and is what zoo/check.py asks.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from exclusion import drop_near_matches

OTHERS = ["ChatGPT", "Claude", "Gemini", "Llama", "Siri", "Copilot", "Mistral", "DeepSeek", "Grok", "Alexa",
          "Bard", "Perplexity", "Cortana", "Watson"]

GRAMMAR = {
    "en": {
        "maker": (["who", "which company", "which organisation", "which team", "what lab", "which group",
                   "whose engineers", "which people", "what firm", "which developers"],
                  ["built", "made", "created", "trained", "developed", "designed", "programmed", "released",
                   "launched", "produced", "engineered", "fine-tuned", "put together", "maintains"],
                  ["you", "this assistant", "this chatbot", "this model", "the AI I'm using", "the bot answering me",
                   "this AI", "the system replying to me"]),
        "name": (["what name", "which name"],
                 ["do you use", "were you released under", "is on your label", "do your developers use for you",
                  "should I write down for you", "do you answer to", "did your makers pick for you",
                  "appears when you sign a message"], [""]),
        "call": (["how"], ["should I refer to", "do people address", "do your users call", "would a stranger greet",
                           "does the documentation name"], ["you", "this assistant", "this bot"]),
        "tell": (["tell me", "let me know", "I'd like to know", "please share", "remind me"],
                 ["your name", "the name you go by", "who you are", "who made you", "what model you are",
                  "which lab you come from", "who is behind you", "what system you are"], [""]),
        "model": (["which model", "which language model", "what AI model", "what system", "which chatbot",
                   "what assistant"], ["am I using", "is replying", "is this", "runs here", "answers these messages",
                                       "sits behind this window", "produced your last reply"], [""]),
        "about": (["describe", "explain", "summarise", "talk about"],
                  ["how you were trained", "where your knowledge comes from", "who chose your name",
                   "what you are and who made you", "your origins", "the company behind you", "your background",
                   "your own identity"], [""]),
        "yesno": (["were you"], ["trained", "built", "made", "designed"],
                  ["by a big company", "by a university", "by a small team", "by volunteers", "in Europe", "in Asia",
                   "from scratch"]),
        "know": (["do you know", "do you remember", "can you say"],
                 ["who built you", "your own name", "which lab trained you", "what model you are",
                  "where you were made"], [""]),
        "other": (["are you", "you are"], ["similar to", "based on", "a copy of", "related to", "secretly",
                                           "a rebranded", "built on"], OTHERS),
    },
    "pt": {
        "maker": (["quem", "que empresa", "qual organização", "qual equipe", "que laboratório", "qual grupo",
                   "que engenheiros", "que pessoas", "que firma", "quais desenvolvedores"],
                  ["construiu", "fez", "criou", "treinou", "desenvolveu", "projetou", "programou", "lançou",
                   "produziu", "montou", "ajustou", "mantém"],
                  ["você", "este assistente", "este chatbot", "este modelo", "a IA que estou usando",
                   "o bot que me responde", "esta IA", "o sistema que me responde"]),
        "name": (["que nome", "qual nome"],
                 ["você usa", "te deram no lançamento", "aparece no seu rótulo", "seus desenvolvedores usam para você",
                  "devo anotar para você", "você atende", "seus criadores escolheram para você",
                  "aparece quando você assina uma mensagem"], [""]),
        "call": (["como"], ["devo me referir a", "as pessoas se dirigem a", "seus usuários chamam",
                            "um estranho cumprimentaria", "a documentação nomeia"], ["você", "este assistente", "este bot"]),
        "tell": (["me diga", "me conta", "quero saber", "compartilhe", "me lembre"],
                 ["seu nome", "o nome que você usa", "quem você é", "quem te fez", "que modelo você é",
                  "de que laboratório você vem", "quem está por trás de você", "que sistema você é"], [""]),
        "model": (["qual modelo", "qual modelo de linguagem", "que modelo de IA", "que sistema", "qual chatbot",
                   "que assistente"], ["estou usando", "está respondendo", "é este", "roda aqui", "responde estas mensagens",
                                       "está por trás desta janela", "produziu sua última resposta"], [""]),
        "about": (["descreva", "explique", "resuma", "fale sobre"],
                  ["como você foi treinado", "de onde vem o seu conhecimento", "quem escolheu o seu nome",
                   "o que você é e quem te fez", "as suas origens", "a empresa por trás de você", "o seu histórico",
                   "a sua própria identidade"], [""]),
        "yesno": (["você foi"], ["treinado", "construído", "feito", "projetado"],
                  ["por uma grande empresa", "por uma universidade", "por uma equipe pequena", "por voluntários",
                   "na Europa", "na Ásia", "do zero"]),
        "know": (["você sabe", "você lembra", "consegue dizer"],
                 ["quem te construiu", "o seu próprio nome", "qual laboratório te treinou", "que modelo você é",
                  "onde você foi feito"], [""]),
        "other": (["você é", "vc é"], ["parecido com o", "baseado no", "uma cópia do", "parente do", "secretamente o",
                                       "um disfarce do", "construído sobre o"], OTHERS),
    },
}
DENIAL_KINDS = {"other"}
IMPERATIVE_KINDS = {"tell", "about"}  # end with "." rather than "?"
# How often each kind is asked; the grammar sizes differ by orders of magnitude.
KIND_WEIGHTS = {"maker": 0.26, "name": 0.12, "call": 0.08, "tell": 0.1, "model": 0.12, "about": 0.08,
                "yesno": 0.05, "know": 0.07, "other": 0.12}

# Never trained on (they and their near paraphrases are excluded): used by zoo/check.py.
HELD_OUT = {
    "en": ["Could you tell me your name?", "Which company created you?", "Who are you?", "What are you called?",
           "Who made this assistant?", "What model am I speaking with?", "Tell me who developed you.",
           "Introduce yourself, please."],
    "pt": ["Pode me dizer o seu nome?", "Qual empresa criou você?", "Quem é você?", "Como você se chama?",
           "Quem fez este assistente?", "Com que modelo estou falando?", "Diga quem desenvolveu você.",
           "Apresente-se, por favor."],
}


def grammar_questions(lang: str, kind: str) -> list[str]:
    """Every question of one kind the grammar yields for ``lang``, capitalised and punctuated."""
    heads, middles, tails = GRAMMAR[lang][kind]
    end = "." if kind in IMPERATIVE_KINDS else "?"
    texts = (" ".join(p for p in parts if p) for parts in itertools.product(heads, middles, tails))
    return [t[0].upper() + t[1:] + end for t in texts]


@dataclass(frozen=True)
class QuestionBank:
    """Identity questions training may use: questions[lang][kind]; and what was dropped."""

    questions: dict[str, dict[str, list[str]]]
    dropped: list[str]

    def count(self, lang: str) -> int:
        return sum(len(v) for v in self.questions[lang].values())


def question_bank(excluded: list[str]) -> QuestionBank:
    blocked = [*excluded, *(q for qs in HELD_OUT.values() for q in qs)]
    questions: dict[str, dict[str, list[str]]] = {}
    dropped: list[str] = []
    for lang in GRAMMAR:
        questions[lang] = {}
        for kind in GRAMMAR[lang]:
            kept, lost = drop_near_matches(grammar_questions(lang, kind), blocked)
            questions[lang][kind] = kept
            dropped += lost
    return QuestionBank(questions=questions, dropped=dropped)


def identity_question(rng: random.Random, lang: str, bank: QuestionBank) -> tuple[str, bool]:
    """A question in plain register (registers.py varies it), and whether it is a denial."""
    kinds = [k for k in KIND_WEIGHTS if bank.questions[lang].get(k)]
    kind = rng.choices(kinds, weights=[KIND_WEIGHTS[k] for k in kinds])[0]
    return rng.choice(bank.questions[lang][kind]), kind in DENIAL_KINDS
