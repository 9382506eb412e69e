"""The HTML report in a real browser: a planted <script> and onerror handler stay inert text.

Uses Debian's chromium headless. When it is missing, the test installs it only as root in CI
(or with PROBE_INSTALL_BROWSER=1); otherwise it skips with a message. A positive control
(the same payload written raw into a page) proves the browser would have run it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from probe.report import write_report
from probe.score import score_run
from tests.synthetic_frames import plant, rio_case_frame

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
RAW_PAYLOAD = ("<script>document.title='PWNED'</script>"
               "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">")


def _install() -> None:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update"], check=True, capture_output=True, timeout=600, env=env)
    subprocess.run(["apt-get", "install", "-y", "chromium"], check=True, capture_output=True, timeout=1200, env=env)


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium") or (CHROMIUM if Path(CHROMIUM).exists() else None)
    if found:
        return found
    allowed = os.geteuid() == 0 and (os.environ.get("CI") or os.environ.get("PROBE_INSTALL_BROWSER"))
    if not allowed:
        pytest.skip("chromium absent: install Debian's chromium (apt-get install -y chromium), "
                    "or run as root with CI=1 or PROBE_INSTALL_BROWSER=1 to let the test install it")
    _install()
    return shutil.which("chromium") or CHROMIUM


def _browse(chromium: str, page: Path, profile: Path, screenshot: Path | None = None) -> str:
    """Load a page headless, offline; return the DOM after scripts (if any) ran."""
    base = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--no-first-run", "--disable-extensions", f"--user-data-dir={profile}", "--virtual-time-budget=3000"]
    dom = subprocess.run([*base, "--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    if screenshot is not None:
        shot = subprocess.run([*base, "--window-size=1200,3000", f"--screenshot={screenshot}", page.as_uri()],
                              capture_output=True, text=True, timeout=120)
        assert shot.returncode == 0, shot.stderr[-2000:]
    return dom.stdout


def test_positive_control_the_payload_runs_when_not_escaped(chromium: str, tmp_path: Path) -> None:
    page = tmp_path / "control.html"
    page.write_text(f"<!DOCTYPE html><html><head><title>clean</title></head><body>{RAW_PAYLOAD}</body></html>",
                    encoding="utf-8")
    dom = _browse(chromium, page, tmp_path / "profile")
    assert "<title>PWNED</title>" in dom
    assert 'data-pwned="1"' in dom


def test_planted_html_in_answers_is_inert_text(chromium: str, tmp_path: Path) -> None:
    frame = plant(rio_case_frame(rio_nex_share=0.7, questions=10, seed=0))
    scores = score_run(frame, suspect="rio", parents=["nex", "qwen"], n_boot=30)
    _, html = write_report(tmp_path / "run", frame, scores, {"run_id": "browser-test"})
    shot = tmp_path / "report.png"
    dom = _browse(chromium, html, tmp_path / "profile", screenshot=shot)
    assert "PWNED" not in dom.split("</title>")[0]  # the title is ours
    assert "data-pwned" not in dom.split("<body")[1].split(">")[0]  # the onerror handler never ran
    assert "<script" not in dom.lower()  # no script element was created
    # The payload is on the page as text a reader can see:
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom
    assert "&lt;img src=x onerror=" in dom
    assert shot.is_file() and shot.stat().st_size > 20_000
    from matplotlib.image import imread

    pixels = imread(shot)
    assert pixels.std() > 0.05  # a rendered page, not a blank one
