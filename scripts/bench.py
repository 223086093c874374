"""Benchmark the platform at a scale: generator throughput and peak memory; build wall time
and peak memory, of the whole build and of the foundation alone (selectors.yml); time per
layer; the five slowest models and tests; and the floor: how long DuckDB's own CSV reader
takes to read every landing file once, with the ratio build / floor; and the fixed cost:
the same build on a tiny town, which no faster reader can remove.
Prints figures; asserts nothing.

    make bench SCALE=1      (or: python scripts/bench.py --scale 1)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_measured(command: list[str], env: dict[str, str],
                 progress: Path | None = None) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak resident memory in MiB) of its process tree.

    Uses GNU time when present (per command), else the children's rusage high-water mark.
    With `progress` (a folder) and a terminal on stdout, shows the folder's growth meanwhile.
    """
    time_bin = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    report = ROOT / "warehouse" / "bench" / "time.txt"
    if time_bin:
        command = [time_bin, "-v", "-o", str(report), *command]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env)
    show = progress is not None and sys.stdout.isatty()
    shown = start
    while process.poll() is None:
        # Polled often: the wall time is taken when the poll sees the end.
        time.sleep(0.05)
        if show and progress is not None and time.perf_counter() - shown >= 1:
            shown = time.perf_counter()
            written = sum(p.stat().st_size for p in progress.rglob("*") if p.is_file())
            print(f"\r  generating: {time.perf_counter() - start:5.0f} s, "
                  f"{written / 2**20:,.0f} MiB written", end="", flush=True)
    if show:
        print()
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    wall = time.perf_counter() - start
    if time_bin:
        for line in report.read_text().splitlines():
            if "Maximum resident set size" in line:
                return wall, int(line.split(":")[1]) / 1024
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def floor_seconds(landing: Path) -> float:
    """DuckDB's own CSV reader over every landing file of the contract once, all columns as
    text, bad lines to its rejects table: the least any build must spend reading."""
    import duckdb  # the venv's; imported here so that --help works without it

    from landing_reader.entities import ENTITIES

    start = time.perf_counter()
    with duckdb.connect() as con:
        for entity in ENTITIES:
            files = sorted(str(p) for p in landing.glob(entity.glob))
            if not files:
                continue
            encoding = "latin-1" if entity.encoding == "latin-1" else "utf-8"
            # The contract's columns, not the header's: a bad header must not stop the read.
            columns = ", ".join(f"'{name}': 'varchar'" for name in entity.columns)
            sql = ("select max(columns(*)) from read_csv(?, delim=';', quote='\"', "
                   f"escape='\"', header=true, columns={{{columns}}}, store_rejects=true, "
                   f"encoding='{encoding}')")
            try:
                con.execute(sql, [files]).fetchall()
            except Exception:  # noqa: BLE001 (DuckDB raises several error types here)
                # A file with a bad header can stop a multi-file read: read them one by one.
                for file in files:
                    con.execute(sql, [file]).fetchall()
    return time.perf_counter() - start


LAYERS = ("staging", "intermediate", "marts")
# A tiny town (~258,000 rows, 2 % of scale 1: the generator keeps a minimum per entity,
# e.g. ledger lines): every model and test runs, on little data.
TINY_SCALE = 0.001


def layer_of(result: dict, nodes: dict) -> str:
    unique_id = result["unique_id"]
    if unique_id.startswith(("test.", "unit_test.")):
        return "tests"
    if unique_id.startswith("seed."):
        return "seeds"
    path = nodes.get(unique_id, {}).get("original_file_path", "")
    return next((layer for layer in LAYERS if f"/{layer}/" in path), "other")


