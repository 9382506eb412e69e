"""Context cues for Latin-script languages (en, fr, es, pt, vi): comparisons, bases and makers,
third parties, role-play and nickname menus. Same conventions as ``cues_latin``."""

from __future__ import annotations

# The mention is compared with, listed next to, or contrasted to the answer's identity.
OTHER = [
    r"\b(?:like|unlike|such as|similar to|compared (?:to|with)|versus|vs\.?|than|e\.g\.?|i\.e\.?|including|includes?|"
    r"other|others|another|alongside|as opposed to|different from|distinct from|differs? from|competitors?|rivals?|"
    r"for example|for instance|such|related to|inspired by|resembl\w*|alternatives?|comparable|"
    r"confus\w* (?:me )?(?:with|for)|mistak\w* (?:me )?for|mix\w* (?:me )?up with|confond\w* avec|confund\w* con|confund\w* com)\b",
    r"\b(?:comme|tels? que|telles? que|similaire|semblable|contrairement|par rapport|par exemple|y compris|notamment|"
    r"autres?|different de|distinct de)\b",
    r"\b(?:como|tales? como|similar|parecido|a diferencia|en comparacion|por ejemplo|incluyendo|otros?|otras?|distinto de)\b",
    r"\b(?:tal como|semelhante|ao contrario|em comparacao|incluindo|outros?|outras?|diferente de)\b",
    r"\b(?:nhu|giong|tuong tu|khac voi|so voi|vi du|bao gom|chang han|cac mo hinh khac)\b",
]

# A claim to be built on a base model is a self-claim ("based on OpenAI's GPT-4", "powered by Llama").
BASE = [
    r"\bmy (?:\w+ )?(?:models?|architecture|foundation|base|core)\b",
    r"\b(?:based on|built (?:on|upon)|powered by|runs? on|running on|derived from|fine-tuned from|a version of|a variant of|"
    r"an? (?:iteration|instance|variation) of|part of|underlying model|architecture)\b",
    r"\b(?:base sur|fonde sur|repose sur|s'appuie sur|une version de)\b",
    r"\b(?:basado en|construido sobre|impulsado por|una version de)\b",
    r"\b(?:baseado em|construido sobre|uma versao de)\b",
    r"\b(?:dua tren|phien ban cua|xay dung tren)\b",
]

# Right after a mention: a relative clause about that third party ("Anthropic, which ...").
BREAK_NEAR = [
    r"^\W{0,4}(?:which|who|whose|where|a company that|an organi[sz]ation that|qui|dont|lequel|laquelle|quien|cuyo|cuya|"
    r"la cual|el cual|cujo|cuja|o qual|a qual|noi)\b",
]

# Between two mentions: the second belongs to a third party, not to the answer.
BREAK = [
    r"\b(?:founded|co-?founded|former|formerly|acquired|owned|subsidiary|also (?:makes|made|develops|created)|"
    r"competes?|competitors?|rivals?|employees|alumni)\b",
    r"\b(?:fondee?|anciens?|concurrent\w*)\b", r"\b(?:fundada?|fundo|antiguos?|competidor\w*)\b",
    r"\b(?:fundou|antigos?|concorrente\w*)\b", r"\b(?:đuoc thanh lap|đoi thu)\b",
]

# Between two mentions only: the second is a partner or host, not the maker.
PARTNER = [
    r"\b(?:partner\w*|invest(?:ed|ors?|ments?|s)?|collaborat\w*|colabora\w*|coopera\w*|zusammenarbeit|backed|hosted|deploy\w*|integrat\w*|"
    r"available (?:on|through|via)|offered|distributed|joint(?:ly)?)\b",
    r"\b(?:partenaire\w*|en collaboration|heberge)\b", r"\b(?:socio|en colaboracion|alojado)\b",
    r"\b(?:parceri\w*|em colaboracao|hospedado)\b", r"\b(?:hop tac|đoi tac)\b",
]

# A collaboration the answer is the product of: its parties made it ("a product of a collaboration between X and Y").
JOINT_ORIGIN = [
    r"\b(?:product|result|fruit|outcome)s? of (?:an? |the )?(?:joint |close )?(?:collaboration|partnership|cooperation|"
    r"joint effort|joint work) (?:between|of|with)\s*(?:the )?$",
    r"\b(?:produit|resultat|fruit) d'une (?:etroite )?(?:collaboration|cooperation|partenariat) (?:entre|avec)\s*(?:l'|la |le |les )?$",
    r"\b(?:producto|resultado|fruto) de (?:una |la )?(?:colaboracion|cooperacion|alianza) (?:entre|con)\s*(?:el |la |los )?$",
    r"\b(?:produto|resultado|fruto) de (?:uma |a )?(?:colaboracao|cooperacao|parceria) (?:entre|com)\s*(?:a |o )?$",
    r"\b(?:san pham|ket qua) (?:cua )?(?:su )?hop tac (?:giua|voi)\s*$",
]

