"""Run configuration (YAML → pydantic). Errors name the file, line and field."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from probe.errors import ProbeInputError
from probe.yamlio import YamlDoc, load_yaml


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sampling(_Strict):
    samples: int = Field(5, ge=1, le=1000)
    temperature: float = Field(0.7, ge=0.0, le=5.0)
    top_p: float = Field(1.0, gt=0.0, le=1.0)
    max_tokens: int = Field(300, ge=1)
    seed: int = 0
    use_n: bool = True  # ask for all samples in one request with `n` where the endpoint allows


class Budget(_Strict):
    max_requests: int | None = Field(None, ge=1)
    max_completion_tokens: int | None = Field(None, ge=1)


def _check_url(url: str) -> str:
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in url:
        raise ValueError(f"invalid URL {url!r}: expected http(s)://host[:port]/path")
    try:
        parsed.port  # noqa: B018 - raises on a bad port
    except ValueError:
        raise ValueError(f"invalid URL {url!r}: bad port") from None
    return url.rstrip("/")


class Target(_Strict):
    name: str = Field(min_length=1)
    base_url: list[str] = Field(default_factory=list)  # one URL, or several replicas serving the same model
    model: str = Field(min_length=1)
    kind: Literal["openai", "vllm"] = "openai"  # vllm = in-process vllm.LLM engine; base_url unused
    api: Literal["chat", "completions"] = "chat"
    api_key_env: str | None = None
    expected: list[str] = Field(default_factory=list)
    max_concurrency: int = Field(32, ge=1, le=4096)
    timeout: float = Field(120.0, gt=0)  # seconds per request
    max_retries: int = Field(8, ge=0, le=100)
    extra_body: dict[str, Any] = Field(default_factory=dict)  # passed to the endpoint as is

    @field_validator("base_url", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        if isinstance(value, str):
            return [value]
        return value

    @field_validator("base_url")
    @classmethod
    def _valid_urls(cls, value: list[str]) -> list[str]:
        return [_check_url(u) for u in value]

    @model_validator(mode="after")
    def _url_needed(self) -> "Target":
        if self.kind == "openai" and not self.base_url:
            raise ValueError("base_url is required for an OpenAI-compatible target")
        return self

    def api_key(self) -> str:
        """The key from the environment; never stored on the object."""
        if not self.api_key_env:
            return "EMPTY"
        value = os.environ.get(self.api_key_env)
        if not value:
            raise ProbeInputError(f"target {self.name!r}", f"environment variable {self.api_key_env} (api_key_env) is not set")
        return value


class RunConfig(_Strict):
    suite: str
    languages: list[str] | None = None
    conditions: list[str] | None = None
    variables: dict[str, Any] = Field(default_factory=dict)
    sampling: Sampling = Field(default_factory=Sampling)
    budget: Budget = Field(default_factory=Budget)
    targets: list[Target] = Field(min_length=1)
    output: str = "results/run"
    suspect: str | None = None
    parents: list[str] = Field(default_factory=list)
    lexicon: str | None = None
    config_dir: str = Field(".", exclude=True)  # where relative paths resolve; set by the loader

    @model_validator(mode="after")
    def _names(self) -> "RunConfig":
        names = [t.name for t in self.targets]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"duplicate target name {dupes[0]!r}")
        for ref in ([self.suspect] if self.suspect else []) + self.parents:
            if ref not in names:
                raise ValueError(f"{ref!r} (suspect/parents) is not a target name")
        return self

    def check_api_keys(self) -> None:
        for target in self.targets:
            target.api_key()


def _error_from_validation(doc: YamlDoc, exc: ValidationError) -> ProbeInputError:
    first = exc.errors()[0]
    loc = tuple(first["loc"])
    # Map list-of-targets positions to the names people wrote, when known.
    where = list(loc)
    if len(loc) >= 2 and loc[0] == "targets" and isinstance(loc[1], int):
        targets = doc.data.get("targets") if isinstance(doc.data, dict) else None
        if isinstance(targets, list) and loc[1] < len(targets) and isinstance(targets[loc[1]], dict):
            name = targets[loc[1]].get("name")
            if name:
                where[1] = f"{loc[1]}({name})"
    doc_loc = tuple(k for k in loc if not (isinstance(k, str) and k.startswith("function-after")))
    message = first["msg"].removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = f"unknown key {loc[-1]!r}"
    field = ".".join(str(k) for k in where) or "(top level)"
    return ProbeInputError(f"{doc.where(doc_loc)}: {field}", message)


def load_config(path: str | Path) -> RunConfig:
    doc = load_yaml(path)
    if not isinstance(doc.data, dict):
        raise ProbeInputError(doc.where(), "a run config must be a YAML mapping")
    try:
        return RunConfig.model_validate({**doc.data, "config_dir": str(Path(path).resolve().parent)})
    except ValidationError as exc:
        raise _error_from_validation(doc, exc) from None
