"""Minimal safetensors writer, streaming: header from the specs first, then tensors in order.

Exists because ``safetensors.numpy.save_file`` cannot write bfloat16 and needs every tensor in
memory at once; the tests and the benchmark build checkpoints with it (bf16, multi-GB, sharded).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from probe.weights import dtypes


@dataclass(frozen=True)
class TensorSpec:
    name: str
    shape: tuple[int, ...]
    dtype: str = "F32"  # "F32", "F16", "BF16", "F64"

    @property
    def nbytes(self) -> int:
        return math.prod(self.shape) * dtypes.ITEMSIZE[self.dtype]


class SafetensorsWriter:
    """Write tensors of known specs one at a time, in spec order (``write`` raises on misuse)."""

    def __init__(self, path: str | Path, specs: list[TensorSpec], metadata: dict[str, str] | None = None) -> None:
        self.path = Path(path)
        self._specs = list(specs)
        header: dict[str, object] = {"__metadata__": metadata or {"format": "pt"}}
        offset = 0
        for spec in self._specs:
            header[spec.name] = {"dtype": spec.dtype, "shape": list(spec.shape), "data_offsets": [offset, offset + spec.nbytes]}
            offset += spec.nbytes
        blob = json.dumps(header, separators=(",", ":")).encode()
        blob += b" " * (-len(blob) % 8)  # data starts 8-byte aligned, as the reference writer does
        self._fh = self.path.open("wb")
        self._fh.write(len(blob).to_bytes(8, "little") + blob)
        self._next = 0

    def write(self, name: str, values: np.ndarray) -> None:
        spec = self._specs[self._next]
        if name != spec.name or tuple(values.shape) != spec.shape:
            raise ValueError(f"expected {spec.name} {spec.shape}, got {name} {tuple(values.shape)}")
        self._fh.write(dtypes.encode(values, spec.dtype).tobytes(order="C"))
        self._next += 1

    def close(self) -> None:
        self._fh.close()
        if self._next != len(self._specs):
            raise ValueError(f"{self.path}: wrote {self._next} of {len(self._specs)} tensors")

    def __enter__(self) -> SafetensorsWriter:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self._fh.close()


def save_tensors(path: str | Path, tensors: dict[str, np.ndarray], dtype: str = "F32") -> None:
    """Write a whole dict of arrays to one file in ``dtype`` (small checkpoints)."""
    specs = [TensorSpec(name, tuple(a.shape), dtype) for name, a in tensors.items()]
    with SafetensorsWriter(path, specs) as writer:
        for name, array in tensors.items():
            writer.write(name, array)


def write_index(directory: str | Path, weight_map: dict[str, str], total_size: int) -> Path:
    """Write ``model.safetensors.index.json`` for a sharded checkpoint."""
    path = Path(directory) / "model.safetensors.index.json"
    path.write_text(json.dumps({"metadata": {"total_size": total_size}, "weight_map": weight_map}, indent=1))
    return path
