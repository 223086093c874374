"""Benchmark the dashboard on a built warehouse: each page's data queries cold and warm,
each page's whole server-side run (Streamlit AppTest) cold and warm, and the time to first
paint and to the page's figures in headless Chromium. Prints figures; asserts nothing.

    make bench-dashboard                         (the warehouse at $DUCKDB_PATH)
    python scripts/bench_dashboard.py --warehouse warehouse/bench/kommun.duckdb

Cold = nothing cached (each query opens the file read-only, as after a new build); warm =
the st.cache_data entries are there, as for every manager after the first. The warehouse is
copied first, so a build moving a new file onto the served path cannot disturb the figures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DASHBOARDS = ROOT / "dashboards"
sys.path.insert(0, str(DASHBOARDS))
sys.path.insert(0, str(ROOT / "tests" / "python"))

import duckdb  # noqa: E402

import build_history  # noqa: E402
import kpis  # noqa: E402
import queries  # noqa: E402

PAGES = {
    "Översikt": "views/overview.py",
    "Personal": "views/personal.py",
    "Ekonomi": "views/ekonomi.py",
    "Verksamhet": "views/verksamhet.py",
    "Datakvalitet": "views/data_quality.py",
}
URLS = {"Översikt": "", "Personal": "personal", "Ekonomi": "ekonomi",
        "Verksamhet": "verksamhet", "Datakvalitet": "datakvalitet"}
# Views beyond a page's default one that read other data: (label, page, URL query params).
# {forvaltning} and {unit} are filled with the warehouse's first unit of today's organisation.
VARIANTS = [
    ("Personal, omräknad", "Personal", {"forvaltning": "{forvaltning}", "organisation": "idag"}),
    ("Personal, enhet", "Personal", {"forvaltning": "{forvaltning}", "enhet": "{unit}"}),
    ("Ekonomi, enhet", "Ekonomi", {"forvaltning": "{forvaltning}", "enhet": "{unit}"}),
]


def first_unit(db: Path) -> dict[str, str]:
    """A unit with staff and its förvaltning today, to fill the variants' parameters."""
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            """
            select current_forvaltning_code, unit_id
            from marts.fct_hr_unit_months
            group by current_forvaltning_code, unit_id
            order by sum(headcount) desc, unit_id
            limit 1
            """
        ).fetchone()
    return {"forvaltning": row[0], "unit": row[1]} if row else {}


def page_queries(db: Path) -> dict[str, Callable[[], object]]:
    """What each page reads, as the cache layer calls it (the entry script's filter options,
    then the page's own): the work a cache miss costs."""
    v = queries.warehouse_version(db)

    def kpi_page() -> object:
        bundle = queries.kpi_bundle(db, v)
        return kpis.disclose(bundle["kpi_values"])

    unit = first_unit(db)
    year = int(max(queries.kpi_values(db, v)["period"])[:4])

    def personal() -> object:
        # The default view, then what the restated view and the age bands add.
        groups = queries.hr_sick_leave_groups(db, v)
        return (
            kpi_page(),
            kpis.restated(queries.hr_restated_sums(db, v), queries.kpi_values(db, v)),
            None if groups is None else [kpis.sick_leave_groups(groups, level, True)
                                         for level in kpis.GROUP_LEVELS],
        )

    def ekonomi() -> object:
        return (kpi_page(), queries.finance_bundle(db, v),
                queries.unit_finance_months(unit.get("unit", ""), year, db, v))

    def verksamhet() -> object:
        return kpi_page(), queries.services_bundle(db, v)

    def data_quality() -> object:
        return (
            kpi_page(),  # the entry script's filters
            build_history.read(build_history.history_path(db)),
            queries.data_quality_bundle(db, v),
            queries.quarantined_rows(db_path=db, version=v),
        )

    return {
        "Översikt": kpi_page,
        "Personal": personal,
        "Ekonomi": ekonomi,
        "Verksamhet": verksamhet,
        "Datakvalitet": data_quality,
    }


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f} ms"


def bench_queries(db: Path, runs: int) -> None:
    print("\nData queries per page (no Streamlit; cold = no cache, every call opens the file)")
    print(f"  {'page':<14}{'cold (1st)':>12}{'cold (median)':>16}")
    for name, fn in page_queries(db).items():
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        print(f"  {name:<14}{ms(times[0]):>12}{ms(statistics.median(times)):>16}")


