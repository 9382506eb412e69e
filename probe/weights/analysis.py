"""Run the merge fit over whole checkpoints: plan the common tensors, stream each once, summarise.

The result is the plain dict written as weights.json (see ``probe/weights/__init__.py``).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from probe.errors import ProbeInputError
from probe.weights import dtypes
from probe.weights.fit import fit_tensor
from probe.weights.gram import DEFAULT_CHUNK_ELEMS, GramAccumulator, Layout
from probe.weights.kinds import module_kind
from probe.weights.reader import Checkpoint, open_checkpoint
from probe.weights.summary import FittedTensor, summarise, summarise_null

METHOD = {
    "alpha": "least squares of (suspect - base) ≈ alpha·(donor - base) per tensor; donor = the first --donor",
    "cos_fit": "cosine between suspect - base and donor - base",
    "residual": "||(suspect - base) - alpha·(donor - base)|| / ||suspect - base||",
    "mixture": "with 2+ donors: least squares of suspect ≈ sum w_i·donor_i on the raw weights (no base subtracted)",
    "null": "the same fit against --null (an unrelated checkpoint) and against a position-shuffled donor delta",
}


@dataclass(frozen=True)
class Progress:
    tensors_done: int
    tensors_total: int
    bytes_done: int
    bytes_total: int
    name: str


def plan_tensors(suspect: Checkpoint, others: list[Checkpoint]) -> tuple[list[str], list[dict[str, str]]]:
    """Tensors to fit (present everywhere, same shape, float) in the suspect's on-disk order, and the skipped ones."""
    names, skipped = [], []
    everywhere = set(suspect.tensors).intersection(*(c.tensors for c in others))
    for name in sorted(set(suspect.tensors).union(*(c.tensors for c in others)) - everywhere):
        skipped.append({"name": name, "reason": "not in every checkpoint"})
    for name in sorted(everywhere, key=lambda n: (str(suspect.tensors[n].file), suspect.tensors[n].start)):
        infos = [suspect.tensors[name], *(c.tensors[name] for c in others)]
        if len({i.shape for i in infos}) > 1:
            skipped.append({"name": name, "reason": "shapes differ: " + " vs ".join(str(list(i.shape)) for i in infos)})
        elif not all(dtypes.is_float(i.dtype) for i in infos):
            skipped.append({"name": name, "reason": "unsupported dtype: " + "/".join(sorted({i.dtype for i in infos}))})
        elif infos[0].numel == 0:
            skipped.append({"name": name, "reason": "empty tensor"})
        else:
            names.append(name)
    return names, skipped


def json_safe(value: object) -> object:
    """NaN/inf (from non-finite weights) become None so weights.json stays strict JSON."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [json_safe(v) for v in value]
    return value


def fit_checkpoints(suspect: str | Path, base: str | Path, donors: list[str | Path], null: str | Path | None = None,
                    *, chunk_elems: int = DEFAULT_CHUNK_ELEMS,
                    progress: Callable[[Progress], None] | None = None) -> dict[str, object]:
    """Fit the suspect against base and donors tensor by tensor; returns the weights.json dict."""
    if not donors:
        raise ProbeInputError("--donor", "at least one donor checkpoint is needed")
    started = time.perf_counter()
    with ExitStack() as stack:
        s_ck = stack.enter_context(open_checkpoint(suspect, "--suspect"))
        b_ck = stack.enter_context(open_checkpoint(base, "--base"))
        d_cks = [stack.enter_context(open_checkpoint(d, "--donor")) for d in donors]
        n_ck = stack.enter_context(open_checkpoint(null, "--null")) if null is not None else None
        others = [b_ck, *d_cks, *([n_ck] if n_ck else [])]
        names, skipped = plan_tensors(s_ck, others)
        if not names:
            raise ProbeInputError(f"--suspect {suspect}", "no tensor has the same name and shape in every checkpoint")
        layout = Layout(len(d_cks), n_ck is not None)
        accumulator = GramAccumulator(layout, chunk_elems)
        sizes = [sum(c.tensors[n].nbytes for c in (s_ck, *others)) for n in names]
        total, done = sum(sizes), 0
        fitted: list[FittedTensor] = []
        for ck in (s_ck, *others):
            ck.prefetch(names[0])
        for i, (name, size) in enumerate(zip(names, sizes, strict=True)):
            if i + 1 < len(names):
                for ck in (s_ck, *others):
                    ck.prefetch(names[i + 1])
            info = s_ck.tensors[name]
            tg = accumulator.accumulate(name, s_ck, b_ck, d_cks, n_ck)
            fit = fit_tensor(name, module_kind(name), info.shape, info.dtype, tg.gram, tg.perm_dot, layout)
            fitted.append(FittedTensor(fit, tg.gram, tg.perm_dot, info.numel))
            done += size
            if progress is not None:
                progress(Progress(i + 1, len(names), done, total, name))
    return json_safe({
        "suspect": str(suspect), "base": str(base), "donors": [str(d) for d in donors],
        "method": METHOD, "chunk_elems": chunk_elems,
        "tensors": [f.fit.to_json() for f in fitted],
        "skipped": skipped,
        "summary": summarise(fitted, layout),
        "null": summarise_null(fitted, layout, str(null) if null is not None else None),
        "bytes_read": total, "seconds": time.perf_counter() - started,
    })
