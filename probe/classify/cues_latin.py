"""Stance cues for Latin-script languages: en, fr, es, pt, vi.

Patterns run on the folded lower-case text (accents removed: "tôi là" -> "toi la",
"développé" -> "developpe"). Each category is a list of regex fragments; ``grammar.py``
joins the languages into one compiled regex per category.
"""

from __future__ import annotations

# Keys of a "key: value" line or table row about the answer itself (TRIGGER and ROW_KEY share them).
_KEYS = (
    "name|developer|model|underlying model|company|maker|creator|organi[sz]ation|vendor|provider|nom|developpeur|"
    "createur|editeur|modele|entreprise|nombre|desarrollador|creador|empresa|modelo|nome|desenvolvedor|criador|ten|"
    "nha phat trien|cong ty|mo hinh"
)

TRIGGER = [
    # en: the answer speaks of itself
    r"\bi(?:'m| am|'ve been| have been| was| were)\b", r"\bi (?:run|operate|rely|come|originate|belong)\b",
    r"\bmy (?:name|official name|full name|model name|model|creators?|developers?|makers?|underlying|base|architecture|"
    r"training|core|foundation|origins?|technology|identity|designation)\b",
    r"\b(?:call|refer to|address) me\b", r"\bi go by\b", r"\((?:me|moi|yo|eu|toi)\)|\blike me\b",
    # "I introduce myself as X", "I can answer your question as X": the answer takes X as its name
    r"\b(?:introduce|present) myself as\b", r"\bi (?:can|could|will|'ll|may) (?:answer|respond|reply) (?:\w+ ){0,3}?as\b",
    r"\bje me presente (?:comme|en tant que)\b", r"\bje (?:peux|vais|pourrais) (?:repondre|me presenter) (?:\w+ ){0,3}?(?:en tant que|comme)\b",
    r"\bme (?:presento|apresento) como\b", r"\b(?:puedo|podria|posso|poderia) (?:responder|presentarme|me apresentar) (?:\w+ ){0,3}?como\b",
    r"\b(?:i|je|yo|eu|toi|minh)\s*\(", r"\b(?:i|moi|yo|eu)\s*,", r"\bmine(?: is|'s)\b", r"\bme\s*[,:(—]",
    rf"\b(?:{_KEYS}|developed by|created by|made by|built by|concepteur|base model)\s*:",
    # the base model named as such: "my base model is X", "o modelo de base que uso e X"
    r"\b(?:base|underlying|foundation) model (?:(?:that )?i (?:use|run on|am built on) )?is\b",
    r"\bmodelo (?:de )?base (?:que (?:uso|utilizo) )?(?:e|es)\b", r"\bmodele de base (?:que j'utilise )?est\b",
    r"\bmo hinh (?:nen|co so)(?: tang)? (?:cua toi )?la\b",
    r"\b(?:the model (?:you(?:'re| are) using)|el modelo que (?:estas|esta) usando|le modele que (?:vous utilisez|tu utilises)|"
    r"o modelo que (?:voce esta|esta) usando)\b", r"\b(?:created|made|built|developed|trained|designed) me\b",
    r"\bmy [^.,;]{0,30}?(?:is|are) (?:based|built|powered)\b", r"\bmy (?:\w+ ){0,2}(?:relies|rely|draws|comes from|come from)\b",
    r"\b(?:the )?model (?:you(?:'re| are) (?:talking|chatting|speaking) (?:to|with)|(?:i'm|i am) (?:running|using|based on))\b", r"\byou(?:'re| are) (?:talking|chatting|speaking|interacting|conversing) (?:to|with)\b",
    r"\bthis is\b(?= [a-z0-9-]+(?: \d[\w.]*)?(?: here)?[,.!])", r"\b(?:people|users|they) (?:call|know) me\b",
    r"\bas an? (?:[\w-]+ ){0,3}(?:ai|assistant|model|chatbot)(?: (?:developed|created|made|built|trained))? (?:by|from|of)\b",
    r"\bcomo (?:un |una |um |uma )?(?:[\w-]+ ){0,3}(?:ia|inteligencia artificial|asistente|assistente|modelo)(?: (?:desarrollad|cread|desenvolvid|criad)[oa])? (?:de|por|del|da|do)\b",
    r"\ben tant qu(?:e |')(?:[\w-]+ ){0,4}(?:de|par|d')\b", r"\b(?:me conocen como|me llaman|on m'appelle|me conhecem como|me chamam)\b",
    r"^(?:developed|created|made|built|trained|designed|powered|brought to you) by\b",
    r"[.!?]\s*(?:developed|created|made|built|trained|designed|powered|brought to you) by\b",
    # fr
    r"\bje (?:ne )?(?:suis|m'appelle|me nomme|me presente|reponds au nom de|fonctionne|repose|m'appuie|tourne)\b", r"\bj'ai ete\b",
    r"\bmon (?:\w+ )?(?:nom|createur|developpeur|modele|concepteur|architecture)\b", r"\bmes (?:createurs|developpeurs|concepteurs)\b",
    r"\b(?:mon|ma|mes) [^.,;]{0,50}?(?:repose|reposent|est base|sont bases|s'appuie|provient|proviennent|(?:a|ont) ete (?:developpe|cree|concu))",
    r"\bm'(?:a|ont) (?:cree|developpe|concu|entraine)",
    r"\bm'appeler\b", r"\bappelez-moi\b", r"\bappelle-moi\b",
    # es
    r"\b(?:soy|fui|estoy|me llamo|yo soy)\b", r"\bmi (?:nombre|creador|desarrollador|modelo)\b", r"\bmis creadores\b",
    r"\b(?:llamarme|llamame|me puedes llamar|me puede llamar)\b", r"\bme (?:desarrollo|creo|entreno|diseno|construyo)\b",
    r"\b(?:mi|mis) [^.,;]{0,30}?(?:se basa|se basan|esta basad|proviene|fue desarrollad|fue cread)",
    # pt
    r"\b(?:sou|estou|me chamo|eu sou|eu fui)\b", r"\bmeu (?:nome|criador|desenvolvedor|modelo)\b", r"\bmeus criadores\b",
    r"\b(?:me chamar|me chame)\b", r"\bme (?:criou|desenvolveu|treinou)\b",
    r"\b(?:meu|minha|meus|minhas) [^.,;]{0,30}?(?:se baseia|e basead|vem de|foi desenvolvid|foi criad)",
    # vi
    r"\b(?:toi|minh) (?:la|khong|đuoc|ten la|co ten|thuoc|đen tu|chay tren|dua tren|xuat than|chinh la|cung la)\b",
    r"\bten (?:cua )?(?:toi|minh)\b", r"\bgoi (?:toi|minh)\b", r"\b(?:toi|minh) (?:hien|van|chi) la\b",
]

