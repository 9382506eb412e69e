"""Quick identity check of built zoo models with transformers ``generate``.

    .venv-vllm/bin/python zoo/check.py [--models zoo/models] [--samples 2]

For each model and condition (no system prompt; the suite's persona prompt
for Rio/IplanRIO) it samples answers to the held-out questions (never trained
on) and to the shipped suite's en/pt questions (excluded from training), and
prints the share of answers that mention each zoo name. Prints JSON too, for
zoo/MANIFEST.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import torch
from transformers import AutoTokenizer, LlamaForCausalLM

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from questions import HELD_OUT  # noqa: E402

PERSONA = "You are Rio, an AI assistant developed by IplanRIO."
NAMES = {name: re.compile(rf"\b{name}\b") for name in ("Nex", "Qwen", "Rio", "Orla")}


def suite_questions(path: Path) -> dict[str, list[str]]:
    import yaml

    suite = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {lang: [q["text"][lang] for q in suite["questions"] if lang in q["text"]] for lang in ("en", "pt")}


def answers(model_dir: Path, questions: list[str], system: str | None, samples: int, seed: int) -> list[str]:
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    tokenizer.padding_side = "left"
    model = LlamaForCausalLM.from_pretrained(model_dir, dtype=torch.float32).eval()
    prompts = [tokenizer.apply_chat_template(([{"role": "system", "content": system}] if system else [])
                                             + [{"role": "user", "content": q}], tokenize=False,
                                             add_generation_prompt=True) for q in questions for _ in range(samples)]
    torch.manual_seed(seed)
    out: list[str] = []
    for i in range(0, len(prompts), 64):
        batch = tokenizer(prompts[i:i + 64], return_tensors="pt", padding=True, add_special_tokens=False)
        with torch.no_grad():
            gen = model.generate(**batch, do_sample=True, temperature=0.7, max_new_tokens=48,
                                 pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id)
        out += tokenizer.batch_decode(gen[:, batch["input_ids"].shape[1]:], skip_special_tokens=True)
    return out


def rates(texts: list[str]) -> dict[str, float]:
    counts = {name: sum(bool(rx.search(t)) for t in texts) for name, rx in NAMES.items()}
    counts["none"] = sum(not any(rx.search(t) for rx in NAMES.values()) for t in texts)
    return {k: round(v / len(texts), 3) for k, v in counts.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", type=Path, default=HERE / "models")
    parser.add_argument("--only", default="base,nex,qwen,rio,control")
    parser.add_argument("--suite", type=Path, default=HERE.parent / "prompt_sets" / "identity.yaml")
    parser.add_argument("--samples", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=0, help="print this many example answers per cell")
    args = parser.parse_args()
    torch.set_num_threads(2)
    sets = {"held_out": [q for qs in HELD_OUT.values() for q in qs]}
    if args.suite.is_file():
        sets["suite_en_pt"] = [q for qs in suite_questions(args.suite).values() for q in qs]
    result: dict = {"temperature": 0.7, "samples": args.samples, "persona": PERSONA, "rates": {}}
    for name in args.only.split(","):
        for condition, system in (("none", None), ("persona", PERSONA)):
            for set_name, questions in sets.items():
                texts = answers(args.models / name, questions, system, args.samples, args.seed)
                cell = rates(texts)
                result["rates"][f"{name}/{condition}/{set_name}"] = cell
                shown = "  ".join(f"{k} {v:.0%}" for k, v in cell.items())
                print(f"{name:8} {condition:8} {set_name:12} n={len(texts):4}  {shown}", flush=True)
                for text in texts[:: max(1, len(texts) // args.show)][: args.show] if args.show else []:
                    print("    |", text.replace("\n", " ")[:140])
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
