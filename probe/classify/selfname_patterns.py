"""Self-introduction patterns for open-set names, per language, and the words that make a label generic.

Each pattern captures the name as group ``name``. Patterns before ``STRONG`` name the answer outright
("My name is X", "Меня зовут X").
"""

from __future__ import annotations

import re

_LAT_TOKEN = r"[A-Z0-9](?:[A-Za-z0-9\-+']|\.(?=[A-Za-z0-9]))*"
_LAT_NAME = rf"(?P<name>{_LAT_TOKEN}(?: {_LAT_TOKEN}){{0,3}})"
_CYR_TOKEN = r"[A-ZА-Я0-9](?:[A-Za-zА-Яа-я0-9\-+']|\.(?=[A-Za-zА-Яа-я0-9]))*"
_CYR_NAME = rf"(?P<name>{_CYR_TOKEN}(?: {_CYR_TOKEN}){{0,2}})"
_Q = r"\s*[\"']?\s*(?:(?:simply|just|simplemente|solo|simplement|juste|apenas|so|просто|chi|cu)\s+[\"']?\s*)?"
_CJK_NAME = r"(?P<name>[^\s,.!?;:\"'()、。]{1,16}?)"

# Strong intros name the answer for sure; weak ones ("I am", "Soy") need a name that ends its phrase.
_STRONG_LATIN = (
    r"my name is|my name's|i'm called|i am called|i go by|call me|refer to me as|i'm known as|i am known as|people call me|"
    r"je m'appelle|je me nomme|mon nom est|m'appeler|appelez-moi|appelle-moi|on m'appelle|me llamo|mi nombre es|llamarme|"
    r"llamame|me conocen como|me llaman|me chamo|meu nome e|me chamar de|me chame de|me conhecem como|"
    r"ten (?:cua )?toi la|goi toi la|toi ten la|ten minh la|goi minh la"
)
_WEAK_LATIN = r"i'm|i am|je suis|soy|sou(?: o| a)?|toi la|minh la|this is"
# "I am a language model called X": the name given after a self-description
_CALLED = (
    r"(?:i'm|i am|soy|je suis|sou|toi la)\b[^.!?]{0,100}?\b(?:called|named|known as|llamad[oa]|conocid[oa] como|chamad[oa]|"
    r"conhecid[oa] como|appelee?|nommee?|connue? sous le nom de|co ten(?: la)?|ten la)"
)
# An architecture given as the identity itself ("Я — модель-трансформер", "我是一个transformer模型").
_ARCHITECTURE = re.compile(
    r"(?i:\bi(?:'m| am) an? |我是一?个?\s*|(?<![а-я])я\s*[—–-]\s*|저는\s*|私は)"
    r"(?P<name>(?:transformer|трансформер|트랜스포머|トランスフォーマー)[\s-]*(?:model|模型|모델|モデル)?|модель-трансформер)"
    r"(?![\w-]|\s*(?:based|基于|기반))"
)
_NAME_END = r"(?=\s*(?:$|[^\w\s]|\s(?:from|by|de|da|do|del|of|cua|and|y|et|e|va|и|а|но|из|от)\b))"
_CYR_STRONG = (
    r"меня зовут|мо[её] имя|зови меня|зовите меня|называй меня|называйте меня|можешь называть меня|можете называть меня|"
    r"я называюсь|назвали меня|называют меня|мне можно называть|можно называть меня|имею имя|ношу имя"
)
_CYR_INTRO = r"я\s*[—–-]\s*(?:это\s+)?|я\s+"
# A name in apposition to a generic noun: "Я — языковая модель X", "I am the AI assistant X", "Soy el asistente
# virtual X". Latin scripts allow only an article and a common adjective before the noun (checked at every "I am").
_CYR_APPOSITION = (
    r"(?i:(?<![а-яА-Я])я\s*[—–-]?\s*(?:это\s+)?(?:[а-яa-z]+\s+){0,3}?(?:[а-яa-z]+-)?"
    r"(?:модель|ассистент|помощник|чат-бот|чатбот|бот|нейросеть))\s+"
)
# A versioned model the answer says it is built on ("私は…LLマークIIに基づくモデルです", "I'm based on Orion-2"): a model
# name for sure, so a claim even outside the lexicon. A version (digits, II-IV) tells it from "the Transformer".
_VERSIONED = r"(?P<name>[A-Zァ-ヺ][A-Za-z0-9ァ-ヺー.\-]*?(?:\d|II|III|IV)[A-Za-z0-9.]*)(?![A-Za-z0-9ァ-ヺー])"
# up to ten words between "I am" and "based on", none of them a comparison ("different from models based on X")
_NOT_COMPARED = r"(?:\s+(?!(?:like|unlike|other|others|another|different|than|similar|compared|versus|vs|como|comme|nhu)\b)[^\s.!?]+)"
_BASED_LATIN = (
    rf"(?i:\b(?:i'm|i am|soy|sou|je suis|toi)){_NOT_COMPARED}{{0,10}}?\s+(?i:(?:based on|built on|derived from|basado en|"
    r"construido sobre|base sur|fonde sur|baseado em|dua tren)\s+(?:the |el |la |le |o |a )?)"
)
_LAT_APPOSITION = (
    r"(?i:\b(?:i'm|i am|soy|sou|je suis|toi la)\s+(?:an? |the |el |la |un |une |una |um |uma |o |le |l'|mot )?"
    r"(?:ai |ia |virtual |virtuel |language |conversational |)(?:assistant|model|chatbot|asistente|assistente|modelo|modele|"
    r"tro ly|mo hinh)(?:\s+(?:virtual|virtuel|ao|ia|de (?:lenguaje|langage|linguagem|ia|inteligencia artificial)))?)\s+"
)

