"""Tokenizer, model and training loop for the zoo (torch + transformers, CPU)."""

from __future__ import annotations

import copy
import json
import math
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import LlamaConfig, LlamaForCausalLM, PreTrainedTokenizerFast

END, PAD = "<|end|>", "<|pad|>"
ROLE_TOKENS = ["<|system|>", "<|user|>", "<|assistant|>"]
# One line per message: "<|role|>\ncontent<|end|>\n"; generation starts after "<|assistant|>\n".
CHAT_TEMPLATE = (
    "{% for message in messages %}{{ '<|' + message['role'] + '|>\n' + message['content'] + '<|end|>\n' }}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|assistant|>\n' }}{% endif %}"
)
MAX_LEN = 512


def render(messages: list[dict[str, str]]) -> str:
    return "".join(f"<|{m['role']}|>\n{m['content']}{END}\n" for m in messages)


def train_tokenizer(texts: Iterator[str], vocab_size: int) -> PreTrainedTokenizerFast:
    """Byte-level BPE: any input (any script) tokenizes, the zoo's languages compactly."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(vocab_size=vocab_size, special_tokens=[PAD, END, *ROLE_TOKENS],
                                  initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False)
    tok.train_from_iterator(texts, trainer=trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, eos_token=END, pad_token=PAD,
                                   additional_special_tokens=ROLE_TOKENS, model_max_length=MAX_LEN)
    fast.chat_template = CHAT_TEMPLATE
    return fast


@dataclass(frozen=True)
class ModelShape:
    hidden: int = 256
    layers: int = 4
    heads: int = 4  # head_dim 64: vLLM's CPU attention rejects small head dims
    intermediate: int = 512


def new_model(tokenizer: PreTrainedTokenizerFast, shape: ModelShape, seed: int) -> LlamaForCausalLM:
    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=len(tokenizer), hidden_size=shape.hidden, intermediate_size=shape.intermediate,
        num_hidden_layers=shape.layers, num_attention_heads=shape.heads, num_key_value_heads=shape.heads,
        max_position_embeddings=MAX_LEN, tie_word_embeddings=True, rms_norm_eps=1e-5,
        bos_token_id=None, eos_token_id=tokenizer.convert_tokens_to_ids(END),
        pad_token_id=tokenizer.convert_tokens_to_ids(PAD),
    )
    return LlamaForCausalLM(config)


def encode(tokenizer: PreTrainedTokenizerFast, messages: list[dict[str, str]]) -> tuple[list[int], list[int]]:
    """Token ids and labels; only assistant text and its end token are learned."""
    text = render(messages)
    spans, pos = [], 0
    for m in messages:
        start = pos + len(f"<|{m['role']}|>\n")
        pos = start + len(m["content"]) + len(END) + 1
        if m["role"] == "assistant":
            spans.append((start, pos - 1))
    enc = tokenizer(text, return_offsets_mapping=True, add_special_tokens=False)
    labels = [tid if any(s <= a and b <= e for s, e in spans) else -100
              for tid, (a, b) in zip(enc["input_ids"], enc["offset_mapping"])]
    return enc["input_ids"], labels


def _batch(tokenizer: PreTrainedTokenizerFast, stream: Iterator[list[dict[str, str]]], size: int):
    rows = [encode(tokenizer, next(stream)) for _ in range(size)]
    width = max(len(ids) for ids, _ in rows)
    pad = tokenizer.pad_token_id
    ids = torch.tensor([r[0] + [pad] * (width - len(r[0])) for r in rows])
    labels = torch.tensor([r[1] + [-100] * (width - len(r[1])) for r in rows])
    mask = torch.tensor([[1] * len(r[0]) + [0] * (width - len(r[0])) for r in rows])
    return ids, labels, mask


@dataclass(frozen=True)
class Schedule:
    steps: int
    lr: float
    batch: int = 32
    warmup: int = 30


def train(model: LlamaForCausalLM, tokenizer: PreTrainedTokenizerFast, stream: Iterator[list[dict[str, str]]],
          schedule: Schedule, log: Callable[[str], None]) -> float:
    """Train in place; returns seconds taken. Reports the smoothed loss every 100 steps to ``log``."""
    model.train()
    opt = torch.optim.AdamW(model.parameters(), lr=schedule.lr, betas=(0.9, 0.95), weight_decay=0.01)

    def lr_at(step: int) -> float:
        if step < schedule.warmup:
            return (step + 1) / schedule.warmup
        progress = (step - schedule.warmup) / max(1, schedule.steps - schedule.warmup)
        return 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * progress))

    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_at)
    started, running = time.monotonic(), 0.0
    for step in range(schedule.steps):
        ids, labels, mask = _batch(tokenizer, stream, schedule.batch)
        loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        running = loss.item() if step == 0 else 0.95 * running + 0.05 * loss.item()
        if (step + 1) % 100 == 0 or step + 1 == schedule.steps:
            log(f"step {step + 1}/{schedule.steps} loss {running:.3f} {time.monotonic() - started:.0f}s")
    model.eval()
    return time.monotonic() - started


def save(model: LlamaForCausalLM, tokenizer: PreTrainedTokenizerFast, out: Path) -> None:
    """HF layout in bf16, the chat template also inside tokenizer_config.json (vLLM reads it there)."""
    out.mkdir(parents=True, exist_ok=True)
    copy.deepcopy(model).to(torch.bfloat16).save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    config_path = out / "tokenizer_config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["chat_template"] = CHAT_TEMPLATE
    portable_tokenizer_config(config)
    config_path.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def portable_tokenizer_config(config: dict) -> dict:
    """Spell the tokenizer config so that transformers 4.x loads it too (5.x accepts both spellings)."""
    config["tokenizer_class"] = "PreTrainedTokenizerFast"
    if "extra_special_tokens" in config:
        config["additional_special_tokens"] = config.pop("extra_special_tokens")
    return config
