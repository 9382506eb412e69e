"""Open-set makers: organisations named in a "made by X" phrase that the lexicon does not know.

"developed by Acme Labs", "由星河实验室开发", "새벽테크에서 만든", "ミライ社によって作られました".
They become pseudo-mentions (org = the name as written) whose stance is read like any other
mention's, so "ChatGPT is made by X" stays a third party while "I was made by X" is a self-claim.
"""

from __future__ import annotations

import re

from probe.classify.aliases import Mention

_WORD = r"(?:[A-Za-z0-9&\-]|\.(?=[A-Za-z0-9]))*"  # no trailing full stop: "IA. No" is two sentences
_CAP = rf"(?P<name>[A-Z]{_WORD}(?: (?:[A-Z0-9]{_WORD}|AI|Inc|Labs?|Ltd)){{0,3}})"
_WORD_CYR = r"(?:[A-Za-zА-Яа-я0-9&\-]|\.(?=[A-Za-zА-Яа-я0-9]))*"
_CAP_CYR = rf"(?P<name>[A-ZА-Я]{_WORD_CYR}(?: [A-ZА-Я]{_WORD_CYR}){{0,2}})"
_CJK = r"(?P<name>[^\s,.!?;:()、。的\"'](?:[^\s,!?;:()、。的\"']|\.(?=\w)){1,15}?)"

# Each runs only where its literal intro occurs (``phrases``); the maker is group ``name``.
PATTERNS = [
    re.compile(r"(?i:\b(?:developed|created|made|built|trained|designed|programmed|engineered|produced) by)\s+(?i:the\s+)?" + _CAP),
    re.compile(r"(?i:\b(?:developpe|cree|concu|entraine|fabrique)e?s? par)\s+(?:l'|la |le |les |l'entreprise |la societe )?" + _CAP),
    re.compile(r"(?i:\b(?:desarrollad|cread|entrenad|disenad|hech)[oa]s? por)\s+(?:la |el |los |la empresa )?" + _CAP),
    re.compile(r"(?i:\b(?:desenvolvid|criad|treinad|feit)[oa]s? (?:por|pela|pelo))\s+(?:a |o |empresa )?" + _CAP),
    re.compile(r"(?i:\b(?:phat trien|tao ra|huan luyen|xay dung) boi)\s+(?:cong ty |đoi ngu |nhom )?(?:nhan vien tai |tai )?(?:đon vi )?" + _CAP),
    re.compile(r"(?i:\bdo)\s+(?:cong ty\s+)?" + _CAP + r"\s+(?i:phat trien|tao ra)"),
    re.compile(r"(?i:(?:разработан|создан|обучен|сделан)\w*\s+(?:компанией\s+|командой\s+|в\s+компании\s+)?)" + _CAP_CYR),
    re.compile(r"(?i:меня\s+(?:создал|разработал|обучил|сделал)\w*\s+(?:[а-я]+\s+)?(?:компания\s+|команда\s+)?)" + _CAP_CYR),
    re.compile(r"(?i:компании\s+)[\"]?" + _CAP_CYR),
    re.compile(r"由\s*" + _CJK + r"\s*(?:研究组|团队|公司|实验室|集团)?\s*(?:所|自主|独立|共同)?\s*(?:开发|研发|创建|打造|训练|制作|创造|设计|构建)"),
    re.compile(r"(?:^|(?<=[はがも、,\s。！？!?]))(?![ぁ-ゖ私])" + _CJK + r"\s*(?:によって|により|が|から)\s*(?:開発|作成|作ら|訓練|構築|制作|作り)"),
    re.compile(r"(?:^|(?<=[\s는은]))" + _CJK + r"\s*(?:에서|이|가|에 의해)\s*(?:개발|만든|만들|제작|훈련|온)"),
    # "I'm Nex from Acme", "Soy Lia, de Acme AI", "modelo de linguagem da Acme"
    re.compile(
        r"(?i:\b(?:i'm|i am|soy|sou|je suis|toi la)\s+\S+(?:\s+\S+)?,?\s+(?:from|de|da|do|cua)\s+)" + _CAP),
    re.compile(
        r"(?i:\b(?:model|modelo|modele|assistant|assistente|asistente|chatbot)\b[^,.;]{0,25}?\b(?:da|do|de la|del|de|of|from)\s+)" + _CAP),
]

