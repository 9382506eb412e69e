"""Open-weights evidence: per-tensor merge fits of a suspect against a base and donor checkpoints.

    fit_checkpoints(suspect, base, [donor, ...], null=None) -> dict   # the weights.json content
    summarise_for_report(path) -> dict                               # rows by kind + one-line finding

weights.json: {"suspect", "base", "donors", "method", "tensors": [{name, kind, shape, dtype, alpha, cos_fit,
residual, [per_donor], [w1, w2, ..., mix_residual], [null_alpha, null_cos_fit], perm_cos_fit}], "skipped",
"summary": {"overall", "by_kind"}, "null": {"checkpoint", "permutation"}, "bytes_read", "seconds"}.
"""

from __future__ import annotations

from probe.weights.analysis import Progress, fit_checkpoints
from probe.weights.kinds import KINDS, module_kind
from probe.weights.reader import Checkpoint, TensorInfo, open_checkpoint
from probe.weights.report import render_weights_section, summarise_for_report

__all__ = ["KINDS", "Checkpoint", "Progress", "TensorInfo", "fit_checkpoints", "module_kind", "open_checkpoint",
           "render_weights_section", "summarise_for_report"]
