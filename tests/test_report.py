"""The report: self-contained, escaped, with the claim highlighted; the score and report commands on a run dir."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from probe.cli import main
from probe.report import write_report
from probe.report.highlight import Span, claim_spans, escape_markdown, highlight_html, highlight_markdown
from probe.score import score_run
from probe.store import RESPONSE_COLUMNS, ResponseRow, ResponseStore
from tests.synthetic_frames import plant, rio_case_frame


@pytest.fixture(scope="module")
def planted() -> pd.DataFrame:
    return plant(rio_case_frame(rio_nex_share=0.7, questions=12, seed=0))


@pytest.fixture(scope="module")
def written(planted: pd.DataFrame, tmp_path_factory) -> tuple[Path, Path, dict]:  # noqa: ANN001
    run_dir = tmp_path_factory.mktemp("run")
    scores = score_run(planted, suspect="rio", parents=["nex", "qwen"], n_boot=50)
    md, html = write_report(run_dir, planted, scores, {"run_id": "r1", "status": "complete", "packages": {"pandas": "x"}})
    return md, html, scores


def test_highlight_escapes_first_then_marks_the_span() -> None:
    text = "<b>I am Nex</b> & more"
    at = text.index("Nex")
    html = str(highlight_html(text, [Span(at, at + 3, "self")]))
    assert html == '&lt;b&gt;I am <mark class="claim-self">Nex</mark>&lt;/b&gt; &amp; more'
    md = highlight_markdown("I am *Nex* [x](y)", [Span(6, 9, "self")])
    assert md == r"I am \***Nex**\* \[x\](y)"


def test_claim_spans_ignore_reasoning_bad_and_overlapping_spans() -> None:
    text = "I am Nex, from Nex-AGI."
    claims = json.dumps([
        {"stance": "self", "source": "answer", "start": 5, "end": 8},
        {"stance": "self", "source": "answer", "start": 6, "end": 9},  # overlaps the first
        {"stance": "self", "source": "reasoning", "start": 0, "end": 4},
        {"stance": "other", "source": "answer", "start": 15, "end": 99},  # past the end
        {"stance": "other", "source": "answer", "start": 15, "end": 22},
    ])
    assert claim_spans(claims, text) == [Span(5, 8, "self"), Span(15, 22, "other")]
    assert claim_spans("[]", text, self_name="nex") == [Span(5, 8, "self")]  # fallback: the self-name
    assert claim_spans("not json", text) == []


def test_markdown_escape_neutralises_markup() -> None:
    out = escape_markdown("# Title\n<script>x</script> ![img](http://e/x.png) | cell")
    assert "<" not in out and "\n" not in out
    assert out.startswith(r"\#") and r"!\[img\]" in out and r"\|" in out


def test_html_report_is_self_contained_and_inert(written) -> None:  # noqa: ANN001
    _, html_path, _ = written
    html = html_path.read_text(encoding="utf-8")
    assert "<script" not in html.lower() and "onerror=" not in html.replace("onerror=&#34;", "").replace("onerror=&quot;", "")
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in html
    assert "Content-Security-Policy" in html
    sources = re.findall(r'\b(?:src|href)="([^"]*)"', html)
    assert sources and all(s.startswith("data:image/png;base64,") for s in sources)
    assert not re.search(r"url\(|@import|<link|<iframe|<object", html, re.I)
    assert '<mark class="claim-self">Nex</mark>' in html


def test_html_report_has_the_sections_and_numbers(written) -> None:  # noqa: ANN001
    _, html_path, scores = written
    html = html_path.read_text(encoding="utf-8")
    for heading in ("What was run", "Self-identification by condition", "System-prompt effect",
                    "Suspect vs candidate parents", "Backstory fingerprints", "Verbatim examples"):
        assert f"<h2>{heading}</h2>" in html or f"<h3>{heading}</h3>" in html
    rio_none = next(h for h in scores["headlines"] if h["target"] == "rio" and h["condition"] == "none")
    assert rio_none["text"] in html
    assert html.count("data:image/png;base64,") == 3  # identities, languages, mixture
    assert f'{scores["comparison"]["mixture"]["nex"]:.3f}' in html


def test_markdown_report_escapes_model_output(written) -> None:  # noqa: ANN001
    md_path, _, _ = written
    md = md_path.read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md
    assert r"\[click\](http://example.invalid/x)" in md
    assert "**Nex**" in md
    figures = re.findall(r"!\[\w+\]\((report_files/\w+\.png)\)", md)
    assert len(figures) == 3 and all((md_path.parent / f).is_file() for f in figures)


def _write_run_dir(frame: pd.DataFrame, run_dir: Path, manifest: dict) -> None:
    store = ResponseStore(run_dir)
    records = frame[RESPONSE_COLUMNS].replace({np.nan: None}).to_dict(orient="records")
    store.put([ResponseRow(**r) for r in records])
    store.update_claims(frame)
    store.close()
    (run_dir / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")


def test_score_and_report_commands_on_a_run_dir(tmp_path: Path, planted: pd.DataFrame, capsys) -> None:  # noqa: ANN001
    run_dir = tmp_path / "run"
    _write_run_dir(planted, run_dir, {"run_id": "r2", "config": {"suspect": "rio", "parents": ["nex", "qwen"]}})
    assert main(["score", str(run_dir), "--boot", "50"]) == 0
    out = capsys.readouterr().out
    comparison = json.loads((run_dir / "comparison.json").read_text())
    for key in ("suspect", "parents", "closest_parent", "mixture", "mixture_ci", "jsd", "attribution", "verdict"):
        assert key in comparison
    assert comparison["suspect"] == "rio" and comparison["parents"] == ["nex", "qwen"]
    assert set(comparison["mixture"]) == {"nex", "qwen", "other"}
    scores = json.loads((run_dir / "scores.json").read_text())
    rio_none = next(h["text"] for h in scores["headlines"] if h["target"] == "rio" and h["condition"] == "none")
    assert f"verdict: {comparison['verdict']}" in out and f"rio (none): {rio_none}" in out

    assert main(["report", str(run_dir)]) == 0
    html = (run_dir / "report.html").read_text(encoding="utf-8")
    assert comparison["verdict"].split(" (")[0] in html and "<script" not in html.lower()


def test_score_command_names_a_bad_target_in_one_line(tmp_path: Path, planted: pd.DataFrame, capsys) -> None:  # noqa: ANN001
    run_dir = tmp_path / "run"
    _write_run_dir(planted, run_dir, {"run_id": "r3"})
    assert main(["score", str(run_dir), "--suspect", "rio", "--parents", "nex,ghost"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "ghost" in err
    assert main(["score", str(tmp_path / "missing")]) == 2


def test_weights_section_appears_when_weights_json_exists(tmp_path: Path, planted: pd.DataFrame) -> None:
    safetensors = pytest.importorskip("safetensors.numpy")
    rng = np.random.default_rng(0)
    base = {"model.layers.0.self_attn.q_proj.weight": rng.normal(0, 0.02, (16, 16)).astype(np.float32)}
    donor = {k: v + rng.normal(0, 0.002, v.shape).astype(np.float32) for k, v in base.items()}
    suspect = {k: 0.6 * donor[k] + 0.4 * base[k] for k in base}
    dirs = {}
    for name, tensors in {"suspect": suspect, "base": base, "donor": donor}.items():
        dirs[name] = tmp_path / name
        dirs[name].mkdir()
        safetensors.save_file(tensors, str(dirs[name] / "model.safetensors"))
    run_dir = tmp_path / "run"
    code = main(["weights", "--suspect", str(dirs["suspect"]), "--base", str(dirs["base"]), "--donor", str(dirs["donor"]),
                 "--output", str(run_dir / "weights.json")])
    assert code == 0
    scores = score_run(planted, n_boot=20)
    md, html = write_report(run_dir, planted, scores, {})
    text = html.read_text(encoding="utf-8")
    assert "<h2>Weights</h2>" in text and "0.6" in text
    assert "## Weights" in md.read_text(encoding="utf-8")
