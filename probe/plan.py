"""Suite × conditions × languages × targets → the list of samples a run must collect."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from probe.config import RunConfig, Target
from probe.errors import ProbeInputError
from probe.render import build_messages, render_template
from probe.suite import Suite


@dataclass(frozen=True)
class Prompt:
    """One rendered question under one condition for one target; it yields ``samples`` rows."""

    target: str
    model: str
    condition: str
    system_prompt: str | None
    suite: str
    question_id: str
    language: str
    category: str
    messages: tuple[tuple[str, str], ...]  # (role, content) pairs, hashable
    temperature: float
    top_p: float
    max_tokens: int
    seed: int
    api: str

    def message_dicts(self) -> list[dict[str, str]]:
        return [{"role": role, "content": content} for role, content in self.messages]

    def sample_hash(self, sample: int) -> str:
        """Key of one stored sample: a hash of the canonical request that produces it."""
        canonical = {
            "target": self.target, "model": self.model, "api": self.api, "messages": self.messages,
            "temperature": self.temperature, "top_p": self.top_p, "max_tokens": self.max_tokens,
            "seed": self.seed, "sample": sample,
        }
        return hashlib.sha256(json.dumps(canonical, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:32]


def render_conditions(suite: Suite, config: RunConfig) -> dict[tuple[str, str], str | None]:
    """System prompt per (condition, language); undefined variables name the suite line."""
    wanted = config.conditions or [c.id for c in suite.conditions]
    rendered: dict[tuple[str, str], str | None] = {}
    for cond_id in wanted:
        try:
            cond = suite.condition(cond_id)
        except KeyError:
            known = ", ".join(c.id for c in suite.conditions)
            raise ProbeInputError("config: conditions", f"unknown condition {cond_id!r} in suite {suite.id!r} (known: {known})") from None
        for lang in selected_languages(suite, config):
            template = cond.template_for(lang)
            if template is None:
                rendered[(cond_id, lang)] = None
                continue
            try:
                rendered[(cond_id, lang)] = render_template(template, config.variables)
            except ProbeInputError as exc:
                index = suite.conditions.index(cond)
                line = suite._lines.get(("conditions", index, "system"), 1)
                raise ProbeInputError(f"{suite.path}:{line}: conditions.{index}({cond_id}).system", exc.message) from None
    return rendered


def selected_languages(suite: Suite, config: RunConfig) -> list[str]:
    if not config.languages:
        return list(suite.languages)
    unknown = [lang for lang in config.languages if lang not in suite.languages]
    if unknown:
        raise ProbeInputError("config: languages", f"language {unknown[0]!r} is not in suite {suite.id!r} ({', '.join(suite.languages)})")
    return list(config.languages)


def plan_prompts(suite: Suite, config: RunConfig, target: Target) -> list[Prompt]:
    systems = render_conditions(suite, config)
    s = config.sampling
    prompts = []
    for (cond_id, lang), system in systems.items():
        for question in suite.questions:
            text = question.text.get(lang)
            if text is None:
                continue
            messages = tuple((m["role"], m["content"]) for m in build_messages(system, text))
            prompts.append(Prompt(
                target=target.name, model=target.model, condition=cond_id, system_prompt=system, suite=suite.id,
                question_id=question.id, language=lang, category=question.category, messages=messages,
                temperature=s.temperature, top_p=s.top_p, max_tokens=s.max_tokens, seed=s.seed, api=target.api,
            ))
    return prompts
