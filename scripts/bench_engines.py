"""Build the same landing zone on several engines in one run and print the times side by side.

    python scripts/bench_engines.py --engines duckdb,postgres,spark --landing DIR [--out DIR]
    make bench-engines ENGINES=duckdb,postgres,spark SCALE=0.02   (or make bench ENGINES=...)

duckdb builds into OUT/kommun.duckdb (scripts/build.sh). postgres starts a throwaway cluster
on 127.0.0.1 (scripts/pg_cluster.sh; Debian's server, installed when missing), runs
scripts/build_postgres.sh (COPY load + dbt build) and stops it. spark runs
scripts/build_spark.sh (parquet load + one dbt build on a local Spark in session mode) with
the selection of make test-spark (the selector spark_suite in selectors.yml: every seed and
model, the singular tests including the personnummer scan, the unique and not-null tests of
the marts; so its "tests" column covers fewer tests than the others),
its files in OUT/spark, removed afterwards. Each engine writes its dbt
target folder apart (OUT/target-<engine>), from which the time spent in models and in
tests is read. Times are wall-clock seconds on this machine, whatever else runs on it.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ("duckdb", "postgres", "spark")
# The selection of scripts/test_spark.sh (selectors.yml): the full suite does not fit Spark's time.
SPARK_SELECTION = ["--selector", "spark_suite"]


def _phase_times(target: Path) -> dict[str, float]:
    """Seconds in models, tests and seeds, summed over the nodes of run_results.json."""
    results = json.loads((target / "run_results.json").read_text())["results"]
    times = {"models": 0.0, "tests": 0.0, "seeds": 0.0}
    for result in results:
        kind = result["unique_id"].split(".")[0]
        key = {"model": "models", "test": "tests", "unit_test": "tests", "seed": "seeds"}.get(kind)
        if key:
            times[key] += result["execution_time"]
    return times


def run_engine(engine: str, landing: Path, out: Path) -> dict[str, object]:
    env = dict(os.environ, LANDING_DIR=str(landing), DBT_PROFILES_DIR=str(ROOT),
               DBT_TARGET=engine, DBT_TARGET_PATH=str(out / f"target-{engine}"),
               DBT_LOG_PATH=str(out / f"logs-{engine}"))
    cluster = None
    if engine == "duckdb":
        env["DUCKDB_PATH"] = str(out / "kommun.duckdb")
    elif engine == "spark":
        env["SPARK_DIR"] = str(out / "spark")
    elif engine == "postgres":
        cluster = out / "pg"
        started = subprocess.run(["bash", str(ROOT / "scripts/pg_cluster.sh"), "start",
                                  str(cluster)], check=True, capture_output=True, text=True)
        for assignment in started.stdout.split("export ", 1)[1].split():
            name, _, value = assignment.partition("=")
            env[name] = value
    started_at = time.perf_counter()
    try:
        extra = SPARK_SELECTION if engine == "spark" else []
        build = subprocess.run(["bash", str(ROOT / "scripts/build.sh"), *extra], env=env, cwd=ROOT,
                               capture_output=True, text=True)
    finally:
        if cluster is not None:
            subprocess.run(["bash", str(ROOT / "scripts/pg_cluster.sh"), "stop", str(cluster)],
                           capture_output=True)
        if engine == "spark":
            # The metastore and warehouse are only needed for the timing.
            shutil.rmtree(out / "spark", ignore_errors=True)
    wall = time.perf_counter() - started_at
    row: dict[str, object] = {"engine": engine, "ok": build.returncode == 0, "wall": wall}
    if build.returncode != 0:
        row["error"] = (build.stdout + build.stderr).strip().splitlines()[-5:]
        return row
    row.update(_phase_times(out / f"target-{engine}"))
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", default="duckdb,postgres")
    parser.add_argument("--landing", type=Path, required=True)
    parser.add_argument("--out", type=Path, default=ROOT / "warehouse" / "bench-engines")
    args = parser.parse_args(argv)
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    unknown = [e for e in engines if e not in ENGINES]
    if unknown:
        parser.error(f"unknown engine(s) {unknown}; choose from {', '.join(ENGINES)}")
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    for engine in engines:
        print(f"building on {engine} ...", file=sys.stderr, flush=True)
        rows.append(run_engine(engine, args.landing.resolve(), args.out.resolve()))
    print(f"\nlanding zone: {args.landing}")
    print(f"{'engine':<10} {'build (wall)':>13} {'models':>9} {'tests':>9} {'seeds':>8}  "
          "(seconds; wall = load + seeds + models + tests + dbt start-up)")
    for row in rows:
        if not row["ok"]:
            print(f"{row['engine']:<10} FAILED after {row['wall']:.0f} s:")
            for line in row["error"]:
                print(f"    {line}")
            continue
        print(f"{row['engine']:<10} {row['wall']:>13.1f} {row['models']:>9.1f} "
              f"{row['tests']:>9.1f} {row['seeds']:>8.1f}")
    return 0 if all(row["ok"] for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
