"""Which failures are worth another try, and how long to wait before it."""

from __future__ import annotations

import email.utils
import random
import time

import openai

RETRYABLE = (openai.RateLimitError, openai.InternalServerError, openai.APITimeoutError, openai.APIConnectionError,
             openai.APIResponseValidationError)
FATAL_STATUS = {400, 401, 403, 404}
MAX_WAIT_S = 120.0


def is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, RETRYABLE):
        return True
    if isinstance(exc, openai.APIStatusError):
        return exc.status_code in (408, 409) or exc.status_code >= 500
    return False


def retry_after_s(exc: BaseException) -> float | None:
    """The server's own wait hint (``retry-after-ms`` or ``Retry-After`` seconds or HTTP date)."""
    response = getattr(exc, "response", None)
    if response is None:
        return None
    headers = response.headers
    try:
        if (ms := headers.get("retry-after-ms")) is not None:
            return min(float(ms) / 1000.0, MAX_WAIT_S)
        if (value := headers.get("retry-after")) is not None:
            try:
                return min(float(value), MAX_WAIT_S)
            except ValueError:
                when = email.utils.parsedate_to_datetime(value)
                return min(max(when.timestamp() - time.time(), 0.0), MAX_WAIT_S)
    except (TypeError, ValueError):
        return None
    return None


def backoff_s(attempt: int, base: float = 0.25, cap: float = 30.0, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter (attempt 1 → up to ``base`` seconds)."""
    rng = rng or random
    return rng.uniform(0, min(cap, base * 2 ** (attempt - 1)))


def describe_error(exc: BaseException) -> str:
    """A short, secret-free description for the store (never headers or the request)."""
    if isinstance(exc, openai.APIStatusError):
        return f"{type(exc).__name__}: HTTP {exc.status_code}"
    return type(exc).__name__
