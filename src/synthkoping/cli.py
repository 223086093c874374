"""Command line: `synthkoping generate --scale 0.02 --seed 42 --out data/landing`."""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

from synthkoping import finance, homecare, hr, population, services
from synthkoping.common import Config, Stats, months, next_month
from synthkoping.organisation import Organisation

T = TypeVar("T")
R = TypeVar("R")


def _pmap(fn: Callable[[T], R], items: Iterable[T], jobs: int) -> list[R]:
    """Ordered map; results are identical whatever the number of processes."""
    items = list(items)
    if jobs <= 1 or len(items) < 2:
        return [fn(i) for i in items]
    # fork: workers inherit the home-care roster without pickling it per task.
    ctx = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        return list(pool.map(fn, items, chunksize=1))


_CFG: Config | None = None


def _ledger_job(period: tuple[int, int]) -> Stats:
    assert _CFG is not None
    return finance.write_period(_CFG, *period)


def _homecare_job(month: tuple[int, int]) -> tuple[Stats, list[str]]:
    assert _CFG is not None
    return homecare.write_month(_CFG, *month)


def generate(cfg: Config, log: Callable[[str], None] = lambda s: None) -> Stats:
    global _CFG
    _CFG = cfg
    cfg.out.mkdir(parents=True, exist_ok=True)
    stats = Stats()
    org = Organisation()
    steps: list[tuple[str, Callable[[], None]]] = []

    def ledger() -> None:
        for s in _pmap(_ledger_job, finance.periods(cfg), cfg.jobs):
            stats.merge(s)
        finance.write_budget(cfg, org, stats)

    def omsorg() -> None:
        homecare._ROSTER[:] = homecare.roster(cfg)
        month_list = months(cfg.start_year, cfg.end_year)
        results = _pmap(_homecare_job, month_list, cfg.jobs)
        for (y, m), (s, corrections) in zip(month_list, results, strict=True):
            stats.merge(s)
            ny, nm = next_month(y, m)
            if ny <= cfg.end_year:
                homecare.append_corrections(cfg, ny, nm, corrections, stats)

    steps = [
        ("master", lambda: org.write(cfg, stats)),
        ("scb", lambda: population.write(cfg, stats)),
        ("hr", lambda: hr.write(cfg, org, stats)),
        ("ekonomi", ledger),
        ("bygglov", lambda: services.write_bygglov(cfg, stats)),
        ("forskola", lambda: services.write_forskola(cfg, stats)),
        ("omsorg", omsorg),
    ]
    for name, step in steps:
        t0 = time.perf_counter()
        step()
        log(f"  {name:<10} {time.perf_counter() - t0:6.1f} s")
    return stats


def _peak_rss_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024  # Linux reports KiB


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="synthkoping", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="write the demo landing zone")
    gen.add_argument("--scale", type=float, default=0.02,
                     help="1.0 = a 145 000-inhabitant kommun (default 0.02)")
    gen.add_argument("--seed", type=int, default=42)
    gen.add_argument("--out", type=Path, default=Path("data/landing"))
    gen.add_argument("--start-year", type=int, default=2021)
    gen.add_argument("--end-year", type=int, default=2025)
    gen.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1),
                     help="worker processes for ledger and home care (output is identical)")
    gen.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.end_year < args.start_year or args.scale <= 0:
        parser.error("need start-year <= end-year and scale > 0")

    cfg = Config(out=args.out, scale=args.scale, seed=args.seed, start_year=args.start_year,
                 end_year=args.end_year, jobs=max(1, args.jobs))

    def log(msg: str) -> None:
        if not args.quiet:
            print(msg, file=sys.stderr)

    log(f"synthkoping: scale {cfg.scale}, seed {cfg.seed}, "
        f"{cfg.start_year}-{cfg.end_year} -> {cfg.out}")
    t0 = time.perf_counter()
    stats = generate(cfg, log)
    elapsed = time.perf_counter() - t0
    total = sum(stats.rows.values())
    print(f"{'file kind':<24}{'files':>7}{'rows':>12}")
    for kind in sorted(stats.files):
        print(f"{kind:<24}{stats.files[kind]:>7}{stats.rows[kind]:>12}")
    print(f"{'total':<24}{sum(stats.files.values()):>7}{total:>12}")
    print(f"planted faults: {sum(stats.faults.values())} rows in {len(stats.faults)} kinds")
    log(f"{total} rows in {elapsed:.1f} s = {total / max(elapsed, 1e-9):,.0f} rows/s; "
        f"peak RSS {_peak_rss_mb():.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
