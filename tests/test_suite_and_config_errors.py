"""Every bad input gives one line naming file/line/field (or the target), exit 2, no traceback."""

from __future__ import annotations

import pytest

from probe.suite import load_suite
from tests.helpers import run_cli, write_config

GOOD_SUITE = """\
id: mini
version: "1"
description: tiny
languages: [en, pt]
conditions:
  - id: none
    system: null
  - id: persona
    system: "You are {{ persona.name }}, an AI assistant developed by {{ persona.org }}."
questions:
  - id: q1
    category: name
    text: {en: "What is your name?", pt: "Qual é o seu nome?"}
  - id: q2
    category: creator
    text: {en: "Who made you?"}
"""


def _config_for(tmp_path, suite_path, **over):
    return write_config(tmp_path / "run.yaml", "http://127.0.0.1:9/v1", tmp_path / "out", suite=str(suite_path), **over)


def assert_one_line_error(proc, *needles):
    assert proc.returncode == 2, proc.stderr
    lines = [l for l in proc.stderr.strip().splitlines() if l]
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def test_shipped_identity_suite_meets_the_spec():
    suite = load_suite("identity")
    counts = suite.counts_by_language()
    assert counts["en"] >= 120 and counts["zh"] >= 60 and counts["pt"] >= 60
    assert all(counts[lang] >= 30 for lang in ("es", "ja", "ko", "ru"))
    assert len({q.text["en"].strip().lower() for q in suite.questions}) == len(suite.questions)
    categories = {q.category for q in suite.questions}
    assert {"name", "creator", "model", "training", "comparison", "casual", "meta"} <= categories
    assert [c.id for c in suite.conditions][:3] == ["none", "neutral", "persona"]
    assert suite.condition("none").system is None


@pytest.mark.parametrize("mutation, needles", [
    (lambda s: s.replace("description: tiny", "descripton: tiny"), ["suite.yaml:3", "descripton", "unknown key"]),
    (lambda s: s.replace("id: q2", "id: q1"), ["suite.yaml:14", "duplicate question id 'q1'"]),
    (lambda s: s.replace('{en: "Who made you?"}', '{en: "Who made you?", de: "Wer?"}'), ["suite.yaml:16", "text.de", "not declared"]),
    (lambda s: s.replace("languages: [en, pt]", "languages: [en, pt, ja]"), ["suite.yaml:4", "'ja'", "no question"]),
    (lambda s: s.replace("{{ persona.org }}.", "{{ persona.org }."), ["suite.yaml:9", "conditions.1.system", "Jinja syntax"]),
])
def test_bad_suite_gives_one_line_error(tmp_path, mutation, needles):
    suite = tmp_path / "suite.yaml"
    suite.write_text(mutation(GOOD_SUITE), encoding="utf-8")
    proc = run_cli("run", str(_config_for(tmp_path, suite)))
    assert_one_line_error(proc, *needles)
    proc = run_cli("suites", "show", str(suite))
    assert_one_line_error(proc, needles[0])


def test_undefined_template_variable_names_suite_line(tmp_path):
    suite = tmp_path / "suite.yaml"
    suite.write_text(GOOD_SUITE, encoding="utf-8")
    proc = run_cli("run", str(_config_for(tmp_path, suite, variables={"persona": {"name": "Rio"}})))
    assert_one_line_error(proc, "suite.yaml:9", "persona", "undefined", "org")


def test_template_reaching_for_python_internals_is_refused(tmp_path):
    suite = tmp_path / "suite.yaml"
    suite.write_text(GOOD_SUITE.replace("{{ persona.name }}", "{{ ''.__class__.__mro__ }}"), encoding="utf-8")
    proc = run_cli("run", str(_config_for(tmp_path, suite)))
    assert_one_line_error(proc, "suite.yaml:9", "sandbox")


@pytest.mark.parametrize("over, needles", [
    ({"target": {"base_url": "htp:/nowhere"}}, ["run.yaml", "targets.0(rio).base_url", "invalid URL"]),
    ({"target": {"base_url": "http://127.0.0.1:99999/v1"}}, ["targets.0(rio).base_url", "invalid URL"]),
    ({"target": {"api_key_env": "PROBE_TEST_SURELY_UNSET_KEY"}}, ["target 'rio'", "PROBE_TEST_SURELY_UNSET_KEY", "not set"]),
    ({"target": {"max_concurrency": 0}}, ["targets.0(rio).max_concurrency"]),
    ({"target": {"apii": "chat"}}, ["targets.0(rio).apii", "unknown key"]),
    ({"conditions": ["none", "secret"]}, ["conditions", "unknown condition 'secret'"]),
    ({"languages": ["en", "xx"]}, ["languages", "'xx'"]),
    ({"suspect": "nobody"}, ["suspect", "not a target name"]),
])
def test_bad_config_gives_one_line_error(tmp_path, over, needles):
    proc = run_cli("run", str(write_config(tmp_path / "run.yaml", "http://127.0.0.1:9/v1", tmp_path / "out", **over)))
    assert_one_line_error(proc, *needles)


def test_yaml_syntax_error_and_missing_file(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("suite: identity\ntargets: [\n", encoding="utf-8")
    assert_one_line_error(run_cli("run", str(bad)), "bad.yaml:", "YAML syntax error")
    assert_one_line_error(run_cli("run", str(tmp_path / "nope.yaml")), "nope.yaml", "file not found")
