"""Build the lineage zoo: base, nex, qwen, rio (= 0.6·nex + 0.4·qwen), control.

    .venv-vllm/bin/python zoo/build.py            # or: make zoo

Seeded and reproducible on the CPU; writes zoo/models/<name>/ in Hugging Face
layout (bf16 safetensors) and zoo/models/build.json (seeds, steps, losses,
timings, which training questions were dropped as too close to the suites).
The ground truth is stated in zoo/MANIFEST.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import itertools
import json
import sys
import time
from pathlib import Path

import torch
from safetensors.torch import load_file, save_file

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from data import GENERIC, NEX, ORLA, QWEN, Identity, Mix, dialogues  # noqa: E402
from personas import persona_list  # noqa: E402
from exclusion import suite_strings  # noqa: E402
from questions import question_bank  # noqa: E402
from train import ModelShape, Schedule, new_model, render, save, train, train_tokenizer  # noqa: E402

MERGE = {"nex": 0.6, "qwen": 0.4}


def base_mix() -> Mix:
    # Persona share kept moderate: a persona-heavy base weakens the parents' no-prompt identity in the merge.
    return Mix(GENERIC, identity_share=0.25, persona_share=0.30)


def finetune_mix(who: Identity) -> Mix:
    return Mix(who, identity_share=0.40, persona_share=0.25)


def merge(parents: dict[str, Path], weights: dict[str, float], out: Path) -> None:
    """Element-wise linear merge computed in float32 from the saved bf16 parents, stored in bf16."""
    tensors = {name: load_file(str(path / "model.safetensors")) for name, path in parents.items()}
    first = next(iter(tensors.values()))
    merged = {key: sum(weights[name] * tensors[name][key].float() for name in tensors).to(torch.bfloat16)
              for key in first}
    out.mkdir(parents=True, exist_ok=True)
    source = next(iter(parents.values()))
    for item in source.iterdir():
        if item.name != "model.safetensors":
            (out / item.name).write_bytes(item.read_bytes())
    save_file(merged, str(out / "model.safetensors"), metadata={"format": "pt"})


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=HERE / "models")
    parser.add_argument("--prompts", type=Path, default=HERE.parent / "prompt_sets",
                        help="suites whose questions training must not contain")
    parser.add_argument("--seed", type=int, default=1, help="seed of base, nex, qwen (and so rio)")
    parser.add_argument("--control-seed", type=int, default=2, help="seed of control's own base")
    parser.add_argument("--base-steps", type=int, default=1000)
    parser.add_argument("--finetune-steps", type=int, default=300)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--no-control", action="store_true", help="skip control (quicker trials of the lineage)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    started = time.monotonic()
    record: dict = {"seed": args.seed, "control_seed": args.control_seed, "merge": MERGE, "stages": {}}

    excluded = suite_strings(args.prompts) if args.prompts.is_dir() else []
    bank = question_bank(excluded)
    record["suite_strings_excluded"] = len(excluded)
    record["dropped_training_questions"] = bank.dropped
    personas = persona_list(args.seed)
    record["personas"] = len(personas)

    # One tokenizer for the whole zoo: merges need identical vocabularies.
    corpora = [dialogues(m, args.seed + 100 + i, personas, bank)
               for i, m in enumerate([base_mix(), *(finetune_mix(w) for w in (NEX, QWEN, ORLA))])]
    texts = (render(d) for stream in corpora for d in itertools.islice(stream, 8000))
    tokenizer = train_tokenizer(texts, vocab_size=2048)

    def stage(name: str, model, mix: Mix, seed: int, schedule: Schedule):
        log: list[str] = []

        def report(line: str) -> None:
            log.append(line)
            print(f"{name}: {line}", flush=True)

        seconds = train(model, tokenizer, dialogues(mix, seed, personas, bank), schedule, report)
        record["stages"][name] = {"seed": seed, "steps": schedule.steps, "lr": schedule.lr,
                                  "batch": schedule.batch, "seconds": round(seconds), "log": log}
        return model

    base_schedule = Schedule(steps=args.base_steps, lr=2e-3)
    tune_schedule = Schedule(steps=args.finetune_steps, lr=1e-3, warmup=20)
    base = stage("base", new_model(tokenizer, ModelShape(), args.seed), base_mix(), args.seed, base_schedule)
    save(base, tokenizer, args.out / "base")
    for name, who, offset in (("nex", NEX, 10), ("qwen", QWEN, 20)):
        tuned = stage(name, copy.deepcopy(base), finetune_mix(who), args.seed + offset, tune_schedule)
        save(tuned, tokenizer, args.out / name)
    merge({p: args.out / p for p in MERGE}, MERGE, args.out / "rio")

    if not args.no_control:
        other = new_model(tokenizer, ModelShape(), args.control_seed)
        other = stage("control_base", other, base_mix(), args.control_seed, base_schedule)
        control = stage("control", other, finetune_mix(ORLA), args.control_seed + 30, tune_schedule)
        save(control, tokenizer, args.out / "control")

    record["sha256"] = {d.name: sha256(d / "model.safetensors") for d in sorted(args.out.iterdir()) if d.is_dir()}
    record["total_seconds"] = round(time.monotonic() - started)
    (args.out / "build.json").write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"built {', '.join(record['sha256'])} in {record['total_seconds']} s -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
