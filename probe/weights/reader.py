"""Streaming safetensors reader: headers only up front, then one tensor's byte range at a time.

Parses the format directly (8-byte little-endian header length, JSON header, raw data) rather than
through ``safetensors.safe_open(framework="numpy")`` because numpy has no bfloat16 and because
reading a byte range in chunks keeps memory bounded by the chunk, not by the tensor.
Plain ``readinto`` is used instead of mmap so file pages stay in the page cache, not in our RSS.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import numpy as np

from probe.errors import ProbeInputError
from probe.weights import dtypes

MAX_HEADER_BYTES = 100 * 1024 * 1024  # the format's own limit


@dataclass(frozen=True)
class TensorInfo:
    name: str
    dtype: str  # safetensors tag: "BF16", "F16", "F32", ...
    shape: tuple[int, ...]
    file: Path
    start: int  # absolute byte offset in ``file``
    end: int

    @property
    def numel(self) -> int:
        return math.prod(self.shape)

    @property
    def nbytes(self) -> int:
        return self.end - self.start


def read_header(path: Path) -> dict[str, TensorInfo]:
    """Tensor table of one .safetensors file; every inconsistency is a ProbeInputError naming it."""
    size = path.stat().st_size
    with path.open("rb") as fh:
        prefix = fh.read(8)
        if len(prefix) < 8:
            raise ProbeInputError(str(path), "not a safetensors file (shorter than 8 bytes)")
        header_len = int.from_bytes(prefix, "little")
        if header_len > MAX_HEADER_BYTES or 8 + header_len > size:
            raise ProbeInputError(str(path), f"not a safetensors file (header length {header_len} for {size} bytes)")
        try:
            header = json.loads(fh.read(header_len))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ProbeInputError(str(path), f"unreadable safetensors header: {exc}") from None
    if not isinstance(header, dict):
        raise ProbeInputError(str(path), "safetensors header is not a JSON object")
    data_start = 8 + header_len
    out: dict[str, TensorInfo] = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        try:
            tag, shape, (begin, end) = entry["dtype"], tuple(int(d) for d in entry["shape"]), entry["data_offsets"]
        except (KeyError, TypeError, ValueError):
            raise ProbeInputError(str(path), f"tensor {name!r}: malformed header entry") from None
        info = TensorInfo(name, tag, shape, path, data_start + int(begin), data_start + int(end))
        itemsize = dtypes.ITEMSIZE.get(tag)
        if info.end > size or info.start > info.end or (itemsize and info.nbytes != info.numel * itemsize):
            raise ProbeInputError(str(path), f"tensor {name!r}: byte range does not match its shape or the file size")
        out[name] = info
    return out


def _shard_files(directory: Path, where: str) -> list[Path]:
    indexes = sorted(directory.glob("*.safetensors.index.json"))
    if len(indexes) > 1:
        preferred = directory / "model.safetensors.index.json"
        if preferred not in indexes:
            raise ProbeInputError(where, f"several safetensors index files: {', '.join(p.name for p in indexes)}")
        indexes = [preferred]
    if indexes:
        try:
            weight_map = json.loads(indexes[0].read_text(encoding="utf-8"))["weight_map"]
            files = sorted({str(f) for f in weight_map.values()})
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ProbeInputError(str(indexes[0]), f"unreadable index (needs a weight_map): {exc}") from None
        missing = [f for f in files if not (directory / f).is_file()]
        if missing:
            raise ProbeInputError(str(indexes[0]), f"shard listed but missing: {missing[0]}")
        return [directory / f for f in files]
    files = sorted(directory.glob("*.safetensors"))
    if not files:
        raise ProbeInputError(where, "no .safetensors files (and no model.safetensors.index.json)")
    return files


class Checkpoint:
    """All tensors of one checkpoint directory (single file or sharded), read on demand."""

    def __init__(self, directory: str | Path, label: str | None = None) -> None:
        self.directory = Path(directory)
        where = f"{label} {self.directory}" if label else str(self.directory)
        if not self.directory.is_dir():
            raise ProbeInputError(where, "not a directory")
        self.tensors: dict[str, TensorInfo] = {}
        for path in _shard_files(self.directory, where):
            for name, info in read_header(path).items():
                if name in self.tensors:
                    raise ProbeInputError(where, f"tensor {name!r} appears in two files")
                self.tensors[name] = info
        self._handles: dict[Path, BinaryIO] = {}

    @property
    def nbytes(self) -> int:
        return sum(t.nbytes for t in self.tensors.values())

    def _handle(self, path: Path) -> BinaryIO:
        handle = self._handles.get(path)
        if handle is None:
            handle = self._handles[path] = path.open("rb", buffering=0)
        return handle

    def prefetch(self, name: str) -> None:
        """Ask the kernel to start reading a tensor's bytes now (page cache, not our memory), so I/O overlaps compute."""
        info = self.tensors[name]
        if hasattr(os, "posix_fadvise"):
            os.posix_fadvise(self._handle(info.file).fileno(), info.start, info.nbytes, os.POSIX_FADV_WILLNEED)

    def read_raw(self, info: TensorInfo, first: int, out: np.ndarray) -> np.ndarray:
        """Fill ``out`` (storage dtype) with elements ``first ..`` of the tensor; returns ``out``."""
        handle = self._handle(info.file)
        offset = info.start + first * out.itemsize
        if offset + out.nbytes > info.end:
            raise ValueError(f"read past the end of tensor {info.name!r}")
        view = memoryview(out).cast("B")
        handle.seek(offset)
        done = 0
        while done < len(view):
            got = handle.readinto(view[done:])
            if not got:
                raise ProbeInputError(str(info.file), f"file ends inside tensor {info.name!r}")
            done += got
        return out

    def iter_chunks(self, name: str, chunk_elems: int) -> Iterator[np.ndarray]:
        """Decoded float chunks of a tensor, flat. A chunk may share memory with the next one: copy to keep it."""
        info = self.tensors[name]
        if not dtypes.is_float(info.dtype):
            raise ValueError(f"tensor {name!r} has non-float dtype {info.dtype}")
        buffer = np.empty(min(chunk_elems, info.numel), dtype=dtypes.STORAGE[info.dtype])
        for first in range(0, info.numel, chunk_elems):
            count = min(chunk_elems, info.numel - first)
            yield dtypes.decode(self.read_raw(info, first, buffer[:count]), info.dtype)

    def read(self, name: str) -> np.ndarray:
        """A whole tensor as float32/float64 in its shape (small tensors, tests)."""
        info = self.tensors[name]
        flat = np.concatenate([c.copy() for c in self.iter_chunks(name, max(info.numel, 1))]) if info.numel else np.empty(0)
        return flat.reshape(info.shape)

    def close(self) -> None:
        for handle in self._handles.values():
            handle.close()
        self._handles.clear()

    def __enter__(self) -> Checkpoint:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_checkpoint(directory: str | Path, label: str | None = None) -> Checkpoint:
    """Open a checkpoint directory; ``label`` (e.g. ``"--suspect"``) prefixes error locations."""
    return Checkpoint(directory, label)
