"""A real `scripts/build.sh` runs while headless Chromium keeps opening every page: no page
may fail or show a half-built warehouse, and the new build must appear by itself.

Needs the warehouse that `make test` built (DUCKDB_PATH) and its landing zone (LANDING_DIR);
skips without them or without Debian's Chromium. The build goes into a copy in tmp_path,
with dbt's target and log folders there too, so the repository's are left alone.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from dbt_runs import dbt_env
from test_dashboard_browser import (
    CHROMIUM,
    PAGE_TIMEOUT_MS,
    PAGES,
    assert_no_error,
    launch,
    start_server,
    stop_server,
    wait_idle,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 1800

_landing = Path(os.environ.get("LANDING_DIR", "/nonexistent"))
_warehouse = Path(os.environ.get("DUCKDB_PATH", "/nonexistent"))
pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not installed"),
    pytest.mark.skipif(
        not (_landing.is_dir() and _warehouse.is_file()),
        reason="needs a built warehouse and its landing zone (make test sets both)",
    ),
]


def build_caption(page) -> str:
    return page.get_by_test_id("stSidebar").get_by_text("Lagret byggt").inner_text()


def test_pages_keep_working_while_the_warehouse_rebuilds(tmp_path: Path) -> None:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=PAGE_TIMEOUT_MS)
    served = tmp_path / "kommun.duckdb"
    shutil.copy2(_warehouse, served)
    url, server = start_server(served, tmp_path / "streamlit.log")
    # dbt and the history recorder from the same environment as this test.
    env = dbt_env(served, tmp_path, LANDING_DIR=str(_landing))
    polls = 0
    try:
        with sync_playwright() as pw:
            browser = launch(pw)
            try:
                page = browser.new_page(viewport={"width": 1400, "height": 1200})
                page.set_default_timeout(PAGE_TIMEOUT_MS)
                page.goto(url)
                expect(page.get_by_role("heading").first).to_be_visible(timeout=60_000)
                before = build_caption(page)

                with (tmp_path / "build.log").open("wb") as log:
                    # A session of its own, so that a failed test stops dbt too, not only bash.
                    build = subprocess.Popen(
                        ["bash", "scripts/build.sh"], cwd=REPO_ROOT, env=env, stdout=log,
                        stderr=subprocess.STDOUT, start_new_session=True,
                    )  # fmt: skip
                deadline = time.monotonic() + BUILD_TIMEOUT_S
                try:
                    while build.poll() is None and time.monotonic() < deadline:
                        for link, heading, _ in PAGES:
                            nav = page.get_by_test_id("stSidebarNav")
                            nav.get_by_role("link", name=link).click()
                            expect(
                                page.get_by_role("heading", name=heading, exact=True)
                            ).to_be_visible()
                            wait_idle(page)
                            assert_no_error(page)
                            polls += 1
                finally:
                    if build.poll() is None:
                        os.killpg(build.pid, signal.SIGTERM)
                        build.wait(timeout=60)
                assert build.wait() == 0, (tmp_path / "build.log").read_text()[-3000:]

                # The new build is picked up without a click (the sidebar's watcher).
                caption = page.get_by_test_id("stSidebar").get_by_text("Lagret byggt")
                expect(caption).not_to_have_text(before, timeout=60_000)
                wait_idle(page)
                assert_no_error(page)
                nav = page.get_by_test_id("stSidebarNav")
                nav.get_by_role("link", name="Datakvalitet").click()
                wait_idle(page)
                assert_no_error(page)
                status = page.get_by_test_id("stMetric").filter(has_text="Lyckades")
                expect(status).to_have_count(1)
            finally:
                browser.close()
    finally:
        stop_server(server)

    assert polls >= len(PAGES), f"only {polls} page loads during the build"
    history = [
        json.loads(line)
        for line in (tmp_path / "build_history.jsonl").read_text().splitlines()
    ]
    assert history[-1]["status"] == "success"
    assert history[-1]["tests"]["passed"] > 0
    assert sum(s["rows_landed"] for s in history[-1]["systems"].values()) > 0
    print(f"{polls} page loads during the build, no error")