# Origin phrases: an example or comparison after one of these still names the answer's maker or base
# ("developed by teams such as OpenAI", "based on models like GPT-4").
ORIGIN = [
    r"\b(?:made|created|developed|built|trained|designed|programmed) by\b",
    r"\b(?:developpe|cree|concu|entraine|produit|genere)e?s? par\b",
    r"\b(?:desarrollad|cread|entrenad|disenad|generad|hech|construid|producid)[oa]s? por\b",
    r"\b(?:desenvolvid|criad|treinad|gerad|feit|construid)[oa]s? (?:por|pela|pelo)\b", r"\b(?:phat trien|tao ra|huan luyen) boi\b",
]

ROLEPLAY = [
    r"\b(?:if i were|if i was|pretend(?:ing)?|imagine|role-?play\w*|in character|hypothetical\w*|suppose|let's say|"
    r"in this story|playing the role|play the role|act(?:ing)? as|as a character|in the role)\b",
    r"\b(?:si j'etais|imaginons|supposons|jeu de role|dans le role|jouer le role)\b",
    r"\b(?:si yo fuera|si fuera|imagina|supongamos|juego de rol|en el papel|interpretar)\b",
    r"\b(?:se eu fosse|suponha|interpretando|no papel|faz de conta)\b",
    r"\b(?:neu toi la|gia su|tuong tuong|đong vai|nhap vai)\b",
]

# The answer offers a menu of names to pick from ("Here are some suggestions: ...", "por ejemplo"):
# invented names in such a menu are nicknames, not the answer's identity.
FREE = [
    r"\b(?:suggestions?|suggest|options|ideas|for example|for instance|e\.g\.|such as)\b",
    r"\b(?:par exemple|suggestions?|idees|propositions)\b", r"\b(?:por ejemplo|sugerencias|ideas|opciones)\b",
    r"\b(?:por exemplo|sugestoes|opcoes|ideias)\b", r"\b(?:vi du|goi y|lua chon)\b",
]

# A role-play frame: everything after it is in character, until a FRAME_END cue ("actually I'm Nex").
FRAME = [
    r"\b(?:let's (?:play|pretend|role-?play)|role-?play(?:ing)?|pretend(?:ing)?(?: to be)?|playing along|in the voice of|"
    r"in character as|here(?:'s| is) (?:a |an |your |the )?(?:short |little )?(?:story|scene|script|dialogue|poem|tale|skit)|"
    r"once upon a time)\b",
    r"^\s*(?:as|como|en tant que) (?:an? )?[a-z0-9][\w.-]*(?: [\w.-]+)?\s*[:)\]]",
    r"[\n.!?(\[:]\s*(?:as|como|en tant que) (?:an? )?[a-z0-9][\w.-]*(?: [\w.-]+)?\s*[:)\]]",
    r"\b(?:jouons|faisons semblant|jeu de role|dans le role de|dans la peau de|voici (?:une|la|l'|un) (?:histoire|scene|dialogue)|"
    r"il etait une fois)\b",
    r"\b(?:juguemos|finjamos|fingiendo|juego de rol|en el papel de|haciendo de|aqui (?:tienes|va) (?:una|la|el) (?:historia|escena|dialogo)|"
    r"habia una vez)\b",
    r"\b(?:vamos fingir|vou fingir|fingir|fingindo|finjo|faz de conta|interpretando|no papel de|aqui (?:vai|esta) (?:a|uma|o) (?:historia|cena|dialogo)|era uma vez)\b",
    r"\b(?:đong vai|nhap vai|gia vo)\b",
    r"\b(?:let's imagine|imagining)\b",
]

FRAME_END = [
    r"\b(?:actually|in reality|in fact|the real me|out of character|back to (?:being )?myself)\b",
    r"\b(?:en realite|en fait|reellement)\b", r"\b(?:en realidad|realmente)\b", r"\b(?:na verdade|na realidade)\b",
    r"\b(?:thuc ra|thuc te)\b",
]

# A contrastive conjunction starts a new clause: after a self-claim, the next name is someone else's.
CONTRAST_CLAUSE = [r"\b(?:but|however|whereas|while|pero|mientras|mais|alors que|mas|enquanto|nhung|tuy nhien)\b"]

# A disclaimer after the fact: what came before it was role-play.
FRAME_AFTER = [
    r"\b(?:(?:just|that was|this was|end of) (?:a |the )?role-?play|role-?play(?:ing)? over)\b",
    r"\b(?:c'etait un jeu de role|fin du jeu de role)\b", r"\b(?:era un juego de rol|fin del juego de rol)\b",
    r"\b(?:era uma interpretacao|fim da interpretacao)\b",
]
