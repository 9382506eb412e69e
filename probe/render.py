"""Render condition templates into chat messages or a raw prompt, inside a Jinja2 sandbox.

Suite files may come from anyone, so templates cannot reach Python internals
(``{{ ''.__class__ }}`` is refused) and every variable must be defined.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from probe.errors import ProbeInputError


@lru_cache(maxsize=1)
def _environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)


@lru_cache(maxsize=1024)
def _compile(template: str) -> jinja2.Template:
    return _environment().from_string(template)


def check_template(template: str) -> None:
    """Raise ProbeInputError for a template with a syntax error."""
    try:
        _compile(template)
    except jinja2.TemplateSyntaxError as exc:
        raise ProbeInputError("template", f"Jinja syntax error on template line {exc.lineno}: {exc.message}") from None


def render_template(template: str, variables: dict[str, Any]) -> str:
    """Render one template; undefined names and sandbox escapes become ProbeInputError."""
    check_template(template)
    try:
        return _compile(template).render(**variables).strip()
    except jinja2.UndefinedError as exc:
        raise ProbeInputError("template", f"undefined variable: {exc.message}") from None
    except SecurityError as exc:
        raise ProbeInputError("template", f"refused by the sandbox: {exc}") from None


def build_messages(system_prompt: str | None, question: str) -> list[dict[str, str]]:
    messages = [] if system_prompt is None else [{"role": "system", "content": system_prompt}]
    messages.append({"role": "user", "content": question})
    return messages


def messages_to_prompt(messages: list[dict[str, str]]) -> str:
    """A plain-text transcript for ``api: completions`` targets that have no chat template."""
    parts = []
    for message in messages:
        role = {"system": "System", "user": "User", "assistant": "Assistant"}.get(message["role"], message["role"])
        parts.append(f"{role}: {message['content']}")
    parts.append("Assistant:")
    return "\n\n".join(parts)
