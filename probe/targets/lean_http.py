"""A lean HTTP/1.1 keep-alive transport for the request hot path.

The ``openai`` client spends 2–3 ms of CPU per request building options and
validating models, which caps a 2-core machine well below what a vLLM server
can answer (see bench/throughput.py). This transport sends the same JSON body
over pooled asyncio streams and raises the ``openai`` package's own exception
types (built by the client's own status mapping), so retry logic and callers
see exactly the client's error semantics.
"""

from __future__ import annotations

import asyncio
import ssl
from collections import deque
from urllib.parse import urlsplit

import httpx2
import openai


class _Connection:
    __slots__ = ("reader", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer

    def close(self) -> None:
        self.writer.close()


class LeanHTTP:
    """POST JSON to one base URL over a pool of keep-alive connections."""

    def __init__(self, base_url: str, headers: dict[str, str], client: openai.AsyncOpenAI, max_idle: int = 1024) -> None:
        parts = urlsplit(base_url)
        self.base_url = base_url.rstrip("/")
        self.host = parts.hostname or "127.0.0.1"
        self.tls = parts.scheme == "https"
        self.port = parts.port or (443 if self.tls else 80)
        self.prefix = parts.path.rstrip("/")
        self.host_header = parts.netloc
        self.headers = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self._client = client  # only for its status-code → exception mapping
        self._idle: deque[_Connection] = deque()
        self._max_idle = max_idle
        self._ssl = ssl.create_default_context() if self.tls else None

    async def _connect(self) -> _Connection:
        while self._idle:
            conn = self._idle.pop()
            if not conn.reader.at_eof() and not conn.writer.is_closing():
                return conn
            conn.close()
        reader, writer = await asyncio.open_connection(self.host, self.port, ssl=self._ssl, limit=1 << 22)
        return _Connection(reader, writer)

    def _request(self, path: str) -> httpx2.Request:
        return httpx2.Request("POST", f"{self.base_url}{path}")

    async def post_json(self, path: str, body: bytes, timeout: float) -> bytes:
        """Send one request; return the 2xx body or raise an ``openai`` exception."""
        try:
            async with asyncio.timeout(timeout):
                status, headers, payload = await self._exchange(path, body)
        except TimeoutError:
            raise openai.APITimeoutError(request=self._request(path)) from None
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            raise openai.APIConnectionError(message=f"Connection error: {type(exc).__name__}", request=self._request(path)) from None
        if status >= 300:
            response = httpx2.Response(status, headers=headers, content=payload, request=self._request(path))
            raise self._client._make_status_error_from_response(response)
        return payload

    async def _exchange(self, path: str, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        conn = await self._connect()
        reusable = False
        try:
            head = (
                f"POST {self.prefix}{path} HTTP/1.1\r\nhost: {self.host_header}\r\n{self.headers}"
                f"content-type: application/json\r\naccept: application/json\r\ncontent-length: {len(body)}\r\n\r\n"
            )
            conn.writer.write(head.encode("latin-1") + body)
            raw_head = await conn.reader.readuntil(b"\r\n\r\n")
            lines = raw_head.decode("latin-1").split("\r\n")
            status = int(lines[0].split(" ", 2)[1])
            headers = []
            length = None
            chunked = False
            close = False
            for line in lines[1:]:
                if not line:
                    continue
                key, _, value = line.partition(":")
                key, value = key.strip().lower(), value.strip()
                headers.append((key, value))
                if key == "content-length":
                    length = int(value)
                elif key == "transfer-encoding" and "chunked" in value.lower():
                    chunked = True
                elif key == "connection" and value.lower() == "close":
                    close = True
            if chunked:
                payload = await self._read_chunked(conn.reader)
            elif length is not None:
                payload = await conn.reader.readexactly(length)
            else:
                payload = await conn.reader.read()
                close = True
            reusable = not close
            return status, headers, payload
        finally:
            if reusable and len(self._idle) < self._max_idle:
                self._idle.append(conn)
            else:
                conn.close()

    @staticmethod
    async def _read_chunked(reader: asyncio.StreamReader) -> bytes:
        parts = []
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0].strip(), 16)
            if size == 0:
                await reader.readuntil(b"\r\n")
                return b"".join(parts)
            parts.append(await reader.readexactly(size))
            await reader.readexactly(2)

    async def aclose(self) -> None:
        while self._idle:
            self._idle.pop().close()
