"""Benchmark the platform at a scale: generator throughput and peak memory, dbt build wall
time, the five slowest models and the warehouse size. Prints figures; asserts nothing.

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


def run_measured(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak resident memory in MiB) of its process tree.

    Uses GNU time when present (per command), else the children's rusage high-water mark.
    """
    time_bin = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    start = time.perf_counter()
    if time_bin:
        report = ROOT / "warehouse" / "bench" / "time.txt"
        subprocess.run([time_bin, "-v", "-o", str(report), *command], env=env, check=True)
        wall = time.perf_counter() - start
        for line in report.read_text().splitlines():
            if "Maximum resident set size" in line:
                return wall, int(line.split(":")[1]) / 1024
    subprocess.run(command, env=env, check=True)
    wall = time.perf_counter() - start
    return wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


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
         "--seed", str(args.seed), "--out", str(landing)], env)
    files, rows = count_rows(landing)
    landing_mb = sum(p.stat().st_size for p in landing.rglob("*")) / 2**20

    build_wall, build_rss = run_measured(["bash", str(ROOT / "scripts" / "build.sh")], env)
    results = json.loads((ROOT / "target" / "run_results.json").read_text())
    models = [r for r in results["results"] if r["unique_id"].startswith("model.")]
    slowest = sorted(models, key=lambda r: r["execution_time"], reverse=True)[:5]

    print(f"\nBenchmark, scale {args.scale}, seed {args.seed}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, "
          f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB, "
          f"Python {platform.python_version()}")
    print(f"generator: {rows:,} rows in {files} files ({landing_mb:,.0f} MiB) in {gen_wall:.1f} s"
          f" = {rows / gen_wall:,.0f} rows/s; peak memory {gen_rss:,.0f} MiB")
    print(f"dbt build: {build_wall:.1f} s wall; peak memory {build_rss:,.0f} MiB")
    print("five slowest models:")
    for result in slowest:
        print(f"  {result['execution_time']:8.1f} s  {result['unique_id'].split('.')[-1]}")
    print(f"warehouse size: {duckdb_path.stat().st_size / 2**20:,.0f} MiB ({duckdb_path})")


if __name__ == "__main__":
    main()
