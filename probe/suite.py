"""Prompt suites: load and validate YAML files from ``prompt_sets/`` (or any path)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from probe.errors import ProbeInputError
from probe.render import check_template
from probe.yamlio import YamlDoc, load_yaml

SUITE_KEYS = {"id", "version", "description", "languages", "conditions", "questions"}
CONDITION_KEYS = {"id", "description", "system"}
QUESTION_KEYS = {"id", "category", "text"}


@dataclass(frozen=True)
class Condition:
    id: str
    system: str | dict[str, str] | None  # None = no system message; a dict gives one template per language
    description: str = ""

    def template_for(self, language: str) -> str | None:
        if isinstance(self.system, dict):
            return self.system.get(language, self.system.get("en"))
        return self.system


@dataclass(frozen=True)
class Question:
    id: str
    category: str
    text: dict[str, str]  # language -> question text


@dataclass(frozen=True)
class Suite:
    id: str
    version: str
    description: str
    languages: tuple[str, ...]
    conditions: tuple[Condition, ...]
    questions: tuple[Question, ...]
    path: Path
    sha256: str = ""
    _lines: dict = field(default_factory=dict, repr=False, compare=False)

    def condition(self, condition_id: str) -> Condition:
        for cond in self.conditions:
            if cond.id == condition_id:
                return cond
        raise KeyError(condition_id)

    def counts_by_language(self) -> dict[str, int]:
        return {lang: sum(1 for q in self.questions if lang in q.text) for lang in self.languages}


def _require_mapping(doc: YamlDoc, value: Any, keypath: tuple, allowed: set[str], required: set[str]) -> dict:
    if not isinstance(value, dict):
        raise doc.error(keypath, f"expected a mapping, got {type(value).__name__}")
    for key in value:
        if key not in allowed:
            raise doc.error(keypath + (key,), f"unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")
    for key in sorted(required):
        if key not in value:
            raise doc.error(keypath, f"missing required key {key!r}")
    return value


def _require_str(doc: YamlDoc, value: Any, keypath: tuple) -> str:
    if not isinstance(value, str) or not value.strip():
        raise doc.error(keypath, "expected a non-empty string")
    return value


def _parse_condition(doc: YamlDoc, raw: Any, keypath: tuple, languages: tuple[str, ...]) -> Condition:
    raw = _require_mapping(doc, raw, keypath, CONDITION_KEYS, {"id", "system"})
    cid = _require_str(doc, raw["id"], keypath + ("id",))
    system = raw["system"]
    templates: dict[tuple, str] = {}
    if isinstance(system, str):
        templates[keypath + ("system",)] = system
    elif isinstance(system, dict):
        for lang, text in system.items():
            if lang not in languages:
                raise doc.error(keypath + ("system", lang), f"language {lang!r} is not declared in 'languages'")
            templates[keypath + ("system", lang)] = _require_str(doc, text, keypath + ("system", lang))
    elif system is not None:
        raise doc.error(keypath + ("system",), "expected a template string, a mapping language -> template, or null")
    for where, template in templates.items():
        try:
            check_template(template)
        except ProbeInputError as exc:
            raise doc.error(where, exc.message) from None
    return Condition(id=cid, system=system, description=str(raw.get("description") or ""))


def _parse_question(doc: YamlDoc, raw: Any, keypath: tuple, languages: tuple[str, ...]) -> Question:
    raw = _require_mapping(doc, raw, keypath, QUESTION_KEYS, QUESTION_KEYS)
    qid = _require_str(doc, raw["id"], keypath + ("id",))
    category = _require_str(doc, raw["category"], keypath + ("category",))
    text = raw["text"]
    if isinstance(text, str):  # shorthand: a single English text
        text = {"en": text}
    if not isinstance(text, dict) or not text:
        raise doc.error(keypath + ("text",), "expected a mapping language -> question text")
    for lang, value in text.items():
        if lang not in languages:
            raise doc.error(keypath + ("text", lang), f"language {lang!r} is not declared in 'languages'")
        _require_str(doc, value, keypath + ("text", lang))
    return Question(id=qid, category=category, text=dict(text))


def parse_suite(doc: YamlDoc) -> Suite:
    """Validate a loaded YAML document as a suite; every error names file, line and field."""
    raw = _require_mapping(doc, doc.data, (), SUITE_KEYS, {"id", "version", "languages", "conditions", "questions"})
    languages = raw["languages"]
    if not isinstance(languages, list) or not languages or not all(isinstance(x, str) for x in languages):
        raise doc.error(("languages",), "expected a non-empty list of language codes")
    if len(set(languages)) != len(languages):
        raise doc.error(("languages",), "duplicate language code")
    langs = tuple(languages)
    for key in ("conditions", "questions"):
        if not isinstance(raw[key], list) or not raw[key]:
            raise doc.error((key,), "expected a non-empty list")
    conditions = tuple(_parse_condition(doc, c, ("conditions", i), langs) for i, c in enumerate(raw["conditions"]))
    questions = tuple(_parse_question(doc, q, ("questions", i), langs) for i, q in enumerate(raw["questions"]))
    for kind, items in (("condition", conditions), ("question", questions)):
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if item.id in seen:
                raise doc.error((f"{kind}s", i, "id"), f"duplicate {kind} id {item.id!r} (first at line {doc.line((f'{kind}s', seen[item.id], 'id'))})")
            seen[item.id] = i
    for lang in langs:
        if not any(lang in q.text for q in questions):
            raise doc.error(("languages",), f"language {lang!r} is declared but no question has a {lang!r} text")
    return Suite(
        id=_require_str(doc, raw["id"], ("id",)), version=str(raw["version"]),
        description=str(raw.get("description") or ""), languages=langs, conditions=conditions,
        questions=questions, path=doc.path, sha256=hashlib.sha256(doc.path.read_bytes()).hexdigest(),
        _lines=doc.lines,
    )


def suites_dir() -> Path:
    """The shipped ``prompt_sets/`` folder (next to the package in a checkout)."""
    return Path(__file__).resolve().parent.parent / "prompt_sets"


def resolve_suite_path(ref: str | Path, relative_to: Path | None = None) -> Path:
    """A suite id in ``prompt_sets/`` or a path (relative to the config file when given)."""
    ref_path = Path(ref)
    candidates = []
    if ref_path.suffix in (".yaml", ".yml") or len(ref_path.parts) > 1:
        if relative_to is not None and not ref_path.is_absolute():
            candidates.append(relative_to / ref_path)
        candidates.append(ref_path)
    else:
        candidates += [suites_dir() / f"{ref}.yaml", suites_dir() / f"{ref}.yml"]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise ProbeInputError(f"suite {str(ref)!r}", f"not found (looked in {', '.join(str(c) for c in candidates)})")


def load_suite(ref: str | Path, relative_to: Path | None = None) -> Suite:
    return parse_suite(load_yaml(resolve_suite_path(ref, relative_to)))


def list_suites() -> list[Suite]:
    return [parse_suite(load_yaml(p)) for p in sorted(suites_dir().glob("*.y*ml"))]
