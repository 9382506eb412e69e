"""Word boundaries of a lexicon alias, by the script of its first and last character.

Latin names stand on word boundaries and may carry a version or size suffix ("Qwen3.5-397B-A17B",
"GPT-4o", "Claude 3.5 Sonnet"); Cyrillic names take case endings ("Алисой"); Korean names take
particles ("Claude는"); Chinese and Japanese kanji need no boundary at all.
"""

from __future__ import annotations


def _chars(*ranges: str) -> frozenset[str]:
    return frozenset(chr(c) for lo_hi in ranges for c in range(ord(lo_hi[0]), ord(lo_hi[-1]) + 1))


# Boundary per script class: characters that may not precede the first char (a set: one lookup, no regex call),
# lookahead after the last char.
LEFT = {
    "latin": _chars("az", "09"),
    "cyrillic": _chars("ая", "az"),
    "hangul": _chars("가힣"),
    "kana": _chars("ァヺ", "ー"),
    "han": frozenset(),
}
RIGHT = {
    "latin": r"(?![a-z])",
    "digit": r"(?![0-9])",
    "cyrillic": r"(?:ами|ому|ого|ом|ой|ою|ью|ым|ем|ах|а|у|е|ы|и|ю|я)?(?![а-я])",
    "hangul": r"(?:(?![가-힣])|(?=[는은이가을를의와과도로으에라란입예야님씨처같보만까부나랑하께인였]))",
    "kana": r"(?![ァ-ヺー])",
    "han": "",
}
# Version and size suffixes that belong to a name: "Qwen3.5-397B-A17B", "GPT-4o", "Claude 3.5 Sonnet".
_TIERS = (
    "pro|flash|ultra|nano|mini|turbo|sonnet|opus|haiku|instruct|chat|coder|max|plus|lite|air|preview|"
    "large|medium|small|vision|omni|expanse|thinking|reasoner|open|code"
)
VERSION = (
    r"(?:(?:[-_ ]?(?:v?\d+(?:\.\d+)*(?:[a-z](?![a-z]))?|[rvk]\d+(?:\.\d+)?(?![a-z])|a\d+b(?![a-z]))"
    rf"|[-_ ](?:{_TIERS}|\d+(?:\.\d+)?[bmk](?![a-z])|\d+x\d+b)(?![a-z]))+"
    r"(?:\+)?)?"
)




def script(ch: str) -> str:
    if "a" <= ch <= "z" or ch in "+":
        return "latin"
    if "0" <= ch <= "9":
        return "digit"
    if "\u0400" <= ch <= "\u04ff":
        return "cyrillic"
    if "\uac00" <= ch <= "\ud7a3" or "\u1100" <= ch <= "\u11ff" or "\u3130" <= ch <= "\u318f":
        return "hangul"
    if "\u30a0" <= ch <= "\u30ff":
        return "kana"
    return "han"