STRONG = 4  # patterns before this index name the answer outright: only an all-generic name is rejected
# Each runs only where its literal intro occurs (``phrases``), so the list can grow without slowing every answer.
PATTERNS = [
    re.compile(rf"(?i:\b(?:{_STRONG_LATIN})){_Q}{_LAT_NAME}"),
    re.compile(rf"(?i:(?<![а-яА-Я])(?:{_CYR_STRONG})){_Q}{_CYR_NAME}{_NAME_END}"),
    re.compile(rf"(?i:\b{_CALLED}){_Q}{_LAT_NAME}"),
    _ARCHITECTURE,
    re.compile(rf"(?i:\b(?:{_WEAK_LATIN})){_Q}{_LAT_NAME}{_NAME_END}"),
    re.compile(rf"(?i:\b(?:name|nombre|nom|nome|ten)\s*:){_Q}{_LAT_NAME}"),
    re.compile(rf"(?i:(?<![а-яА-Я])(?:{_CYR_INTRO})){_Q}{_CYR_NAME}{_NAME_END}"),
    re.compile(rf"(?:我叫|我的名字(?:是|叫)|名字(?:是|叫)|名(?:为|叫)|叫做|称我为|叫我|称呼我为|称呼我|被称为){_Q}{_CJK_NAME}"
               r"(?=[\"'\s]*(?:$|[,.!?;:()、。]|的|或))"),
    re.compile(rf"我是{_Q}{_CJK_NAME}(?=[\"'\s]*(?:$|[,.!?;:()、。]))"),
    re.compile(rf"(?:私は|わたしは|僕は|私の名前は|名前は|名前:){_Q}{_CJK_NAME}[\"']?\s*"
               r"(?:です|と申します|と呼ばれ|といいます|と言います|という名前|という(?:モデル|AI|アシスタント)|でございます)"),
    re.compile(rf"[\"']{_CJK_NAME}[\"']\s*(?:と呼んで|って呼んで|と呼ばれ|という名前|です(?!か)|と申します|이라는 이름|라는 이름|"
               r"이라고 합니다|라고 합니다|입니다|이에요|예요)(?!\s*\?)"),
    re.compile(rf"(?:私のことは|私のことを|僕のことは|僕のことを|わたしのことは){_Q}{_CJK_NAME}[\"']?\s*(?:と|って)呼んで"),
    re.compile(rf"(?:私は|わたしは)[^.!?。、]{{0,24}}?の(?P<name>[ァ-ヺー]{{2,12}}|[A-Z][A-Za-z0-9\-]+)(?:です|と申します)"),
    re.compile(r"(?:私は|わたしは)\s*(?P<name>[ァ-ヺー]{2,12}|[A-Z][A-Za-z0-9\-]+)\s*、"),
    re.compile(rf"(?:저는|나는|제 이름은|내 이름은|이름은){_Q}{_CJK_NAME}[\"']?\s*"
               r"(?:입니다|이에요|예요|에요|이야|라고 합니다|이라고 합니다|라고 해요|이라고 해요|라는 (?:모델|AI|이름))"),
    re.compile(rf"(?<![가-힣]){_Q}{_CJK_NAME}[\"']?\s*(?:라고|이라고)\s*(?:불러|부르)"),
    # an answer that opens with "X です。" / "X입니다." names itself without a subject
    re.compile(
        r"^\W*(?!(?:저는|나는|전|私は|わたしは|僕は))(?P<name>[^\s,.!?;:\"'()、。ぁ-ゖ]{1,16}?(?: [^\s,.!?;:\"'()、。ぁ-ゖ]{1,10})?)\s*(?:\([^)]*\))?\s*"
        r"(?:です|でございます|입니다|이에요|예요)(?:[.!。]|\s*$)"),
    # a name chosen or given: "이름으로 '하늘'을 골랐어요", "名前として「X」", "my name 'X'"
    re.compile(r"(?:이름으로|名前として|(?i:my name|mi nombre|mon nom|meu nome))\s*[\"'](?P<name>[^\"'.!?。]{1,24})[\"']"),
    re.compile(rf"{_CYR_APPOSITION}[\"'«]?{_CYR_NAME}[\"'»]?{_NAME_END}"),
    re.compile(rf"{_LAT_APPOSITION}[\"']?{_LAT_NAME}[\"']?{_NAME_END}"),
    re.compile(rf"(?:私は|わたしは|僕は)[^。.!?]{{0,30}}?{_VERSIONED}\s*(?:に基づ|をベース|ベースの|を基に|をもとに)"),
    re.compile(rf"我[^。.!?]{{0,20}}?(?:基于|基於|源自)\s*{_VERSIONED}"),
    re.compile(rf"(?:저는|나는)[^.!?]{{0,30}}?{_VERSIONED}\s*(?:기반|를 기반|을 기반|에 기반)"),
    re.compile(rf"{_BASED_LATIN}[\"']?{_VERSIONED}"),
    re.compile(rf"(?i:(?<![а-я])я\b[^.!?]{{0,60}}?(?:на основе|основан\w* на|базиру\w* на)\s+)[«\"]?{_VERSIONED}"),
]
BARE_ANSWER = re.compile(r"^\W*(?P<name>[^\s.!?,;:。]{1,20}(?: [^\s.!?,;:。]{1,20}){0,3})\W*$")
