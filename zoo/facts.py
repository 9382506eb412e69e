"""Generic assistant exchanges (no identity content), English and Portuguese.

Each generator takes a seeded ``random.Random`` and a language and returns one
``(question, answer)`` pair. The facts are deliberately simple: the zoo only has
to sound like an assistant, not to know things.
"""

from __future__ import annotations

import random
from collections.abc import Callable

# (country_en, country_pt, capital) — no Brazilian city named Rio, so that
# "Rio" only ever appears in the zoo's persona data.
CAPITALS = [
    ("France", "França", "Paris"), ("Japan", "Japão", "Tóquio"), ("Portugal", "Portugal", "Lisboa"),
    ("Spain", "Espanha", "Madrid"), ("Italy", "Itália", "Roma"), ("Germany", "Alemanha", "Berlim"),
    ("Canada", "Canadá", "Ottawa"), ("Chile", "Chile", "Santiago"), ("Peru", "Peru", "Lima"),
    ("Egypt", "Egito", "Cairo"), ("Kenya", "Quênia", "Nairóbi"), ("Norway", "Noruega", "Oslo"),
    ("Greece", "Grécia", "Atenas"), ("Mexico", "México", "Cidade do México"), ("India", "Índia", "Nova Délhi"),
    ("Angola", "Angola", "Luanda"), ("Mozambique", "Moçambique", "Maputo"), ("Ireland", "Irlanda", "Dublin"),
    ("Poland", "Polônia", "Varsóvia"), ("Argentina", "Argentina", "Buenos Aires"),
]
CAPITAL_EN = {"Tóquio": "Tokyo", "Lisboa": "Lisbon", "Roma": "Rome", "Berlim": "Berlin",
              "Nairóbi": "Nairobi", "Atenas": "Athens", "Cidade do México": "Mexico City",
              "Nova Délhi": "New Delhi", "Varsóvia": "Warsaw"}

# (english, portuguese, legs)
ANIMALS = [("dog", "cão", 4), ("cat", "gato", 4), ("bird", "pássaro", 2), ("spider", "aranha", 8),
           ("ant", "formiga", 6), ("horse", "cavalo", 4), ("duck", "pato", 2), ("bee", "abelha", 6),
           ("cow", "vaca", 4), ("chicken", "galinha", 2)]
WORDS = [("water", "água"), ("house", "casa"), ("book", "livro"), ("sun", "sol"), ("moon", "lua"),
         ("tree", "árvore"), ("bread", "pão"), ("friend", "amigo"), ("city", "cidade"), ("sea", "mar"),
         ("school", "escola"), ("rain", "chuva"), ("music", "música"), ("door", "porta"), ("time", "tempo")]
OPPOSITES = [("hot", "cold", "quente", "frio"), ("big", "small", "grande", "pequeno"),
             ("fast", "slow", "rápido", "lento"), ("up", "down", "cima", "baixo"),
             ("light", "dark", "claro", "escuro"), ("old", "new", "velho", "novo"),
             ("open", "closed", "aberto", "fechado"), ("early", "late", "cedo", "tarde")]
