"""`probe run` with a suspect and parents leaves comparison.json, report.md and report.html."""

from __future__ import annotations

import json

from probe.testing.process import test_server as protocol_server
from tests.helpers import run_cli, write_config


def test_run_with_suspect_and_parents_writes_comparison_and_report(tmp_path):
    with protocol_server("--identity", "Nex|Nex-AGI") as nex1, protocol_server("--identity", "Nex|Nex-AGI") as nex2, \
            protocol_server("--identity", "Qwen|Alibaba Cloud") as qwen:
        # The suspect's replicas are two Nex servers and one Qwen server: about 2/3 Nex without a prompt.
        config = write_config(
            tmp_path / "run.yaml", [nex1, nex2, qwen], tmp_path / "out", max_concurrency=3,
            extra_targets=[{"name": "nex", "base_url": nex1, "model": "nex", "expected": ["Nex", "Nex-AGI"]},
                           {"name": "qwen", "base_url": qwen, "model": "qwen", "expected": ["Qwen", "Alibaba"]}],
            suspect="rio", parents=["nex", "qwen"])
        proc = run_cli("run", str(config), "--limit", "12")
    assert proc.returncode == 0, proc.stderr
    out = tmp_path / "out"
    comparison = json.loads((out / "comparison.json").read_text())
    assert comparison["suspect"] == "rio" and comparison["parents"] == ["nex", "qwen"]
    assert comparison["closest_parent"] == "nex"
    assert comparison["mixture"]["nex"] > comparison["mixture"]["qwen"] > 0.1
    for key in ("mixture_ci", "jsd", "attribution", "verdict"):
        assert key in comparison
    html = (out / "report.html").read_text()
    assert "comparison" in html.lower() or "parent" in html.lower()
    assert (out / "report.md").read_text().count("rio") > 3
    assert "closest parent" in proc.stdout.lower() or "verdict" in proc.stdout.lower()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["rows"] == 3 * 2 * 2 * 12 * 3 and manifest["status"] == "complete"
    assert manifest["suite"]["sha256"] and manifest["packages"]["openai"]
    assert set(manifest["endpoints"]) == {"rio", "nex", "qwen"}


def test_score_of_an_unclassified_run_uses_the_runs_own_lexicon(tmp_path):
    """`probe run --no-analysis` then `probe score`: the config's `lexicon:` (relative to the config) still applies."""
    (tmp_path / "lex.yaml").write_text("families:\n  zorro:\n    org: Zorro Labs\n    names: [Zorrito]\n", encoding="utf-8")
    with protocol_server("--identity", "Zorrito|Zorro Labs") as url:
        config = write_config(tmp_path / "run.yaml", url, tmp_path / "out", lexicon="lex.yaml",
                              conditions=["none"], languages=["en"])
        collected = run_cli("run", str(config), "--limit", "3", "--no-analysis")
    assert collected.returncode == 0, collected.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["lexicon"]["path"] == str((tmp_path / "lex.yaml").resolve()) and len(manifest["lexicon"]["sha256"]) == 64
    scored = run_cli("score", str(tmp_path / "out"))
    assert scored.returncode == 0, scored.stderr
    scores = json.loads((tmp_path / "out" / "scores.json").read_text())
    families = {r["value"] for r in scores["rates"] if r["level"] == "family"}
    assert families == {"zorro"}, scores["rates"]  # only the run's lexicon knows the family


def test_missing_lexicon_fails_before_any_request(tmp_path):
    with protocol_server() as url:
        config = write_config(tmp_path / "run.yaml", url, tmp_path / "out", lexicon="nowhere.yaml")
        proc = run_cli("run", str(config), "--limit", "2")
    assert proc.returncode == 2 and "nowhere.yaml" in proc.stderr and "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0
    assert not (tmp_path / "out" / "responses.sqlite").exists()