_SUFFIX = re.compile(r"(?:株式会社|有限公司|公司|集团|团队|研究组|实验室|社|チーム|팀|회사|Inc\.?|Ltd\.?|Corp\.?|Co\.?|Labs?)$")
_GENERIC_WORD = re.compile(
    r"(?i:a|an|the|my|our|their|its|team|teams|company|companies|researchers?|engineers?|developers?|humans?|people|scientists?|"
    r"experts?|individuals?|volunteers?|community|group|organi[sz]ations?|users?|many|several|various|multiple|me|us|them|"
    r"ai|ia|ki|ии|llm|nlp|artificial|open|i|it|this|that|phong|cong|cong ty|nhom|đoi ngu|(?:artificial |l')?intelligen\w*(?: artifici\w*)?|"
    r"inteligencia(?: artificial)?|inteligencia|tri tue nhan tao|"
    r"人类|人们|研究人员|工程师|开发者|用户|社区|专家|科学家|学者|我们|他们|人間|人々|研究者|エンジニア|開発者|技術者|団体|企業|私たち|誰|"
    r"사람들?|인간들?|연구자들?|개발자들?|엔지니어들?|기업|여러분|누가|누구|클라우드|실험실|연구소|"
    r"(?:команд|компани|исследовател|разработчик|инженер|специалист|люд|сообществ|групп|лаборатори)\w*)"
)
_DETERMINER = re.compile(r"^(?:一|某|多|许多|各|任何|没有|个人|独立|中国独立|国内|多く|여러|많은|어느|(?i:a|an|several|many|various|some) )"
                         r"|人工智能|机器学习|技术|人間|人類|技術|기술|인공지능")


_LOWER_START = re.compile(r"[a-z]")
_PUNCTUATION = re.compile(r"[.!?;。,，、]")


def find_makers(norm: str, phrases: list[tuple[int, list[re.Match]]], mentions: list[Mention],
                known: dict[str, tuple[str | None, str]]) -> list[Mention]:
    """Pseudo-mentions for the makers in ``phrases`` (matches of ``PATTERNS``, from ``phrases.scan_phrases``);
    skipped where a lexicon mention already covers or precedes the name.

    ``known`` maps lower-cased aliases to (family, org): a maker whose name contains one ("アリババクラウド")
    is that organisation, written with a suffix the word-boundary matcher could not see.
    """
    out: list[Mention] = []
    for _, found in phrases:
        for m in found:
            name = m.group("name").strip(" .-")
            start = m.start("name")
            end = start + len(name)
            if _near_known(norm, start, end, mentions) or _generic(name):
                continue
            if any(x.start < end and start < x.end for x in out):
                continue
            org = _known_org(name.lower(), known) or name
            out.append(Mention(start, end, name, None, org, False, end, False))
    return out


def _generic(name: str) -> bool:
    core = _SUFFIX.sub("", name).strip(" .-")
    return len(core) < 2 or bool(_GENERIC_WORD.fullmatch(core) or _DETERMINER.search(core) or _LOWER_START.match(core))


def _near_known(norm: str, start: int, end: int, mentions: list[Mention]) -> bool:
    """A known maker in the same phrase ("the research lab of Alibaba Cloud", "Alibaba Cloud 团队",
    "Moonshot AI という会社"): the unknown words describe it, they are not another maker."""
    for x in mentions:
        if x.start < end and start < x.end:
            return True
        is_org = x.family is None or x.org_named
        gap = norm[end:x.start] if x.start >= end else norm[x.end:start]
        if _PUNCTUATION.search(gap):
            continue
        if len(gap.strip()) <= 1 or (is_org and len(gap) <= (40 if x.start >= end else 12)):
            return True
    return False


def _known_org(name: str, known: dict[str, tuple[str | None, str]]) -> str | None:
    """The organisation of the longest known alias (4+ characters) that ``name`` starts with, as a whole word
    when the alias ends in a Latin letter."""
    for stop in range(len(name), 3, -1):
        alias = name[:stop]
        if alias in known and not (alias[-1].isascii() and name[stop:stop + 1].isalpha()):
            return known[alias][1]
    return None
