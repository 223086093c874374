"""Benchmark MetricFlow on the built warehouse: compile and run the overview's metrics apart.

Sets up one `MetricEngine` (as a dashboard does), then for each query of the saved
overview (the saved queries in models/semantic/_overview__saved_queries.yml, and each
overview metric alone by month and by förvaltning) compiles the SQL and runs it, REPEAT
times, and prints the warm median and worst per query (the first, cold round is reported
apart), wall time and the process's CPU time (DuckDB's threads included): on a shared
machine wall time grows with the load, CPU time much less, so both are printed with the
load average. Compile is MetricFlow's real planning every time: the engine's cache of
compiled SQL per question is bypassed. Prints figures; asserts nothing. Targets: compile
≤ 0.5 s, run ≤ 0.3 s warm.

    make bench-metrics                 (DUCKDB_PATH = the warehouse to time, e.g. scale 1)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "target" / "semantic_manifest.json"


def overview_queries(manifest: dict) -> list[tuple[str, dict]]:
    queries = []
    for saved in manifest.get("saved_queries", []):
        queries.append((f"saved query {saved['name']}", {"saved_query": saved["name"]}))
    monthly = next(s for s in manifest["saved_queries"] if s["name"] == "kpi_overview_monthly")
    for metric in monthly["query_params"]["metrics"]:
        queries.append((f"{metric} by month", {"metrics": [metric],
                                                "group_by": ["metric_time__month"]}))
    for metric in ("hr_sick_leave_pct", "hr_headcount", "fin_net_cost"):
        queries.append((
            f"{metric} by förvaltning and month",
            {"metrics": [metric], "group_by": ["metric_time__month", "forvaltning"]},
        ))
    return queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--manifest", type=Path, default=MANIFEST,
                        help="semantic_manifest.json to time (default target/)")
    args = parser.parse_args()
    database = Path(os.environ.get("DUCKDB_PATH", ROOT / "warehouse" / "kommun.duckdb"))

    started = time.perf_counter()
    from kommun_metrics import MetricEngine

    imported = time.perf_counter()
    engine = MetricEngine(database, args.manifest)
    ready = time.perf_counter()
    print(f"warehouse {database}, manifest {args.manifest}")
    print("load average at start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    print(f"import {imported - started:.2f} s, engine set-up {ready - imported:.2f} s (once)")

    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    header = f"{'query':55} {'rows':>6} {'compile cold':>12} {'compile warm':>12} " \
             f"{'run cold':>9} {'run warm':>9} {'worst warm c/r':>15} {'warm CPU c/r':>13}"
    print(header)
    warm_compiles, warm_runs, warm_run_cpus = [], [], []
    for label, query in overview_queries(manifest):
        compiles, runs, compile_cpus, run_cpus, rows = [], [], [], [], 0
        try:
            for _ in range(args.repeat + 1):
                t0, c0 = time.perf_counter(), time.process_time()
                # The engine keeps compiled SQL per question; time MetricFlow's real work.
                sql = engine.compile(**query, use_cache=False)
                t1, c1 = time.perf_counter(), time.process_time()
                rows = len(engine.run(sql))
                t2, c2 = time.perf_counter(), time.process_time()
                compiles.append(t1 - t0)
                runs.append(t2 - t1)
                compile_cpus.append(c1 - c0)
                run_cpus.append(c2 - c1)
        except duckdb.CatalogException as error:
            # A warehouse built only in part (e.g. one domain): time what is there.
            print(f"{label:55} skipped: {str(error).splitlines()[0][:60]}")
            continue
        warm_c, warm_r = compiles[1:], runs[1:]
        warm_compiles += warm_c
        warm_runs += warm_r
        warm_run_cpus += run_cpus[1:]
        print(f"{label:55} {rows:>6} {compiles[0]:>11.3f}s {statistics.median(warm_c):>11.3f}s "
              f"{runs[0]:>8.3f}s {statistics.median(warm_r):>8.3f}s "
              f"{max(warm_c):>7.3f}/{max(warm_r):.3f} "
              f"{statistics.median(compile_cpus[1:]):>6.3f}/{statistics.median(run_cpus[1:]):.3f}")
    print(f"all queries, warm: compile median {statistics.median(warm_compiles):.3f} s "
          f"(worst {max(warm_compiles):.3f} s), run median {statistics.median(warm_runs):.3f} s "
          f"(worst {max(warm_runs):.3f} s), "
          f"run CPU median {statistics.median(warm_run_cpus):.3f} s")
    print("load average at end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    engine.close()


if __name__ == "__main__":
    main()