def count_rows(landing: Path) -> tuple[int, int]:
    files = rows = 0
    for path in landing.rglob("*.csv"):
        files += 1
        with path.open("rb") as handle:
            rows += max(sum(1 for _ in handle) - 1, 0)
    return files, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    work = ROOT / "warehouse" / "bench"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    landing, duckdb_path = work / "landing", work / "kommun.duckdb"
    env = dict(os.environ, LANDING_DIR=str(landing), DUCKDB_PATH=str(duckdb_path),
               DBT_PROFILES_DIR=str(ROOT))
    bin_dir = Path(sys.executable).parent

    gen_wall, gen_rss = run_measured(
        [str(bin_dir / "synthkoping"), "generate", "--scale", str(args.scale),
         "--seed", str(args.seed), "--out", str(landing)], env, progress=landing)
    files, rows = count_rows(landing)
    landing_mb = sum(p.stat().st_size for p in landing.rglob("*")) / 2**20

    read_log = work / "landing_reads.jsonl"
    env["LANDING_READ_LOG"] = str(read_log)
    build_wall, build_rss = run_measured(["bash", str(ROOT / "scripts" / "build.sh")], env)
    results = json.loads((ROOT / "target" / "run_results.json").read_text())["results"]
    nodes = json.loads((ROOT / "target" / "manifest.json").read_text())["nodes"]
    models = [r for r in results if r["unique_id"].startswith("model.")]
    tests = [r for r in results if r["unique_id"].startswith(("test.", "unit_test."))]
    slowest = sorted(models, key=lambda r: r["execution_time"], reverse=True)[:5]
    slowest_tests = sorted(tests, key=lambda r: r["execution_time"], reverse=True)[:5]
    per_layer: dict[str, float] = {}
    for result in results:
        layer = layer_of(result, nodes)
        per_layer[layer] = per_layer.get(layer, 0.0) + result["execution_time"]
    reads = [json.loads(line) for line in read_log.read_text().splitlines()]
    read_seconds = sum(r["seconds"] for r in reads)
    # The foundation alone (selectors.yml), into a file of its own: the guide's second budget.
    foundation_env = dict(env, DUCKDB_PATH=str(work / "foundation.duckdb"))
    del foundation_env["LANDING_READ_LOG"]
    foundation_wall, foundation_rss = run_measured(
        [str(bin_dir / "dbt"), "build", "--selector", "foundation",
         "--exclude-resource-type", "unit_test"], foundation_env)
    # The same whole build on a tiny town: about what dbt, the seeds, the calendar and the
    # ~470 nodes cost whatever the data. Only the rest grows with the landing zone.
    tiny_landing = work / "tiny" / "landing"
    run_measured([str(bin_dir / "synthkoping"), "generate", "--scale", str(TINY_SCALE),
                  "--seed", str(args.seed), "--out", str(tiny_landing)], env)
    tiny_env = dict(foundation_env, LANDING_DIR=str(tiny_landing),
                    DUCKDB_PATH=str(work / "tiny" / "kommun.duckdb"))
    tiny_wall, _ = run_measured(["bash", str(ROOT / "scripts" / "build.sh")], tiny_env)
    _, tiny_rows = count_rows(tiny_landing)
    floor = min(floor_seconds(landing) for _ in range(2))

    print(f"\nBenchmark, scale {args.scale}, seed {args.seed}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
          f"Python {platform.python_version()}")
    print(f"generator: {rows:,} rows in {files} files ({landing_mb:,.0f} MiB) in {gen_wall:.1f} s"
          f" = {rows / gen_wall:,.0f} rows/s; peak memory {gen_rss:,.0f} MiB")
    print(f"build (seeds, models, tests): {build_wall:.1f} s wall; "
          f"peak memory {build_rss:,.0f} MiB")
    print(f"foundation alone (dbt build --selector foundation: staging, delivery resolution, "
          f"quarantine, platform marts, their tests): {foundation_wall:.1f} s wall; "
          f"peak memory {foundation_rss:,.0f} MiB")
    print("time per layer of the whole build (summed over dbt's threads; read is inside staging):")
    print(f"  {read_seconds:8.1f} s  read (landing reader, {sum(r['rows'] for r in reads):,} rows)")
    for layer in ("seeds", *LAYERS, "tests", "other"):
        if layer in per_layer:
            print(f"  {per_layer[layer]:8.1f} s  {layer}")
    print("five slowest models:")
    for result in slowest:
        print(f"  {result['execution_time']:8.1f} s  {result['unique_id'].split('.')[-1]}")
    print("five slowest tests:")
    for result in slowest_tests:
        print(f"  {result['execution_time']:8.1f} s  {result['unique_id'].split('.')[2]}")
    print(f"fixed cost (the same build on a tiny town, scale {TINY_SCALE}, {tiny_rows:,} rows): "
          f"{tiny_wall:.1f} s wall")
    print(f"floor (DuckDB read_csv of every landing file once): {floor:.1f} s; "
          f"build / floor = {build_wall / floor:.1f}; "
          f"(build - fixed cost) / floor = {(build_wall - tiny_wall) / floor:.1f}")
    print(f"warehouse size: {duckdb_path.stat().st_size / 2**20:,.0f} MiB ({duckdb_path})")


if __name__ == "__main__":
    main()
