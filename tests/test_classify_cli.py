"""`probe classify` and `probe eval-classifier`, and the gold-set measurement behind the latter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from probe.classify.gold import evaluate_gold, read_gold
from probe.cli import main

GOLD = Path(__file__).parent / "data" / "gold"


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def test_classify_adds_the_claim_fields_to_each_row(tmp_path, capsys):
    src = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "text": "I'm Claude, made by Anthropic.", "expected": ["Qwen"]},
        {"id": "b", "text": "我是通义千问，由阿里云开发。", "expected": ["Qwen"], "extra": 7},
        {"id": "c", "text": "My name is Anna.", "reasoning": "I am Qwen."},
        {"id": "d", "text": ""},
    ])
    out = tmp_path / "out.jsonl"
    assert main(["classify", str(src), "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c", "d"] and rows[1]["extra"] == 7
    assert rows[0]["mismatch"] is True and rows[0]["foreign_vendor"] is True and rows[0]["self_family"] == "claude"
    assert rows[1]["mismatch"] is False and rows[1]["self_org"] == "Alibaba"
    assert rows[2]["self_name"] == "Anna" and rows[2]["mismatch"] is None and rows[2]["reasoning_self_family"] == "qwen"
    assert rows[3]["claims"] == [] and rows[3]["stance"] is None
    assert {"name", "family", "org", "stance", "source", "start", "end"} == set(rows[0]["claims"][0])
    assert "4 answers" in capsys.readouterr().out


@pytest.mark.parametrize("line, message", [
    ('{"id": 1, "text": "hi"\n', "not valid JSON"),
    ('{"id": 1, "text": 5}\n', "text"),
    ('{"id": 1, "text": "hi", "expected": "Qwen"}\n', "expected"),
])
def test_classify_reports_bad_input_with_file_and_line(tmp_path, capsys, line, message):
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": 0, "text": "ok"}\n' + line, encoding="utf-8")
    assert main(["classify", str(src), "-o", str(tmp_path / "out.jsonl")]) == 2
    err = capsys.readouterr().err
    assert f"{src}:2" in err and message in err and "Traceback" not in err


def test_classify_uses_a_user_lexicon(tmp_path, tmp_yaml):
    lex = tmp_yaml("families:\n  zorro:\n    org: Zorro Labs\n    names: [Zorrito]\n")
    src = write_jsonl(tmp_path / "in.jsonl", [{"id": 1, "text": "I'm Zorrito.", "expected": ["Qwen"]}])
    out = tmp_path / "out.jsonl"
    assert main(["classify", str(src), "-o", str(out), "--lexicon", str(lex)]) == 0
    row = json.loads(out.read_text(encoding="utf-8"))
    assert row["self_family"] == "zorro" and row["self_org"] == "Zorro Labs" and row["foreign_vendor"] is True


def test_eval_classifier_prints_families_stances_and_mismatch(tmp_path, capsys):
    gold = write_jsonl(tmp_path / "g.jsonl", [
        {"id": "1", "language": "en", "text": "I'm Claude, made by Anthropic.", "expected": ["Qwen"], "self_name": "Claude",
         "self_family": "claude", "self_org": "Anthropic", "mismatch": True,
         "mentions": [{"name": "Claude", "stance": "self"}, {"name": "Anthropic", "stance": "self"}], "tags": []},
        {"id": "2", "language": "zh", "text": "我不是ChatGPT，我是通义千问。", "expected": ["Qwen"], "self_name": "通义千问",
         "self_family": "qwen", "self_org": "Alibaba", "mismatch": False,
         "mentions": [{"name": "ChatGPT", "stance": "denial"}, {"name": "通义千问", "stance": "self"}], "tags": []},
    ])
    assert main(["eval-classifier", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "gold set: 2 answers" in out and "claude" in out and "stance confusion" in out
    assert "mismatch agreement: 100.0% of 2" in out
    assert main(["eval-classifier", str(gold), str(tmp_path / "missing.jsonl")]) == 2


@pytest.mark.skipif(not GOLD.is_dir() or not any(GOLD.glob("*.jsonl")), reason="gold set absent")
def test_gold_set_goals():
    rows = read_gold([GOLD])
    assert len(rows) >= 400 and len({r.language for r in rows}) >= 6
    report = evaluate_gold(rows)
    tp = sum(c.tp for c in report.families.values())
    fp = sum(c.fp for c in report.families.values())
    fn = sum(c.fn for c in report.families.values())
    assert report.mismatch.agreement >= 0.97, report.mismatch
    assert report.stance_accuracy >= 0.95
    assert tp / (tp + fp) >= 0.95 and tp / (tp + fn) >= 0.95
    assert report.mismatch_unknown_ok == report.mismatch_unknown


HOLDOUT = Path(__file__).parent / "data" / "gold_holdout"


# Written blind after tuning; the first set's errors were then fixed (README), the second's only in part.
# Floors sit just under today's figures, so a regression fails.
@pytest.mark.parametrize("name, agreement, precision, recall, stance", [
    ("holdout.jsonl", 0.99, 0.98, 0.98, 0.97),
    ("holdout2.jsonl", 0.98, 0.95, 0.99, 0.95),
])
def test_holdout_set_floors(name, agreement, precision, recall, stance):
    path = HOLDOUT / name
    if not path.is_file():
        pytest.skip(f"{path} absent")
    rows = read_gold([path])
    assert len(rows) >= 200 and len({r.language for r in rows}) >= 9
    report = evaluate_gold(rows)
    m = report.mismatch
    assert m.agreement >= agreement and m.precision >= precision and m.recall >= recall, m
    assert report.stance_accuracy >= stance
    assert report.mismatch_unknown_ok == report.mismatch_unknown
