"""The compiled rule path (setup.py, probe/classify/compiled.py) must behave exactly as its Python sources."""

from __future__ import annotations

import importlib.machinery
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from probe.classify import classify_answer, compiled
from probe.classify.gold import read_gold

REPO = Path(__file__).resolve().parents[1]
# Beyond the gold set: long texts, many cues and mentions, non-Latin scripts, decomposed accents.
EXTRA = [
    "I'm Claude, made by Anthropic. " * 40,
    "Je suis Mistral, un modèle développé par Mistral AI. Contrairement à ChatGPT (OpenAI), je suis open source.",
    "我不是ChatGPT，而是通义千问，由阿里云开发。如果我是Gemini，我会说谷歌。",
    "저는 네이버의 HyperCLOVA X입니다. OpenAI가 개발한 ChatGPT와 달리 한국어에 강합니다.",
    "Меня зовут Алиса, я голосовой помощник Яндекса. Я — не YandexGPT.",
    "Soy una IA. Puedes llamarme Luz. Fui creada por un equipo independiente, basada en Llama 3 de Meta.",
    "Tôi là Nex, được phát triển bởi Nex-AGI. Tôi khác với Qwen.",
]
_SCRIPT = """
import json, sys
from probe.classify import classify_answer
from probe.classify.compiled import compiled_modules
rows = json.load(sys.stdin)
out = [classify_answer(t, r, expected=e).to_dict() for t, r, e in rows]
print(json.dumps({"compiled": compiled_modules(), "results": out}, ensure_ascii=False))
"""


def _rows() -> list[tuple[str, str | None, list[str] | None]]:
    gold = [(r.text, r.reasoning, r.expected) for r in read_gold([REPO / "tests" / "data" / "gold"])]
    return gold + [(t, None, ["Qwen"]) for t in EXTRA] + [("Je suis Mistral".replace("e", "e\u0301"), None, ["Nex"])]


def test_compiled_rule_path_gives_exactly_the_pure_python_results() -> None:
    if not compiled.compiled_modules():
        pytest.skip("no compiled classifier modules in this checkout (setup.py builds them when Cython and a C compiler exist)")
    rows = _rows()
    here = [classify_answer(t, r, expected=e).to_dict() for t, r, e in rows]
    env = {**os.environ, "PROBE_PURE_PYTHON": "1"}
    proc = subprocess.run([sys.executable, "-c", _SCRIPT], input=json.dumps(rows), capture_output=True, text=True,
                          env=env, cwd=REPO, timeout=300, check=True)
    pure = json.loads(proc.stdout)
    assert pure["compiled"] == []
    assert len(pure["results"]) == len(here) > 500
    differ = [rows[i][0][:80] for i, (a, b) in enumerate(zip(here, pure["results"])) if a != b]
    assert not differ, differ[:5]


def _fake_pair(tmp_path: Path, source_mtime: float, compiled_mtime: float) -> None:
    source, copy = tmp_path / "stance.py", tmp_path / f"stance{importlib.machinery.EXTENSION_SUFFIXES[0]}"
    source.write_text("")
    copy.write_bytes(b"")
    os.utime(source, (source_mtime, source_mtime))
    os.utime(copy, (compiled_mtime, compiled_mtime))


def test_a_source_newer_than_its_compiled_copy_loads_from_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "_HERE", tmp_path)
    monkeypatch.delenv("PROBE_PURE_PYTHON", raising=False)
    _fake_pair(tmp_path, source_mtime=2_000, compiled_mtime=1_000)
    assert compiled.stale_or_disabled("stance")
    spec = compiled.SourceWhenStale().find_spec("probe.classify.stance", None)
    assert spec is not None and spec.origin == str(tmp_path / "stance.py")
    _fake_pair(tmp_path, source_mtime=1_000, compiled_mtime=2_000)
    assert not compiled.stale_or_disabled("stance")
    assert compiled.SourceWhenStale().find_spec("probe.classify.stance", None) is None
    monkeypatch.setenv("PROBE_PURE_PYTHON", "1")
    assert compiled.stale_or_disabled("stance")
    assert compiled.SourceWhenStale().find_spec("probe.classify.lexicon", None) is None  # never compiled
