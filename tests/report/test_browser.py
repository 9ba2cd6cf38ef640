"""report.html in a real browser: headless Chromium driven through chromedriver.

Checks that the tables and the figures are there (every image decoded, naturalWidth > 0),
that nothing was fetched and nothing failed (no console error, no resource entry), that the
injected ``<script>alert(1)</script>`` and ``onerror`` payloads did not run (no alert dialog),
and that the error browser's filter works. A full-page screenshot is written next to the
report (``report.png`` in the test's temporary folder).

Chromium and chromedriver come from the Debian packages ``chromium`` and
``chromium-driver``; when they are missing the set-up installs them with apt-get (as root).
The test is skipped, with the reason, only where they cannot be installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from bench.report import write_reports

from .fakerun import IMG, SCRIPT
from .webdriver import Browser, browser_paths

pytestmark = pytest.mark.browser

APT_TIMEOUT = 900


def _install_chromium() -> str | None:
    """Install chromium and chromium-driver with apt-get; the reason it failed, or None."""
    if shutil.which("apt-get") is None:
        return "apt-get is not available on this system"
    if os.geteuid() != 0:
        return "installing them needs root (apt-get install -y chromium chromium-driver)"
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium", "chromium-driver"]):
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=APT_TIMEOUT, env=env)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"{' '.join(cmd)} failed: {exc}"
        if proc.returncode != 0:
            tail = (proc.stderr.strip().splitlines() or ["no output"])[-1]
            return f"{' '.join(cmd)} failed ({proc.returncode}): {tail}"
    return None


@pytest.fixture(scope="session")
def browser_binaries():
    paths = browser_paths()
    if paths is None:
        reason = _install_chromium()
        paths = browser_paths()
        if paths is None:
            pytest.skip(
                "headless Chromium is needed for the report's browser test and could not be installed: "
                + (reason or "chromium/chromedriver still missing after apt-get install")
            )
    return paths


@pytest.fixture(scope="session")
def browser(browser_binaries, tmp_path_factory):
    chromium, driver = browser_binaries
    with Browser(chromium, driver, tmp_path_factory.mktemp("chromium-profile")) as b:
        yield b


@pytest.fixture(scope="session")
def loaded_report(browser, fake_run_dir, tmp_path_factory):
    """The fake run's report.html written by ``write_reports`` and loaded in the browser."""
    out = tmp_path_factory.mktemp("report-in-browser")
    run_dir = out / "run"
    shutil.copytree(fake_run_dir, run_dir)
    paths = write_reports(run_dir, ["html"])
    report = paths[0]
    browser.get(report.as_uri())
    browser.execute("return document.readyState")  # the load has finished when this answers
    console = browser.console()
    return report, console


def test_no_alert_and_no_injected_element(browser, loaded_report):
    assert browser.alert_text() is None, "an injected script ran"
    found = browser.execute(
        "return {scripts: document.scripts.length,"
        " handlers: Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,"
        " text: document.body.innerText}"
    )
    assert found["scripts"] == 1
    assert found["handlers"] == 0
    assert SCRIPT in found["text"] and IMG in found["text"]  # shown as text


def test_tables_and_plots_are_there(browser, loaded_report):
    state = browser.execute(
        "return {tables: document.querySelectorAll('table.results').length,"
        " rows: document.querySelectorAll('table.results tbody tr').length,"
        " heat: document.querySelectorAll('table.heat td[style]').length,"
        " images: Array.from(document.images).map(i => ({complete: i.complete, w: i.naturalWidth, h: i.naturalHeight, shown: i.getBoundingClientRect().width}))}"
    )
    assert state["tables"] == 2
    assert state["rows"] == 8  # four extractors on each of the two splits
    assert state["heat"] > 0
    assert len(state["images"]) == 5
    for img in state["images"]:
        assert img["complete"] and img["w"] > 0 and img["h"] > 0 and img["shown"] > 0, img


def test_nothing_failed_to_load(browser, loaded_report):
    _, console = loaded_report
    errors = [e for e in console if e.get("level") in ("SEVERE", "ERROR")]
    assert errors == [], errors
    resources = browser.execute("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources == [], f"the report fetched {resources}"


def test_error_browser_filters(browser, loaded_report):
    result = browser.execute(
        """
        const pick = (name, value) => {
          const s = document.querySelector('select[data-filter="' + name + '"]');
          s.value = value; s.dispatchEvent(new Event('change'));
        };
        const rows = Array.from(document.querySelectorAll('#error-table tbody tr'));
        pick('extractor', 'noisy.v1'); pick('kind', 'FP');
        const shown = rows.filter(r => !r.hidden);
        const out = {all: rows.length, shown: shown.length,
                     ok: shown.every(r => r.dataset.extractor === 'noisy.v1' && r.dataset.kind === 'FP'),
                     count: document.getElementById('error-count').textContent};
        document.getElementById('error-reset').click();
        out.after_reset = rows.filter(r => !r.hidden).length;
        return out;
        """
    )
    assert 0 < result["shown"] < result["all"] and result["ok"]
    assert result["count"] == f"{result['shown']} of {result['all']} shown"
    assert result["after_reset"] == result["all"]


def test_screenshot(browser, loaded_report):
    report, _ = loaded_report
    height = browser.execute("return Math.ceil(document.documentElement.scrollHeight)")
    browser.set_window(1400, min(max(int(height), 800), 14000))
    png = browser.screenshot()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    (report.parent / "report.png").write_bytes(png)
    assert browser.alert_text() is None
