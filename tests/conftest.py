from __future__ import annotations

import textwrap
from pathlib import Path

import pytest


@pytest.fixture
def tmp_yaml(tmp_path):
    def make(text: str, name: str = "x.yaml") -> Path:
        p = tmp_path / name
        p.write_text(textwrap.dedent(text), encoding="utf-8")
        return p

    return make