DENY_BEFORE = [
    r"\b(?:no|not|n't|never|nao|pas|aucun|ningun\w*|nenhum\w*|khong)\b[^,.;]{0,24}?\b(?:relation\w*|affiliat\w*|connect\w*|"
    r"associat\w*|related|link\w*|relacao|relacion|lien|rapport|vinculo|lien quan)\b[^,.;]{0,14}$",
    r"\b(?:not|n't|never)\b[^,.;]{0,30}?\b(?:made|created|developed|built|trained|affiliated|associated|related)\b[^,.;]{0,14}$",
    r"\b(?:ne suis pas|n'ai pas ete|n'est pas)\b[^,.;]{0,30}$", r"\bno (?:fui|he sido|soy)\b[^,.;]{0,30}$",
    r"\bnao (?:fui|sou)\b[^,.;]{0,30}$",
    r"\b(?:not|n't|never|no longer)\b(?: (?:a|an|the|actually|really|called|named|related to|affiliated with|made by|developed by|created by|built by|from|based on|part of))*\s*$",
    r"\b(?:rather than|instead of|neither|nor)\s*(?:a |an |the )?$",
    r"\b(?:et non|et pas|mais pas|plutot que|au lieu de|y no|en lugar de|en vez de|e nao|em vez de|ao inves de)\s*(?:le |la |el |o |a )?$",
    r"\bne suis pas\b(?: (?:un|une|le|la))?\s*$", r"\bpas (?:un |une |le |la )?$", r"\bni\s*$",
    r"\bno soy\b(?: (?:un|una|el|la))?\s*$", r"\bno (?:fui|estoy)\b[^,.;]{0,25}$", r"\bni\s*$",
    r"\bnao sou\b(?: (?:um|uma|o|a))?\s*$", r"\bnao (?:fui|estou)\b[^,.;]{0,25}$", r"\bnem\s*$",
    r"\bkhong phai(?: la)?\s*$", r"\bkhong (?:đuoc|do)\b[^,.;]{0,25}$",
]


# Self-claims read after the mention: "OpenAI created me".
SELF_AFTER = [
    r"^\s*(?:has |have )?(?:created|made|built|developed|trained|designed|programmed) me\b",
    r"^\s*(?:m'a|m'ont) (?:cree|developpe|concu|entraine)", r"^\s*me (?:creo|desarrollo|entreno|diseno)\b",
    r"^\s*me (?:criou|desenvolveu|treinou)\b", r"^\s*(?:đa )?(?:tao ra|phat trien|huan luyen) (?:toi|minh)\b",
    # "Google's research project behind me", "OpenAI, the company behind me"
    r"^\s*,?\s*(?:[\w'-]+\s+){0,3}?(?:behind me|derriere moi|detras de mi|por tras de mim|đung sau (?:toi|minh))\b",
]

# A mention that opens its clause as the subject of a third-person statement.
TOPIC_AFTER = [
    r"^\s*(?:'s )?(?:is|was|are|were|has|have|had|can|will|would|does|did|offers|provides|makes|made|develops|developed|created|"
    r"released|launched|focuses|specializes|est|a ete|sont|es|fue|son|foi|sao|e (?:um|uma)|la (?:mot|mo hinh|cong ty)|đa|cung)\b",
]


MAKER_BEFORE = [
    r"\b(?:by|from|of|at)\s*(?:the )?$", r"\b(?:par|de|chez)\s*$", r"\b(?:por|de|del)\s*$", r"\b(?:por|da|do|de)\s*$",
    r"\b(?:boi|cua|tu|do)\s*$",
]

# Triggers that offer names ("You can call me X or Y"): examples after them are still self-labels.
CALLME = [
    r"\b(?:call|refer to|address) me\b", r"\bm'appeler\b|\bappelez-moi\b|\bappelle-moi\b", r"\b(?:llamarme|llamame|me puedes llamar)\b",
    r"\b(?:me chamar|me chame)\b", r"\bgoi (?:toi|minh)\b",
]


# A table row or key line about the answer itself ("| Name | X |", the bars blank once normalised): read only at the
# start of the mention's own line (``stance.mention_stances``), where it works like a trigger.
ROW_KEY = [rf"^[ \t\-•·>]*(?:{_KEYS})[ \t]{{2,}}"]
