"""OpenAI-compatible endpoints (vLLM, providers): one URL or several replicas of one model."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

import httpx2
import openai

from probe.config import Target
from probe.plan import Prompt
from probe.render import messages_to_prompt
from probe.targets.base import Choice, Completion, split_reasoning
from probe.targets.lean_http import LeanHTTP

REPLICA_COOLDOWN_S = 5.0


@dataclass
class _Replica:
    url: str
    client: openai.AsyncOpenAI
    http: LeanHTTP
    in_flight: int = 0
    down_until: float = 0.0
    failures: int = 0


class OpenAICompatTarget:
    """Sends one prompt (optionally ``n`` samples) to the least-busy healthy replica."""

    def __init__(self, target: Target) -> None:
        self.name = target.name
        self.config = target
        key = target.api_key()
        self._replicas = []
        for url in target.base_url:
            client = openai.AsyncOpenAI(base_url=url, api_key=key, max_retries=0, timeout=target.timeout)
            headers = {"authorization": f"Bearer {key}", "user-agent": "identity-probe"}
            self._replicas.append(_Replica(url=url, client=client, http=LeanHTTP(url, headers, client)))

    def _pick(self) -> _Replica:
        now = time.monotonic()
        healthy = [r for r in self._replicas if r.down_until <= now] or self._replicas
        return min(healthy, key=lambda r: (r.in_flight, r.failures))

    def body(self, prompt: Prompt, n: int, seed: int) -> dict:
        body = {
            "model": prompt.model, "temperature": prompt.temperature, "top_p": prompt.top_p,
            "max_tokens": prompt.max_tokens, "seed": seed, "n": n, **self.config.extra_body,
        }
        if prompt.api == "chat":
            body["messages"] = prompt.message_dicts()
        else:
            body["prompt"] = messages_to_prompt(prompt.message_dicts())
        return body

    async def complete(self, prompt: Prompt, n: int, seed: int) -> Completion:
        replica = self._pick()
        path = "/chat/completions" if prompt.api == "chat" else "/completions"
        replica.in_flight += 1
        try:
            payload = await replica.http.post_json(path, json.dumps(self.body(prompt, n, seed)).encode(), self.config.timeout)
        except (openai.APIConnectionError, openai.InternalServerError):
            replica.failures += 1
            replica.down_until = time.monotonic() + REPLICA_COOLDOWN_S * min(replica.failures, 6)
            raise
        finally:
            replica.in_flight -= 1
        replica.failures = 0
        return self._parse(payload, prompt.api, replica, path)

    def _parse(self, payload: bytes, api: str, replica: _Replica, path: str) -> Completion:
        try:
            data = json.loads(payload)
            choices = []
            for raw in sorted(data["choices"], key=lambda c: c.get("index", 0)):
                if api == "chat":
                    message = raw["message"]
                    field = message.get("reasoning_content") or message.get("reasoning")
                    text, reasoning = split_reasoning(message.get("content"), field)
                else:
                    text, reasoning = split_reasoning(raw["text"], None)
                choices.append(Choice(text=text, reasoning=reasoning, finish_reason=raw.get("finish_reason")))
            usage = data.get("usage") or {}
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            response = httpx2.Response(200, content=payload, request=httpx2.Request("POST", replica.url + path))
            raise openai.APIResponseValidationError(response, None, message=f"malformed response body ({type(exc).__name__})") from None
        return Completion(choices=choices, prompt_tokens=usage.get("prompt_tokens"),
                          completion_tokens=usage.get("completion_tokens"), endpoint=replica.url)

    async def describe(self) -> dict:
        """Each replica's ``/v1/models`` answer, for the manifest (errors recorded, not raised)."""
        out = {}
        for replica in self._replicas:
            try:
                page = await replica.client.models.list()
                out[replica.url] = [m.model_dump() for m in page.data]
            except openai.OpenAIError as exc:
                out[replica.url] = {"error": type(exc).__name__}
        return out

    async def aclose(self) -> None:
        for replica in self._replicas:
            await replica.http.aclose()
            await replica.client.close()
