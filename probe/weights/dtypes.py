"""safetensors dtype tags ↔ numpy, including bfloat16, which numpy lacks.

bfloat16 is the upper half of a float32, so decoding is a 16-bit shift of the raw bits;
encoding rounds to nearest even, as torch does.
"""

from __future__ import annotations

import numpy as np

# Storage dtype of the raw bytes for each supported float tag (little-endian, as the format requires).
STORAGE = {
    "F64": np.dtype("<f8"),
    "F32": np.dtype("<f4"),
    "F16": np.dtype("<f2"),
    "BF16": np.dtype("<u2"),
}
ITEMSIZE = {"F64": 8, "F32": 4, "F16": 2, "BF16": 2, "I64": 8, "I32": 4, "I16": 2, "I8": 1, "U8": 1,
            "BOOL": 1, "F8_E4M3": 1, "F8_E5M2": 1, "U16": 2, "U32": 4, "U64": 8}


def is_float(tag: str) -> bool:
    return tag in STORAGE


def decode(raw: np.ndarray, tag: str) -> np.ndarray:
    """Raw storage values (as read with ``STORAGE[tag]``) → float32 or float64 values."""
    if tag == "BF16":
        return np.left_shift(raw, 16, dtype=np.uint32).view(np.float32)
    if tag == "F16":
        return raw.astype(np.float32)
    return raw


def bf16_bits(values: np.ndarray) -> np.ndarray:
    """float32 values → bfloat16 bit patterns (uint16), round to nearest even; NaN stays NaN."""
    bits = np.ascontiguousarray(values, dtype=np.float32).view(np.uint32)
    rounding = np.uint32(0x7FFF) + ((bits >> 16) & np.uint32(1))
    out = ((bits + rounding) >> 16).astype(np.uint16)
    nan = np.isnan(values)
    if nan.any():
        out[nan] = np.uint16(0x7FC0)
    return out


def encode(values: np.ndarray, tag: str) -> np.ndarray:
    """Float values → the raw storage array for ``tag`` (what a writer puts on disk)."""
    if tag == "BF16":
        return bf16_bits(values)
    if tag not in STORAGE:
        raise ValueError(f"cannot encode dtype {tag}")
    return np.ascontiguousarray(values, dtype=STORAGE[tag])