def bench_pages(db: Path, runs: int) -> None:
    """Whole page runs through AppTest: entry script, filters, queries, charts, tables."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    os.environ["DUCKDB_PATH"] = str(db)
    print("\nWhole page, server side (AppTest script run; cold = caches cleared)")
    print(f"  {'page':<20}{'cold':>10}{'warm (median)':>16}")
    def clear() -> None:
        st.cache_data.clear()
        st.cache_resource.clear()

    unit = first_unit(db)
    views = [(name, path, {}) for name, path in PAGES.items()] + [
        (label, PAGES[page], {k: v.format(**unit) for k, v in params.items()})
        for label, page, params in VARIANTS if unit
    ]
    for name, path, params in views:
        clear()
        at = AppTest.from_file(str(DASHBOARDS / "app.py"), default_timeout=120)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()  # the entry page, to be able to switch
        if path != "views/overview.py":
            clear()
            t = time.perf_counter()
            at.switch_page(path).run()
        else:
            clear()
            t = time.perf_counter()
            at.run()
        cold = time.perf_counter() - t
        warm = []
        for _ in range(runs):
            t = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - t)
        errors = [e.message for e in at.exception]
        note = f"  ERROR: {errors[0][:80]}" if errors else ""
        print(f"  {name:<20}{ms(cold):>10}{ms(statistics.median(warm)):>16}{note}")


def bench_browser(db: Path) -> None:
    chromium = Path("/usr/bin/chromium")
    if not chromium.exists():
        print("\nBrowser: /usr/bin/chromium missing, skipped")
        return
    from playwright.sync_api import sync_playwright

    from test_dashboard_browser import CHROMIUM_ARGS, start_server, stop_server

    with tempfile.TemporaryDirectory() as tmp:
        url, proc = start_server(db, Path(tmp) / "streamlit.log")
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=str(chromium), args=CHROMIUM_ARGS)
                # The first session on a fresh server: imports, warehouse read, caches
                # filled (what the first manager after a restart waits for).
                warmup = browser.new_page()
                t = time.perf_counter()
                warmup.goto(url)
                warmup.get_by_test_id("stMetric").first.wait_for(timeout=120_000)
                figures = time.perf_counter() - t
                fcp = warmup.evaluate(
                    "() => (performance.getEntriesByName('first-contentful-paint')[0]"
                    " || {startTime: NaN}).startTime"
                )
                warmup.close()
                print("\nBrowser: first contentful paint, and the page's first figure or chart "
                      "visible")
                print(f"  {'page':<14}{'first paint':>12}{'figures':>12}")
                print(f"  {'Översikt (cold server)':<14}{fcp:>9.0f} ms{ms(figures):>12}")
                print("  new tab per page, server warm:")
                for name, path in URLS.items():
                    page = browser.new_page(viewport={"width": 1400, "height": 1000})
                    t = time.perf_counter()
                    page.goto(f"{url}/{path}")
                    page.locator(
                        "[data-testid=stMetric], [data-testid=stVegaLiteChart], "
                        "[data-testid=stDataFrame]"
                    ).first.wait_for(timeout=120_000)
                    figures = time.perf_counter() - t
                    fcp = page.evaluate(
                        "() => (performance.getEntriesByName('first-contentful-paint')[0]"
                        " || {startTime: NaN}).startTime"
                    )
                    print(f"  {name:<14}{fcp:>9.0f} ms{ms(figures):>12}")
                    page.close()
                browser.close()
        finally:
            stop_server(proc)


def describe(db: Path) -> None:
    with duckdb.connect(str(db), read_only=True) as con:
        landed = con.execute(
            "select coalesce(sum(rows_landed), 0) from marts.fct_landing_deliveries"
        ).fetchall()[0][0]
        tables = {r[0] for r in con.execute(
            "select table_schema || '.' || table_name from information_schema.tables"
        ).fetchall()}
        kv = (
            con.execute("select count(*) from marts.kpi_values").fetchall()[0][0]
            if "marts.kpi_values" in tables
            else None
        )
    load = os.getloadavg()
    print(f"Warehouse {db} ({db.stat().st_size / 2**20:.0f} MiB): {landed:,} landed rows, "
          f"kpi_values: {kv if kv is not None else 'missing'} rows")
    print(f"Machine: {os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warehouse", type=Path, default=Path(os.environ.get("DUCKDB_PATH", "")))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    if not args.warehouse.is_file():
        sys.exit(f"No warehouse at {args.warehouse}: build one (make build) or pass --warehouse")
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "kommun.duckdb"
        shutil.copy2(args.warehouse, db)
        history = build_history.history_path(args.warehouse)
        if history.is_file():
            shutil.copy2(history, build_history.history_path(db))
        describe(db)
        bench_queries(db, args.runs)
        bench_pages(db, args.runs)
        if not args.no_browser:
            bench_browser(db)


if __name__ == "__main__":
    main()
