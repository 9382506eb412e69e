"""``probe weights``: per-tensor merge fit of a suspect checkpoint against a base and donor(s)."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from probe.weights import Progress, fit_checkpoints, render_weights_section
from probe.weights.gram import DEFAULT_CHUNK_ELEMS


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("weights", help="fit suspect − base ≈ α·(donor − base) tensor by tensor (safetensors)",
                              description="Per-tensor least-squares merge fit on safetensors checkpoints "
                                          "(single file or sharded with model.safetensors.index.json).")
    p.add_argument("--suspect", required=True, help="checkpoint directory of the model under audit")
    p.add_argument("--base", required=True, help="common base checkpoint (deltas are taken from it)")
    p.add_argument("--donor", required=True, action="append", help="candidate parent; repeat for a mixture fit")
    p.add_argument("--null", help="an unrelated checkpoint of the same architecture, fitted the same way as a null")
    p.add_argument("--output", default="weights.json", help="where to write the result (default: weights.json)")
    p.add_argument("--chunk-elems", type=int, default=DEFAULT_CHUNK_ELEMS, help=argparse.SUPPRESS)
    p.set_defaults(func=run)


def _progress_printer() -> tuple[Callable[[Progress], None], Callable[[], None]]:
    """A tqdm bar on a terminal; otherwise a plain line at every tenth of the bytes."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        bars: list[tqdm] = []  # made on the first event, when the total is known

        def on_tty(p: Progress) -> None:
            if not bars:
                # explicit size: tqdm hides its bar on a pty that reports 0×0 (shutil falls back to 80×24)
                size = shutil.get_terminal_size()
                bars.append(tqdm(total=p.bytes_total, unit="B", unit_scale=True, unit_divisor=1024, desc="weights",
                                 file=sys.stderr, ncols=min(size.columns, 100), nrows=size.lines))
            bars[0].update(p.bytes_done - bars[0].n)
            bars[0].set_postfix_str(f"{p.tensors_done}/{p.tensors_total} tensors", refresh=False)

        return on_tty, lambda: [b.close() for b in bars]
    next_tenth = [1]

    def plain(p: Progress) -> None:
        if p.bytes_done * 10 >= next_tenth[0] * p.bytes_total or p.tensors_done == p.tensors_total:
            print(f"weights: {p.tensors_done}/{p.tensors_total} tensors, "
                  f"{p.bytes_done / 1e9:.2f}/{p.bytes_total / 1e9:.2f} GB", file=sys.stderr, flush=True)
            next_tenth[0] = p.bytes_done * 10 // p.bytes_total + 1

    return plain, lambda: None


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.4f}"


def run(args: argparse.Namespace) -> int:
    on_progress, finish = _progress_printer()
    try:
        result = fit_checkpoints(args.suspect, args.base, args.donor, args.null,
                                 chunk_elems=args.chunk_elems, progress=on_progress)
    finally:
        finish()
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1, allow_nan=False), encoding="utf-8")
    section = render_weights_section(result)
    print(f"{'kind':<20} {'tensors':>7} {'median α':>9} {'α IQR':>8} {'cos_fit':>8} {'null cos':>9}")
    for row in section["rows"]:
        print(f"{row['kind']:<20} {row['n_tensors']:>7} {_fmt(row['median_alpha']):>9} {_fmt(row['alpha_iqr']):>8} "
              f"{_fmt(row['median_cos_fit']):>8} {_fmt(row['null_cos_fit']):>9}")
    print(section["finding"])
    gbps = result["bytes_read"] / 1e9 / max(result["seconds"], 1e-9)
    print(f"wrote {out} ({len(result['tensors'])} tensors, {len(result['skipped'])} skipped, "
          f"{result['bytes_read'] / 1e9:.2f} GB at {gbps:.2f} GB/s)")
    return 0
