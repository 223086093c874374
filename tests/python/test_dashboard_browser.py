"""The dashboard served by `streamlit run` and read in headless Chromium.

Skips only when Debian's Chromium is missing (CI installs it); Playwright drives that binary,
since its own browser download cannot be fetched on these machines.
"""

from __future__ import annotations

import os
import re
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


def start_server(db: Path, log: Path) -> tuple[str, subprocess.Popen[bytes]]:
    port = free_port()
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
    except BaseException:
        stop_server(proc)
        raise
    return url, proc


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    db = fx.build_full_warehouse(tmp_path / "kommun.duckdb")
    url, proc = start_server(db, tmp_path / "streamlit.log")
    try:
        yield url
    finally:
        stop_server(proc)


def screenshot_dir(tmp_path: Path) -> Path:
    """DASHBOARD_SCREENSHOTS keeps the images (e.g. for CI artefacts); else pytest's tmp."""
    out = Path(os.environ.get("DASHBOARD_SCREENSHOTS") or tmp_path / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out


def launch(pw):
    return pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def assert_no_error(page) -> None:
    errors = page.get_by_test_id("stException")
    assert errors.count() == 0, errors.first.inner_text()


def wait_idle(page) -> None:
    """Until the rerun has finished: no element left over from the previous run."""
    from playwright.sync_api import expect

    expect(page.locator("[data-stale='true']")).to_have_count(0)
    page.wait_for_timeout(500)
    expect(page.locator("[data-stale='true']")).to_have_count(0)


def choose(page, label: str, option: str) -> None:
    """Pick a selectbox option with the keyboard only, as a keyboard user would."""
    box = page.get_by_label(label, exact=True)
    box.focus()
    page.keyboard.press("Enter")
    page.keyboard.type(option)
    page.keyboard.press("Enter")


PAGES = [  # sidebar link, heading, file name of the screenshot
    ("Översikt", "Synthköping – nyckeltal", "oversikt"),
    ("Personal", "Personal", "personal"),
    ("Ekonomi", "Ekonomi", "ekonomi"),
    ("Verksamhet", "Verksamhet", "verksamhet"),
    ("Datakvalitet", "Datakvalitet", "datakvalitet"),
]


def test_dashboard_in_browser(server: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    # A shared CI machine can take seconds per rerun: wait like a patient manager would.
    expect.set_options(timeout=PAGE_TIMEOUT_MS)
    shots = screenshot_dir(tmp_path)
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1800}, accept_downloads=True)
            page.set_default_timeout(PAGE_TIMEOUT_MS)
            page.goto(f"{server}/?ar=2024&manad=3&forvaltning=BOU&kon=T")

            # The first load after server start can be blank: wait for the tiles.
            metrics = page.get_by_test_id("stMetric")
            expect(metrics).to_have_count(19, timeout=60_000)
            expect(metrics.first).to_contain_text("Antal månadsavlönade anställda")
            expect(metrics.first).to_contain_text("380")

            for link, heading, name in PAGES:
                page.get_by_test_id("stSidebarNav").get_by_role("link", name=link).click()
                expect(page.get_by_role("heading", name=heading, exact=True)).to_be_visible()
                # The filters travel with the manager from page to page, in the URL too.
                expect(page).to_have_url(re.compile(r"forvaltning=BOU"))
                wait_idle(page)
                main = page.get_by_test_id("stMain")
                if name != "oversikt":
                    expect(main.locator("canvas, svg").first).to_be_attached()
                assert_no_error(page)
                page.screenshot(path=str(shots / f"{name}.png"), full_page=True)

            # Change a filter with the keyboard on Personal: the table follows, and so
            # does the URL.
            page.get_by_test_id("stSidebarNav").get_by_role("link", name="Personal").click()
            choose(page, "Förvaltning", "Socialförvaltningen")
            expect(page).to_have_url(re.compile(r"forvaltning=SOC"))
            soc_heading = page.get_by_role("heading", name=re.compile("Socialförvaltningen"))
            expect(soc_heading.first).to_be_visible()
            wait_idle(page)
            assert_no_error(page)

            # Download the breakdown table: the file has the filters and the build time,
            # and the small groups are hidden in it as on the page.
            with page.expect_download() as info:
                page.get_by_role("button", name="Ladda ned CSV").first.click()
            text = Path(info.value.path()).read_text(encoding="utf-8-sig")
            assert "Förvaltning:;Socialförvaltningen" in text
            assert "Lagret byggt:;" in text
            assert "Kommunstyrelseförvaltningen;.." in text
            assert "10 anställda eller färre" in text
            with page.expect_download() as info:
                page.get_by_role("button", name="Ladda ned Excel").first.click()
            assert Path(info.value.path()).read_bytes()[:2] == b"PK"  # a zip: xlsx
            page.screenshot(path=str(shots / "personal-socialforvaltningen.png"), full_page=True)
        finally:
            browser.close()
    print(f"screenshots in {shots}")
