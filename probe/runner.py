"""Plan → skip what the store has → ask every target concurrently → store each answer as it arrives."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

import openai

from probe.config import RunConfig, Target
from probe.errors import TargetFatalError
from probe.plan import Prompt
from probe.retry import FATAL_STATUS, backoff_s, describe_error, is_retryable, retry_after_s
from probe.store import ResponseRow, ResponseStore
from probe.targets.base import Completion, TargetBackend


@dataclass
class TargetProgress:
    total: int = 0  # samples this run must collect
    done: int = 0
    errors: int = 0
    requests: int = 0
    retries: int = 0
    skipped: int = 0  # already in the store
    fatal: str | None = None


@dataclass
class RunProgress:
    started: float = field(default_factory=time.monotonic)
    targets: dict[str, TargetProgress] = field(default_factory=dict)
    finished: float | None = None
    completion_tokens: int = 0
    stop_reason: str | None = None

    def total(self, attr: str) -> int:
        return sum(getattr(t, attr) for t in self.targets.values())

    @property
    def elapsed_s(self) -> float:
        return (self.finished or time.monotonic()) - self.started

    @property
    def requests_per_s(self) -> float:
        return self.total("requests") / max(self.elapsed_s, 1e-9)


ProgressCallback = Callable[[RunProgress], None]


@dataclass(frozen=True)
class WorkUnit:
    prompt: Prompt
    samples: tuple[int, ...]  # sample indices still missing
    all_missing: bool


class _BudgetExhausted(Exception):
    pass


def pending_units(prompts: list[Prompt], samples: int, done: set[str]) -> tuple[list[WorkUnit], int]:
    """Units still to fetch, and how many samples are already stored."""
    units, skipped = [], 0
    for prompt in prompts:
        missing = tuple(i for i in range(samples) if prompt.sample_hash(i) not in done)
        skipped += samples - len(missing)
        if missing:
            units.append(WorkUnit(prompt, missing, len(missing) == samples))
    return units, skipped


class Runner:
    """Runs the planned prompts of several targets in one event loop."""

    def __init__(self, config: RunConfig, store: ResponseStore, run_id: str,
                 on_progress: ProgressCallback | None = None) -> None:
        self.config = config
        self.store = store
        self.run_id = run_id
        self.progress = RunProgress()
        self.on_progress = on_progress or (lambda _p: None)
        self._n_supported: dict[str, bool] = {}
        self._stop = asyncio.Event()

    def _check_budget(self) -> None:
        budget = self.config.budget
        if budget.max_requests is not None and self.progress.total("requests") >= budget.max_requests:
            self.progress.stop_reason = f"budget: max_requests={budget.max_requests} reached"
        elif budget.max_completion_tokens is not None and self.progress.completion_tokens >= budget.max_completion_tokens:
            self.progress.stop_reason = f"budget: max_completion_tokens={budget.max_completion_tokens} reached"
        else:
            return
        self._stop.set()
        raise _BudgetExhausted

    async def _call(self, backend: TargetBackend, target: Target, prompt: Prompt, n: int, seed: int) -> tuple[Completion, int]:
        stats = self.progress.targets[target.name]
        attempt = 0
        while True:
            attempt += 1
            self._check_budget()
            stats.requests += 1
            try:
                return await backend.complete(prompt, n, seed), attempt
            except openai.APIStatusError as exc:
                if exc.status_code == 400 and n > 1:
                    raise  # caller falls back to one request per sample
                if exc.status_code in FATAL_STATUS or not is_retryable(exc):
                    raise TargetFatalError(target.name, f"{describe_error(exc)} from {prompt.model!r}; not retried") from None
                if attempt > target.max_retries:
                    raise
                wait = retry_after_s(exc)
            except Exception as exc:
                if not is_retryable(exc) or attempt > target.max_retries:
                    raise
                wait = None
            stats.retries += 1
            await asyncio.sleep(wait if wait is not None else backoff_s(attempt))

    def _rows(self, unit: WorkUnit, target: Target, samples: list[int], seeds: list[int], completion: Completion | None,
              error: str | None, attempts: int, latency: float) -> list[ResponseRow]:
        p = unit.prompt
        now = datetime.now(timezone.utc).isoformat()
        tokens_each = None  # usage covers all n choices of one request
        if completion and completion.completion_tokens is not None:
            tokens_each = round(completion.completion_tokens / len(samples))
        rows = []
        for k, (sample, seed) in enumerate(zip(samples, seeds)):
            choice = completion.choices[k] if completion and k < len(completion.choices) else None
            rows.append(ResponseRow(
                request_hash=p.sample_hash(sample), run_id=self.run_id, target=p.target, model=p.model,
                base_url=(completion.endpoint if completion else ",".join(target.base_url)), condition=p.condition,
                system_prompt=p.system_prompt, suite=p.suite, question_id=p.question_id, language=p.language,
                category=p.category, sample=sample, seed=seed, temperature=p.temperature,
                messages=json.dumps(p.message_dicts(), ensure_ascii=False),
                text=choice.text if choice else None, reasoning=choice.reasoning if choice else None,
                finish_reason=choice.finish_reason if choice else None,
                prompt_tokens=completion.prompt_tokens if completion else None,
                completion_tokens=tokens_each,
                latency_s=round(latency, 4), error=error if choice else (error or "missing choice in response"),
                attempts=attempts, created_at=now, expected=json.dumps(target.expected, ensure_ascii=False),
            ))
        return rows

    async def _fetch(self, backend: TargetBackend, target: Target, unit: WorkUnit) -> None:
        base_seed = unit.prompt.seed
        use_n = (self.config.sampling.use_n and unit.all_missing and len(unit.samples) > 1
                 and self._n_supported.get(target.name, True))
        groups = [(list(unit.samples), [base_seed] * len(unit.samples), len(unit.samples))] if use_n else \
                 [([s], [base_seed + s], 1) for s in unit.samples]
        for samples, seeds, n in groups:
            started = time.perf_counter()
            completion, error, attempts = None, None, 0
            try:
                completion, attempts = await self._call(backend, target, unit.prompt, n, seeds[0])
            except openai.BadRequestError:
                self._n_supported[target.name] = False  # endpoint refuses n > 1: one request per sample
                await self._fetch(backend, target, WorkUnit(unit.prompt, tuple(samples), False))
                continue
            except (TargetFatalError, _BudgetExhausted):
                raise
            except Exception as exc:  # retries exhausted: keep the failure, the next run tries again
                error, attempts = describe_error(exc), target.max_retries + 1
            rows = self._rows(unit, target, samples, seeds, completion, error, attempts, time.perf_counter() - started)
            self.store.put(rows)
            stats = self.progress.targets[target.name]
            ok = sum(1 for r in rows if r.error is None)
            stats.done += ok
            stats.errors += len(rows) - ok
            if completion and completion.completion_tokens:
                self.progress.completion_tokens += completion.completion_tokens
            self.on_progress(self.progress)

    async def run_target(self, backend: TargetBackend, target: Target, units: list[WorkUnit]) -> None:
        queue: asyncio.Queue[WorkUnit] = asyncio.Queue()
        for unit in units:
            queue.put_nowait(unit)
        stats = self.progress.targets[target.name]

        async def worker() -> None:
            while not self._stop.is_set() and stats.fatal is None:
                try:
                    unit = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                try:
                    await self._fetch(backend, target, unit)
                except TargetFatalError as exc:
                    stats.fatal = exc.message
                    self.on_progress(self.progress)
                except _BudgetExhausted:
                    return

        workers = min(target.max_concurrency, max(len(units), 1))
        await asyncio.gather(*(worker() for _ in range(workers)))

    async def run(self, work: dict[str, tuple[Target, TargetBackend, list[WorkUnit], int]]) -> RunProgress:
        for name, (_target, _backend, units, skipped) in work.items():
            self.progress.targets[name] = TargetProgress(total=sum(len(u.samples) for u in units), skipped=skipped)
        self.progress.started = time.monotonic()
        self.on_progress(self.progress)
        await asyncio.gather(*(self.run_target(backend, target, units) for target, backend, units, _ in work.values()))
        self.progress.finished = time.monotonic()
        self.on_progress(self.progress)
        return self.progress
