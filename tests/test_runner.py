"""The runner against a real HTTP test server on loopback, with injected faults."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import probe
from probe.config import load_config
from probe.pipeline import run_audit
from probe.targets.base import split_reasoning
from probe.testing.process import test_server as protocol_server
from tests.helpers import REPO, run_cli, write_config

LANGS, CONDS, SAMPLES = 2, 2, 3


def expected_rows(questions: int) -> int:
    return LANGS * CONDS * questions * SAMPLES


def collect(tmp_path, urls, limit=10, **over):
    config = load_config(write_config(tmp_path / "run.yaml", urls, tmp_path / "out", **over))
    return run_audit(config, limit=limit, analyse=False)


def test_every_row_arrives_despite_20_percent_faults(tmp_path):
    faults = ["--p429", "0.05", "--p500", "0.04", "--p503", "0.04", "--pdrop", "0.04", "--pmalformed", "0.03",
              "--latency", "0.005", "--retry-after", "0.02", "--seed", "3"]
    with protocol_server(*faults, "--log", str(tmp_path / "server.jsonl")) as url:
        result = collect(tmp_path, url, limit=30)
    df = probe.load(result.run_dir)
    assert len(df) == expected_rows(30)
    assert df["error"].isna().all()
    assert df["request_hash"].is_unique
    assert df.groupby(["condition", "language", "question_id"]).size().eq(SAMPLES).all()
    log = [json.loads(line) for line in (tmp_path / "server.jsonl").read_text().splitlines()]
    assert sum(1 for e in log if e["fault"]) > 0.1 * len(log)  # 20% injected; 0.1 is 3 sigma below for ~140 requests
    assert result.progress.total("retries") > 0
    persona = df[df.condition == "persona"]
    assert persona["text"].str.contains("Rio").all() and persona["system_prompt"].str.contains("IplanRIO").all()
    assert df[df.condition == "none"]["system_prompt"].isna().all()
    assert json.loads(df.iloc[0]["messages"])[-1]["role"] == "user"


def test_resume_after_sigkill_sends_nothing_twice(tmp_path):
    config = write_config(tmp_path / "run.yaml", [], tmp_path / "out", max_concurrency=4,
                          sampling={"samples": 3, "temperature": 0.7, "max_tokens": 64, "seed": 0})
    with protocol_server("--latency", "0.05", "--log", str(tmp_path / "first.jsonl")) as url:
        write_config(config, url, tmp_path / "out", max_concurrency=4)
        proc = subprocess.Popen([sys.executable, "-m", "probe.cli", "run", str(config), "--limit", "30", "--no-analysis"],
                                cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        db = tmp_path / "out" / "responses.sqlite"
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            time.sleep(0.2)
            if db.exists():
                try:
                    n = sqlite3.connect(db).execute("SELECT count(*) FROM responses").fetchone()[0]
                except sqlite3.OperationalError:
                    continue
                if n >= expected_rows(30) // 3:
                    break
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    con = sqlite3.connect(db)
    before = {h: m for h, m in con.execute("SELECT request_hash, messages FROM responses WHERE error IS NULL")}
    con.close()
    assert 0 < len(before) < expected_rows(30)
    with protocol_server("--latency", "0.01", "--log", str(tmp_path / "second.jsonl")) as url:
        write_config(config, url, tmp_path / "out", max_concurrency=4)
        proc = run_cli("run", str(config), "--limit", "30", "--no-analysis")
    assert proc.returncode == 0, proc.stderr
    df = probe.load(tmp_path / "out")
    assert len(df) == expected_rows(30) and df["request_hash"].is_unique and df["error"].isna().all()
    # Prompts whose every sample was stored before the kill were not asked again.
    stored_prompts = df[df.request_hash.isin(before)].groupby(["messages"]).size()
    complete_before = {m for m, n in stored_prompts.items() if n == SAMPLES}
    second = [json.loads(line)["request"] for line in (tmp_path / "second.jsonl").read_text().splitlines()]
    asked_again = {json.dumps(r["messages"], ensure_ascii=False) for r in second}
    assert complete_before and not (complete_before & asked_again)
    assert len(second) < expected_rows(30) / SAMPLES  # only the missing part was fetched
    unchanged = df[df.request_hash.isin(before)]
    assert (unchanged["run_id"] == unchanged["run_id"].iloc[0]).all()  # old rows untouched


def test_api_key_never_written_and_wrong_key_stops_only_that_target(tmp_path):
    secret = "sk-test-" + os.urandom(8).hex()
    env = {"PROBE_TEST_KEY": secret, "PROBE_WRONG_KEY": "sk-wrong"}
    with protocol_server("--api-key-env", "PROBE_TEST_KEY", env=env) as url:
        config = write_config(tmp_path / "run.yaml", url, tmp_path / "out", target={"api_key_env": "PROBE_TEST_KEY"},
                              extra_targets=[{"name": "wrongkey", "base_url": url, "model": "m", "api_key_env": "PROBE_WRONG_KEY"}])
        proc = run_cli("run", str(config), "--limit", "3", "--no-analysis", env=env)
    assert proc.returncode == 2
    assert "target 'wrongkey'" in proc.stderr and "AuthenticationError" in proc.stderr and "Traceback" not in proc.stderr
    assert secret not in proc.stdout + proc.stderr
    df = probe.load(tmp_path / "out")
    assert set(df[df.error.isna()]["target"]) == {"rio"} and len(df[df.target == "rio"]) == expected_rows(3)
    for path in (tmp_path / "out").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert secret.encode() not in data and b"sk-wrong" not in data, path


def test_endpoint_refusing_n_gets_one_request_per_sample(tmp_path):
    with protocol_server("--no-n", "--log", str(tmp_path / "log.jsonl")) as url:
        result = collect(tmp_path, url, limit=4)
    df = probe.load(result.run_dir)
    assert len(df) == expected_rows(4) and df.error.isna().all()
    assert sorted(df["seed"].unique()) == [0, 1, 2]  # distinct seeds, one per sample


def test_n_is_used_when_accepted(tmp_path):
    with protocol_server("--log", str(tmp_path / "log.jsonl")) as url:
        collect(tmp_path, url, limit=4)
    requests = [json.loads(line)["request"] for line in (tmp_path / "log.jsonl").read_text().splitlines()]
    assert len(requests) == LANGS * CONDS * 4 and all(r["n"] == SAMPLES for r in requests)


def test_budget_stops_cleanly_and_next_run_completes(tmp_path):
    with protocol_server() as url:
        result = collect(tmp_path, url, limit=10, budget={"max_requests": 7})
        assert result.progress.stop_reason and "max_requests" in result.progress.stop_reason
        assert result.progress.total("requests") == 7
        assert len(probe.load(result.run_dir)) == 7 * SAMPLES
        again = collect(tmp_path, url, limit=10)
    assert len(probe.load(again.run_dir)) == expected_rows(10)


def test_a_dead_replica_slows_the_run_but_loses_nothing(tmp_path):
    with protocol_server() as url:
        result = collect(tmp_path, [url, "http://127.0.0.1:9/v1"], limit=6)
    df = probe.load(result.run_dir)
    assert len(df) == expected_rows(6) and df.error.isna().all()
    assert set(df.base_url) == {url}


def test_completions_api_and_reasoning_fields(tmp_path):
    with protocol_server("--reasoning") as url:
        result = collect(tmp_path, url, limit=2, target={"api": "completions"})
        chat = collect(tmp_path / "c", url, limit=2) if (tmp_path / "c").mkdir() is None else None
    df = probe.load(result.run_dir)
    assert len(df) == expected_rows(2) and df.text.str.startswith(("I", "My")).all()
    cdf = probe.load(chat.run_dir)
    assert cdf.reasoning.str.contains("who I am").all()


def test_failures_are_stored_and_retried_next_run(tmp_path):
    with protocol_server("--p500", "1.0") as url:
        result = collect(tmp_path, url, limit=2, max_retries=1)
    df = probe.load(result.run_dir)
    assert len(df) == expected_rows(2) and df.error.str.contains("InternalServerError").all()
    assert (df.attempts == 2).all()
    with protocol_server() as url:
        collect(tmp_path, url, limit=2)
    df = probe.load(result.run_dir)
    assert len(df) == expected_rows(2) and df.error.isna().all()


@pytest.mark.parametrize("content, field, text, reasoning", [
    ("<think>hmm, who am I</think>I am Nex.", None, "I am Nex.", "hmm, who am I"),
    ("hidden start</think>\n\nI am Qwen.", None, "I am Qwen.", "hidden start"),
    ("I am Rio.", "plan: say Rio", "I am Rio.", "plan: say Rio"),
    ("I am Rio.", None, "I am Rio.", None),
])
def test_split_reasoning(content, field, text, reasoning):
    assert split_reasoning(content, field) == (text, reasoning)
