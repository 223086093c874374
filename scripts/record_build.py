"""Append one build's record to the build history beside the warehouse (build.sh calls it).

    python scripts/record_build.py --started 1718000000.5 --exit-code 0 \
        --warehouse warehouse/kommun.duckdb --counts-from warehouse/kommun.duckdb

Never fails the build: a record that cannot be written is reported on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "dashboards"))

import build_history  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--started", type=float, required=True, help="epoch seconds")
    parser.add_argument("--exit-code", type=int, required=True)
    parser.add_argument("--warehouse", type=Path, required=True, help="the served path")
    parser.add_argument("--counts-from", type=Path, help="warehouse file to count rows in")
    parser.add_argument("--run-results", type=Path, default=ROOT / "target" / "run_results.json")
    args = parser.parse_args()
    finished = time.time()
    utc = dt.UTC
    record = {
        "started_at": dt.datetime.fromtimestamp(args.started, utc).isoformat(),
        "finished_at": dt.datetime.fromtimestamp(finished, utc).isoformat(),
        "duration_s": round(finished - args.started, 3),
        "status": "success" if args.exit_code == 0 else "failed",
        "exit_code": args.exit_code,
        "warehouse": str(args.warehouse),
        # A build that failed before dbt wrote its results must not take the last build's.
        "tests": build_history.test_counts(args.run_results)
        if args.run_results.is_file() and args.run_results.stat().st_mtime >= args.started
        else build_history.test_counts(Path("/nonexistent")),
        "systems": build_history.row_counts(args.counts_from) if args.counts_from else {},
    }
    try:
        build_history.append(build_history.history_path(args.warehouse), record)
    except OSError as err:
        print(f"build history not written: {err}", file=sys.stderr)


if __name__ == "__main__":
    main()
