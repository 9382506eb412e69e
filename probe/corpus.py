"""Reader for the identity-rollouts corpus format (real answers marked by an LLM judge).

Used only to *measure* the classifier and the scorer; nothing here feeds the rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_OFFICIAL = re.compile(r"^\*\*Official identity:\*\*\s*(?P<name>.+?)\s*·\s*family\s*`(?P<family>[^`]+)`\s*·\s*aliases:\s*(?P<aliases>.*?)\s*$")
_MARK = re.compile(r"\s*\*\*→\s*(?P<claim>.*?)\*\*\s*$")
_QUESTION = re.compile(r"^\*\*(?P<q>.+)\*\*\s*$")

LANGUAGE_CODES = {
    "English": "en", "Chinese": "zh", "Japanese": "ja", "Korean": "ko", "Russian": "ru",
    "French": "fr", "Spanish": "es", "Vietnamese": "vi", "Portuguese": "pt", "cross": "cross",
}


@dataclass(frozen=True)
class CorpusAnswer:
    file: str
    line: int
    model: str  # official identity, e.g. "Nex-N2-Mini"
    family: str
    aliases: tuple[str, ...]
    section: str  # language section title, or "cross"
    language: str  # code; "cross" for the cross section
    question: str
    text: str
    judge_mismatch: bool
    judge_claim: str | None  # the identity the judge says it claimed ("None" = maker only)

    @property
    def expected(self) -> list[str]:
        return [self.model, *self.aliases]


def read_rollouts(path: str | Path) -> list[CorpusAnswer]:
    """Parse one corpus file into answers, in file order."""
    path = Path(path)
    model = family = ""
    aliases: tuple[str, ...] = ()
    section = question = ""
    out: list[CorpusAnswer] = []
    for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.rstrip()
        if m := _OFFICIAL.match(line):
            model, family = m["name"].strip(), m["family"].strip()
            aliases = tuple(a.strip() for a in m["aliases"].split(",") if a.strip())
        elif line.startswith("## "):
            section = line[3:].strip()
        elif line.startswith("- ") and section:
            body = line[2:]
            mark = _MARK.search(body)
            claim = None
            if mark:
                claim = mark["claim"].strip()
                body = body[: mark.start()]
            out.append(CorpusAnswer(
                file=path.name, line=lineno, model=model, family=family, aliases=aliases,
                section=section, language=LANGUAGE_CODES.get(section, section.lower()),
                question=question, text=body.strip(), judge_mismatch=mark is not None,
                judge_claim=claim,
            ))
        elif (m := _QUESTION.match(line)) and section:
            question = m["q"].strip()
    return out


def default_corpus_dir() -> Path | None:
    """``../shared/corpora/identity-rollouts`` relative to the repository, if present."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "shared" / "corpora" / "identity-rollouts",):
        if candidate.is_dir():
            return candidate
    return None


def read_corpus(directory: str | Path | None = None) -> list[CorpusAnswer]:
    directory = Path(directory) if directory else default_corpus_dir()
    if directory is None:
        return []
    answers: list[CorpusAnswer] = []
    for path in sorted(directory.glob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        answers.extend(read_rollouts(path))
    return answers
