"""The dashboard served by `streamlit run` and read in headless Chromium.

Skips only when Debian's Chromium is missing (CI installs it); Playwright drives that binary,
since its own browser download cannot be fetched on these machines.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

import dashboard_fixtures as fx

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SERVER_START_TIMEOUT = 60.0
PAGE_TIMEOUT_MS = 30_000

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed (apt-get install -y chromium)"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"streamlit not healthy after {SERVER_START_TIMEOUT} s:\n{log.read_text()}")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    db = fx.build_warehouse(tmp_path / "kommun.duckdb")
    port = free_port()
    log = tmp_path / "streamlit.log"
    env = {**os.environ, "DUCKDB_PATH": str(db)}
    cmd = [
        sys.executable, "-m", "streamlit", "run", "dashboards/app.py",
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_dashboard_in_browser(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    t = fx.totals()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.goto(server)

            # The first load after server start can be blank: wait for the figures.
            metrics = page.get_by_test_id("stMetric")
            expect(metrics).to_have_count(4)
            expect(metrics.nth(0)).to_contain_text("Levererade rader")
            text = page.get_by_test_id("stMain").inner_text().replace("\u00a0", " ")
            for key in ("rows_landed", "rows_accepted", "rows_quarantined", "rows_superseded"):
                assert f"{t[key]:,}".replace(",", " ") in text, key
            page.screenshot(path=str(tmp_path / "oversikt.png"), full_page=True)

            page.get_by_role("link", name="Datakvalitet").click()
            expect(page.get_by_role("heading", name="Datakvalitet", exact=True)).to_be_visible()
            main = page.get_by_test_id("stMain")
            # Both only occur in tables (the reason label also in the chart's canvas).
            for known in (
                "hr/franvaro_2024-06-03.csv",
                "Ogiltigt personnummer (invalid_personnummer)",
            ):
                expect(main.get_by_text(known).first).to_be_attached()
            expect(page.get_by_test_id("stVegaLiteChart")).to_have_count(1)
            # Streamlit scrolls inside its own container, so full_page does not reach the
            # bottom: a tall viewport shows the chart and the quarantine list in one image.
            page.set_viewport_size({"width": 1400, "height": 3000})
            expect(main.locator("canvas, svg").first).to_be_attached()
            page.screenshot(path=str(tmp_path / "datakvalitet.png"), full_page=True)
        finally:
            browser.close()
    print(f"screenshots in {tmp_path}")