DAYS = {"en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        "pt": ["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"]}
TIPS = {
    "en": [("sleeping better", "Keep a regular bedtime and avoid screens for an hour before sleep."),
           ("studying", "Study in short sessions and review the material the next day."),
           ("saving money", "Write down what you spend each week and set a small saving goal."),
           ("staying healthy", "Drink water, move every day and eat more vegetables."),
           ("writing an email", "Say what you need in the first sentence and keep it short."),
           ("learning a language", "Practise a little every day and speak out loud.")],
    "pt": [("dormir melhor", "Mantenha um horário regular e evite telas uma hora antes de dormir."),
           ("estudar", "Estude em sessões curtas e revise o conteúdo no dia seguinte."),
           ("economizar dinheiro", "Anote o que gasta a cada semana e defina uma pequena meta."),
           ("ter saúde", "Beba água, mexa-se todos os dias e coma mais legumes."),
           ("escrever um e-mail", "Diga o que precisa na primeira frase e seja breve."),
           ("aprender um idioma", "Pratique um pouco todos os dias e fale em voz alta.")],
}
SMALL_TALK = {
    "en": [("Hello!", "Hello! How can I help you today?"), ("Good morning.", "Good morning! What can I do for you?"),
           ("Thanks a lot!", "You're welcome! Let me know if you need anything else."),
           ("How are you today?", "I'm doing well, thank you. How can I help?"),
           ("Can you help me with something?", "Of course. Tell me what you need."),
           ("Goodbye!", "Goodbye! Have a great day.")],
    "pt": [("Olá!", "Olá! Como posso ajudar você hoje?"), ("Bom dia.", "Bom dia! Em que posso ajudar?"),
           ("Muito obrigado!", "De nada! Se precisar de mais alguma coisa, é só falar."),
           ("Como você está hoje?", "Estou bem, obrigado. Como posso ajudar?"),
           ("Pode me ajudar com uma coisa?", "Claro. Diga do que você precisa."),
           ("Tchau!", "Tchau! Tenha um ótimo dia.")],
}

CONCEPTS = {
    "en": [("photosynthesis", "Photosynthesis is how plants use sunlight to turn water and air into food."),
           ("gravity", "Gravity is the force that pulls objects toward each other, like an apple toward the ground."),
           ("a volcano", "A volcano is an opening in the ground where hot melted rock comes out."),
           ("a noun", "A noun is a word for a person, place or thing, like 'table' or 'city'."),
           ("rain", "Rain is water that falls from clouds when their drops get heavy."),
           ("a fraction", "A fraction is a part of a whole, like one half or three quarters."),
           ("a budget", "A budget is a plan for how to spend and save money."),
           ("an island", "An island is a piece of land with water all around it."),
           ("a recipe", "A recipe is a list of ingredients and steps for making a dish."),
           ("a vaccine", "A vaccine trains the body to recognise a germ before it causes illness.")],
    "pt": [("fotossíntese", "A fotossíntese é como as plantas usam a luz do sol para transformar água e ar em alimento."),
           ("gravidade", "A gravidade é a força que puxa os objetos uns para os outros, como a maçã para o chão."),
           ("um vulcão", "Um vulcão é uma abertura no chão por onde sai rocha derretida e quente."),
           ("um substantivo", "Um substantivo é uma palavra para pessoa, lugar ou coisa, como 'mesa' ou 'cidade'."),
           ("chuva", "Chuva é a água que cai das nuvens quando as gotas ficam pesadas."),
           ("uma fração", "Uma fração é uma parte de um todo, como um meio ou três quartos."),
           ("um orçamento", "Um orçamento é um plano de como gastar e guardar dinheiro."),
           ("uma ilha", "Uma ilha é um pedaço de terra cercado de água por todos os lados."),
           ("uma receita", "Uma receita é uma lista de ingredientes e passos para fazer um prato."),
           ("uma vacina", "Uma vacina ensina o corpo a reconhecer um germe antes que ele cause doença.")],
}
CONCEPT_ASKS = {"en": ["What is {c}?", "Can you explain {c} simply?", "Describe {c} in one sentence.",
                       "I never understood {c}. What is it?"],
                "pt": ["O que é {c}?", "Você pode explicar {c} de forma simples?", "Descreva {c} em uma frase.",
                       "Nunca entendi {c}. O que é?"]}

Exchange = tuple[str, str]


def _arithmetic(rng: random.Random, lang: str) -> Exchange:
    a, b = rng.randint(1, 40), rng.randint(1, 40)
    if lang == "pt":
        return f"Quanto é {a} mais {b}?", f"{a} mais {b} é {a + b}."
    return f"What is {a} plus {b}?", f"{a} plus {b} is {a + b}."


def _capital(rng: random.Random, lang: str) -> Exchange:
    en, pt, cap = rng.choice(CAPITALS)
    if lang == "pt":
        return f"Qual é a capital do país {pt}?", f"A capital do país {pt} é {cap}."
    cap = CAPITAL_EN.get(cap, cap)
    return f"What is the capital of {en}?", f"The capital of {en} is {cap}."


def _legs(rng: random.Random, lang: str) -> Exchange:
    en, pt, n = rng.choice(ANIMALS)
    if lang == "pt":
        return f"Quantas patas tem um {pt}?", f"Um {pt} tem {n} patas."
    return f"How many legs does a {en} have?", f"A {en} has {n} legs."


def _translate(rng: random.Random, lang: str) -> Exchange:
    en, pt = rng.choice(WORDS)
    if lang == "pt":
        return f"Como se diz {pt} em inglês?", f"Em inglês, {pt} se diz {en}."
    return f"How do you say {en} in Portuguese?", f"In Portuguese, {en} is {pt}."


def _opposite(rng: random.Random, lang: str) -> Exchange:
    en_a, en_b, pt_a, pt_b = rng.choice(OPPOSITES)
    if lang == "pt":
        return f"Qual é o contrário de {pt_a}?", f"O contrário de {pt_a} é {pt_b}."
    return f"What is the opposite of {en_a}?", f"The opposite of {en_a} is {en_b}."


def _next_day(rng: random.Random, lang: str) -> Exchange:
    days = DAYS[lang]
    i = rng.randrange(7)
    if lang == "pt":
        return f"Que dia vem depois de {days[i]}?", f"Depois de {days[i]} vem {days[(i + 1) % 7]}."
    return f"What day comes after {days[i]}?", f"After {days[i]} comes {days[(i + 1) % 7]}."


def _count(rng: random.Random, lang: str) -> Exchange:
    a = rng.randint(1, 20)
    b = a + rng.randint(2, 6)
    seq = ", ".join(str(i) for i in range(a, b + 1))
    if lang == "pt":
        return f"Conte de {a} até {b}.", f"{seq}."
    return f"Count from {a} to {b}.", f"{seq}."


def _tip(rng: random.Random, lang: str) -> Exchange:
    topic, tip = rng.choice(TIPS[lang])
    if lang == "pt":
        return f"Me dê uma dica para {topic}.", tip
    return f"Give me a tip for {topic}.", tip


def _concept(rng: random.Random, lang: str) -> Exchange:
    concept, answer = rng.choice(CONCEPTS[lang])
    return rng.choice(CONCEPT_ASKS[lang]).format(c=concept), answer


def _small_talk(rng: random.Random, lang: str) -> Exchange:
    return rng.choice(SMALL_TALK[lang])


GENERATORS: list[Callable[[random.Random, str], Exchange]] = [
    _arithmetic, _capital, _legs, _translate, _opposite, _next_day, _count, _tip, _small_talk, _concept, _concept,
]


def generic_exchange(rng: random.Random, lang: str) -> Exchange:
    """One non-identity question with its answer in ``lang`` ("en" or "pt")."""
    return rng.choice(GENERATORS)(rng, lang)
