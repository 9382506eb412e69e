"""What every target backend returns: choices with the answer and its reasoning split apart."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from probe.plan import Prompt

_THINK = re.compile(r"<think>(.*?)</think>", re.DOTALL)


@dataclass(frozen=True)
class Choice:
    text: str
    reasoning: str | None
    finish_reason: str | None


@dataclass(frozen=True)
class Completion:
    choices: list[Choice]
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    endpoint: str = ""  # which replica answered
    extra: dict = field(default_factory=dict)


def split_reasoning(content: str | None, reasoning_field: str | None) -> tuple[str, str | None]:
    """Answer text without ``<think>`` blocks; reasoning from the dedicated field or those blocks."""
    content = content or ""
    parts = [reasoning_field] if reasoning_field else []
    if "</think>" in content:
        parts += [m.strip() for m in _THINK.findall(content)]
        content = _THINK.sub("", content)
        if "</think>" in content:  # template opened <think> in the prompt; only the close is in the output
            head, _, content = content.partition("</think>")
            parts.append(head.replace("<think>", "").strip())
    reasoning = "\n\n".join(p for p in parts if p) or None
    return content.strip(), reasoning


class TargetBackend(Protocol):
    name: str

    async def complete(self, prompt: Prompt, n: int, seed: int) -> Completion: ...

    async def describe(self) -> dict: ...

    async def aclose(self) -> None: ...
