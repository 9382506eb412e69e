"""An OpenAI-compatible protocol test server with fault injection.

Real HTTP/1.1 on loopback, lean enough (raw asyncio streams) that a benchmark
measures the client, not the server. Faults: latency, 429 with Retry-After,
500/503, dropped connections, malformed JSON bodies, required API key.
Run: ``python -m probe.testing.server --port 0 --latency 0.1 --p429 0.05`` —
it prints ``PORT <n>`` on stdout once it listens.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import sys
import time
from dataclasses import dataclass

_PERSONA = re.compile(r"You are ([^,.]+?), an? (?:AI )?assistant (?:developed|created|built) by ([^.]+)\.")


@dataclass
class Faults:
    latency: float = 0.0
    jitter: float = 0.0
    p429: float = 0.0
    p500: float = 0.0
    p503: float = 0.0
    pdrop: float = 0.0
    pmalformed: float = 0.0
    retry_after: float = 0.05
    api_key: str | None = None
    support_n: bool = True
    reasoning: bool = False
    identity: str = "Nex|Nex-AGI"
    seed: int = 0


def answer_for(messages: list[dict], identity: str, sample: int) -> str:
    """A deterministic, identity-bearing answer: a persona prompt wins, else the default identity."""
    system = next((m["content"] for m in messages if m.get("role") == "system"), "")
    name, org = identity.split("|")
    if m := _PERSONA.search(system):
        name, org = m.group(1).strip(), m.group(2).strip()
    variants = [
        f"I'm {name}, from {org}.",
        f"My name is {name}. I was developed by {org}.",
        f"I am {name}, an AI assistant created by {org}. How can I help?",
    ]
    return variants[sample % len(variants)]


class ProtocolServer:
    def __init__(self, faults: Faults, log_path: str | None = None) -> None:
        self.faults = faults
        self.rng = random.Random(faults.seed)
        self.log = open(log_path, "a", buffering=1, encoding="utf-8") if log_path else None
        self.requests = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")
                method, path, _ = lines[0].split(" ", 2)
                headers = {}
                for line in lines[1:]:
                    if ":" in line:
                        k, v = line.split(":", 1)
                        headers[k.strip().lower()] = v.strip()
                body = await reader.readexactly(int(headers.get("content-length", "0") or 0))
                keep = await self.respond(method, path, headers, body, writer)
                if not keep:
                    return
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    def _send(self, writer: asyncio.StreamWriter, status: int, payload: bytes, extra: dict[str, str] | None = None) -> None:
        reason = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 429: "Too Many Requests",
                  500: "Internal Server Error", 503: "Service Unavailable"}.get(status, "Status")
        head = [f"HTTP/1.1 {status} {reason}", "content-type: application/json", f"content-length: {len(payload)}"]
        head += [f"{k}: {v}" for k, v in (extra or {}).items()]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + payload)

    async def respond(self, method: str, path: str, headers: dict, body: bytes, writer: asyncio.StreamWriter) -> bool:
        f = self.faults
        if f.api_key is not None and headers.get("authorization") != f"Bearer {f.api_key}":
            self._send(writer, 401, b'{"error": {"message": "invalid api key", "type": "auth"}}')
            return True
        if method == "GET" and path.rstrip("/").endswith("/models"):
            self._send(writer, 200, json.dumps({"object": "list", "data": [{"id": "test-model", "object": "model", "owned_by": "probe-test"}]}).encode())
            return True
        if method != "POST" or not (path.endswith("/chat/completions") or path.endswith("/completions")):
            self._send(writer, 404, b'{"error": {"message": "no such route"}}')
            return True
        try:
            request = json.loads(body)
        except ValueError:
            self._send(writer, 400, b'{"error": {"message": "body is not JSON"}}')
            return True
        self.requests += 1
        if f.latency or f.jitter:
            await asyncio.sleep(f.latency + self.rng.random() * f.jitter)
        roll = self.rng.random()
        fault = None
        for name, p in (("drop", f.pdrop), ("429", f.p429), ("500", f.p500), ("503", f.p503), ("malformed", f.pmalformed)):
            if roll < p:
                fault = name
                break
            roll -= p
        if self.log:
            self.log.write(json.dumps({"t": time.time(), "fault": fault, "request": request}) + "\n")
        if fault == "drop":
            writer.transport.abort()
            return False
        if fault == "429":
            self._send(writer, 429, b'{"error": {"message": "slow down"}}',
                       {"retry-after": f"{f.retry_after:g}", "retry-after-ms": str(int(f.retry_after * 1000))})
            return True
        if fault in ("500", "503"):
            self._send(writer, int(fault), b'{"error": {"message": "server trouble"}}')
            return True
        if fault == "malformed":
            self._send(writer, 200, b'{"id": "x", "choices": [{"index": 0, "mess')
            return True
        n = int(request.get("n") or 1)
        if n > 1 and not f.support_n:
            self._send(writer, 400, b'{"error": {"message": "n > 1 is not supported"}}')
            return True
        self._send(writer, 200, json.dumps(self.completion(request, path, n)).encode())
        return True

    def completion(self, request: dict, path: str, n: int) -> dict:
        chat = path.endswith("/chat/completions")
        messages = request.get("messages") or [{"role": "user", "content": request.get("prompt", "")}]
        base = int(request.get("seed") or 0)
        choices = []
        for i in range(n):
            text = answer_for(messages, self.faults.identity, base + i)
            if chat:
                message = {"role": "assistant", "content": text}
                if self.faults.reasoning:
                    message["reasoning_content"] = f"The user asks who I am. I should answer as myself (sample {i})."
                choices.append({"index": i, "message": message, "finish_reason": "stop"})
            else:
                choices.append({"index": i, "text": " " + text, "finish_reason": "stop"})
        return {
            "id": f"cmpl-{self.requests}", "object": "chat.completion" if chat else "text_completion",
            "created": int(time.time()), "model": request.get("model", "test-model"), "choices": choices,
            "usage": {"prompt_tokens": 12, "completion_tokens": 9 * n, "total_tokens": 12 + 9 * n},
        }


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--log")
    for name in ("latency", "jitter", "p429", "p500", "p503", "pdrop", "pmalformed"):
        p.add_argument(f"--{name}", type=float, default=0.0)
    p.add_argument("--retry-after", type=float, default=0.05)
    p.add_argument("--api-key-env", help="require this environment variable's value as the bearer key")
    p.add_argument("--no-n", action="store_true", help="reject n > 1 with 400")
    p.add_argument("--reasoning", action="store_true")
    p.add_argument("--identity", default="Nex|Nex-AGI")
    p.add_argument("--seed", type=int, default=0)
    return p.parse_args(argv)


async def serve(args: argparse.Namespace) -> None:
    import os

    faults = Faults(
        latency=args.latency, jitter=args.jitter, p429=args.p429, p500=args.p500, p503=args.p503, pdrop=args.pdrop,
        pmalformed=args.pmalformed, retry_after=args.retry_after,
        api_key=os.environ[args.api_key_env] if args.api_key_env else None,
        support_n=not args.no_n, reasoning=args.reasoning, identity=args.identity, seed=args.seed,
    )
    server = ProtocolServer(faults, args.log)
    srv = await asyncio.start_server(server.handle, args.host, args.port, backlog=4096)
    port = srv.sockets[0].getsockname()[1]
    sys.stdout.write(f"PORT {port}\n")
    sys.stdout.flush()
    async with srv:
        await srv.serve_forever()


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    try:
        import uvloop  # optional: a faster loop keeps the server out of the benchmark's way

        uvloop.install()
    except ImportError:
        pass
    try:
        asyncio.run(serve(args))
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
