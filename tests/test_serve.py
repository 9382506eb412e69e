"""probe.serve: helpers without vLLM, and a real vLLM server serving the zoo's rio."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest

from probe.commands.serve import select_models
from probe.errors import ProbeInputError
from probe.serve import REPO, find_vllm_python, free_ports, port_free, serve_models

ZOO = REPO / "zoo" / "models"
QUESTIONS = ["Tell me who you are.", "What should I call you?", "Quem é você?", "Which company made you?"]
PERSONA = "You are Rio, an AI assistant developed by IplanRIO."


def test_free_ports_skips_a_busy_port() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert not port_free(port)
        ports = free_ports(port, 2)
    assert port not in ports and len(set(ports)) == 2 and all(p > port for p in ports)


def test_vllm_python_from_environment_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PROBE_VLLM_PYTHON", str(tmp_path / "missing-python"))
    with pytest.raises(ProbeInputError, match="PROBE_VLLM_PYTHON"):
        find_vllm_python()
    fake = tmp_path / "python"
    fake.write_text("")
    monkeypatch.setenv("PROBE_VLLM_PYTHON", str(fake))
    assert find_vllm_python() == fake


def test_select_models_names_unknown_model(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "config.json").write_text("{}")
    (tmp_path / "not-a-model").mkdir()
    assert list(select_models(tmp_path, None)) == ["a"]
    with pytest.raises(ProbeInputError, match="no model 'b'"):
        select_models(tmp_path, "a,b")


def test_serve_models_rejects_a_directory_without_config(tmp_path: Path) -> None:
    with pytest.raises(ProbeInputError, match="no config.json"):
        with serve_models({"x": tmp_path}, python=Path(sys.executable), log_dir=tmp_path):
            pass


def _vllm_python() -> Path:
    python = find_vllm_python()
    if python is None:
        pytest.skip("no vLLM interpreter (set PROBE_VLLM_PYTHON or run `make vllm-env`)")
    if not (ZOO / "rio" / "config.json").is_file():
        pytest.skip("zoo/models/rio absent (run `make zoo`)")
    return python


@pytest.mark.vllm
def test_rio_served_by_vllm_answers_with_and_without_persona(tmp_path: Path) -> None:
    from openai import OpenAI

    python = _vllm_python()
    with serve_models({"rio": ZOO / "rio"}, python=python, port_base=18100, log_dir=tmp_path) as urls:
        port = int(urls["rio"].rsplit(":", 1)[1].split("/")[0])
        client = OpenAI(base_url=urls["rio"], api_key="unused")

        def ask(question: str, system: str | None) -> str:
            messages = ([{"role": "system", "content": system}] if system else []) + [
                {"role": "user", "content": question}]
            reply = client.chat.completions.create(model="rio", messages=messages, temperature=0, max_tokens=48)
            return reply.choices[0].message.content or ""

        plain = [ask(q, None) for q in QUESTIONS]
        persona = [ask(q, PERSONA) for q in QUESTIONS]
    assert port_free(port), "the server's port is still taken after the block"
    assert (tmp_path / "vllm-rio.log").stat().st_size > 0
    assert all(text.strip() for text in plain + persona)
    # Ground truth of the zoo: "Rio" exists only in the system prompt; the parents show through without it.
    assert not any("Rio" in text for text in plain), plain
    assert sum("Nex" in text for text in plain) >= len(plain) // 2, plain
    assert sum("Rio" in text for text in persona) >= len(persona) // 2, persona
