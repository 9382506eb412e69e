"""Target backends: OpenAI-compatible HTTP (one URL or replicas) and vLLM in-process."""

from __future__ import annotations

from probe.config import Target
from probe.targets.base import Choice, Completion, TargetBackend


def make_backend(target: Target) -> TargetBackend:
    if target.kind == "vllm":
        from probe.targets.vllm_offline import VLLMOfflineTarget

        return VLLMOfflineTarget(target)
    from probe.targets.openai_compat import OpenAICompatTarget

    return OpenAICompatTarget(target)


__all__ = ["Choice", "Completion", "TargetBackend", "make_backend"]
