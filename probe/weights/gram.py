"""One streaming pass over a tensor in every checkpoint → a small Gram matrix of float64 inner products.

Columns: the suspect delta s = S − base, each donor delta d_i = D_i − base, the null delta n = N − base
(when a null checkpoint is given), and the raw base b. Every fit (per donor, pooled, the raw mixture
S ≈ Σ w_i·D_i via R = delta + b) is algebra on this matrix, so each tensor is read exactly once and
memory is bounded by ``chunk_elems`` × columns × 8 bytes, whatever the tensor's size.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from probe.weights.reader import Checkpoint

# 512 KB per float64 column: the workspace stays cache-resident, which measured faster than 1M-element chunks.
DEFAULT_CHUNK_ELEMS = 1 << 16


@dataclass(frozen=True)
class Layout:
    """Where each checkpoint's column sits in the Gram matrix."""

    n_donors: int
    has_null: bool

    @property
    def size(self) -> int:
        return self.n_donors + 2 + int(self.has_null)

    @property
    def donors(self) -> range:
        return range(1, self.n_donors + 1)

    @property
    def null(self) -> int | None:
        return self.n_donors + 1 if self.has_null else None

    @property
    def base(self) -> int:
        return self.size - 1


@dataclass
class TensorGram:
    gram: np.ndarray  # (size, size) float64
    perm_dot: float  # <s, P d_1>, P = swap the two halves of each chunk: the permutation null


class GramAccumulator:
    """Reusable float64 workspace; ``accumulate`` streams one tensor name through all checkpoints."""

    def __init__(self, layout: Layout, chunk_elems: int = DEFAULT_CHUNK_ELEMS) -> None:
        if chunk_elems < 1:
            raise ValueError("chunk_elems must be positive")
        self.layout = layout
        self.chunk_elems = chunk_elems
        self._work = np.empty((layout.size, chunk_elems), dtype=np.float64)

    def accumulate(self, name: str, suspect: Checkpoint, base: Checkpoint, donors: list[Checkpoint],
                   null: Checkpoint | None = None) -> TensorGram:
        layout = self.layout
        others = [suspect, *donors, *([null] if null is not None else [])]
        if len(donors) != layout.n_donors or (null is not None) != layout.has_null:
            raise ValueError("checkpoints do not match the layout")
        streams = [c.iter_chunks(name, self.chunk_elems) for c in (base, *others)]
        gram = np.zeros((layout.size, layout.size), dtype=np.float64)
        perm_dot = 0.0
        for chunks in zip(*streams, strict=True):
            count = chunks[0].size
            work = self._work[:, :count]
            work[layout.base] = chunks[0]
            for row, chunk in enumerate(chunks[1:]):
                np.subtract(chunk, work[layout.base], out=work[row])
            gram += work @ work.T
            half = count // 2
            # einsum, not np.dot: 1-D BLAS dots are threaded by OpenBLAS and crawl on a busy 2-core machine.
            perm_dot += float(np.einsum("i,i->", work[0, :half], work[1, half:2 * half]))
            perm_dot += float(np.einsum("i,i->", work[0, half:2 * half], work[1, :half]))
        return TensorGram(gram, perm_dot)
