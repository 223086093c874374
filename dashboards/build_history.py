"""The build history: one JSON line per `make build`, in a file beside the warehouse.

The file sits next to $DUCKDB_PATH (not inside it), so it survives the build's mv of a new
warehouse onto the served path, and a failed build, which never replaces the warehouse,
still leaves its record. JSON lines because a record is appended in one write and a reader
never sees a half-written history; a line that does not parse is skipped, not fatal.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

FILE_NAME = "build_history.jsonl"
COUNT_COLUMNS = ["rows_landed", "rows_accepted", "rows_quarantined", "rows_superseded"]
TEST_OUTCOMES = ["passed", "warned", "failed"]


def history_path(warehouse: Path) -> Path:
    return warehouse.parent / FILE_NAME


def test_counts(run_results: Path) -> dict[str, int]:
    """Passed, warned and failed data and unit tests of a dbt run (errors count as failed)."""
    counts = dict.fromkeys(TEST_OUTCOMES, 0)
    counts["models"] = 0
    try:
        results = json.loads(run_results.read_text())["results"]
    except (OSError, ValueError, KeyError):
        return counts
    for r in results:
        uid = r.get("unique_id", "")
        status = r.get("status")
        if uid.startswith(("test.", "unit_test.")):
            if status == "pass":
                counts["passed"] += 1
            elif status == "warn":
                counts["warned"] += 1
            elif status in ("fail", "error"):
                counts["failed"] += 1
        elif uid.startswith("model.") and status == "success":
            counts["models"] += 1
    return counts


def row_counts(warehouse: Path) -> dict[str, dict[str, int]]:
    """Rows landed, accepted, quarantined and superseded per source system, from the
    landing inventory of the warehouse just built (empty if it has none)."""
    sums = ", ".join(f"coalesce(sum({c}), 0)::bigint as {c}" for c in COUNT_COLUMNS)
    try:
        with duckdb.connect(str(warehouse), read_only=True) as con:
            df = con.execute(
                f"select source_system, {sums} from marts.fct_landing_deliveries "
                "group by source_system order by source_system"
            ).df()
    except (duckdb.Error, OSError):
        return {}
    return {
        str(r["source_system"]): {c: int(r[c]) for c in COUNT_COLUMNS} for _, r in df.iterrows()
    }


def append(path: Path, record: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line)


def read(path: Path) -> pd.DataFrame:
    """The history, oldest first, one row per build, with per-system rows summed.

    Columns: started_at, finished_at (UTC timestamps), duration_s, status, passed, warned,
    failed, models, rows_landed, rows_accepted, rows_quarantined, rows_superseded, and
    `systems` (the per-system counts as recorded).
    """
    columns = ["started_at", "finished_at", "duration_s", "status", *TEST_OUTCOMES, "models",
               *COUNT_COLUMNS, "systems"]
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        lines = []
    for line in lines:
        try:
            rec = json.loads(line)
        except ValueError:
            continue
        systems = rec.get("systems") or {}
        tests = rec.get("tests") or {}
        records.append(
            {
                "started_at": rec.get("started_at"),
                "finished_at": rec.get("finished_at"),
                "duration_s": rec.get("duration_s"),
                "status": rec.get("status"),
                **{k: tests.get(k, 0) for k in [*TEST_OUTCOMES, "models"]},
                **{c: sum(s.get(c, 0) for s in systems.values()) for c in COUNT_COLUMNS},
                "systems": systems,
            }
        )
    df = pd.DataFrame.from_records(records, columns=columns)
    for c in ("started_at", "finished_at"):
        df[c] = pd.to_datetime(df[c], utc=True, errors="coerce")
    return df
