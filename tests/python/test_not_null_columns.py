"""The generic test `not_null_columns` (tests/generic) must fail on a null in any of its
columns, count failing rows (not columns), honour its `where`, and say which columns were
null. Plants nulls into a copy of the built warehouse (`make test` sets DUCKDB_PATH and
LANDING_DIR) and runs the model's dbt tests against the copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb

from dbt_runs import WAREHOUSE, dbt_test, needs_built_warehouse

MODEL = "stg_omsorg__visits"

pytestmark = needs_built_warehouse


def run_tests(warehouse: Path, tmp_path: Path) -> dict[str, dict]:
    """Run the model's not_null_columns tests on `warehouse`: {where or '': result}."""
    dbt_test(f"{MODEL},test_name:not_null_columns", warehouse, tmp_path)
    target = tmp_path / "target"
    manifest = json.loads((target / "manifest.json").read_text())
    results = json.loads((target / "run_results.json").read_text())["results"]
    by_where = {}
    for result in results:
        if not result["unique_id"].startswith("test."):
            continue  # the project's on-run hooks
        node = manifest["nodes"][result["unique_id"]]
        by_where[node["config"].get("where") or ""] = {**result, "node": node}
    assert set(by_where) == {"", "not is_quarantined"}, by_where.keys()
    return by_where


def failing_columns(warehouse: Path, result: dict, tmp_path: Path) -> list[tuple[str, int]]:
    """The rows the test's own compiled query returns: (null columns, rows)."""
    path = next((tmp_path / "target" / "compiled").rglob(result["node"]["alias"] + ".sql"))
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return sorted(con.sql(path.read_text(encoding="utf-8")).fetchall())


def test_not_null_columns_counts_rows_honours_where_and_names_columns(tmp_path: Path) -> None:
    copy = tmp_path / "kommun.duckdb"
    shutil.copy2(WAREHOUSE, copy)
    clean = run_tests(copy, tmp_path / "clean")
    assert {w: r["status"] for w, r in clean.items()} == {"": "pass", "not is_quarantined": "pass"}

    table = f"staging.{MODEL}"
    with duckdb.connect(str(copy)) as con:
        accepted = [row[0] for row in con.execute(
            f"select landed_row_key from {table} where not is_quarantined "
            "order by landed_row_key limit 2").fetchall()]
        quarantined = con.execute(
            f"select landed_row_key from {table} where is_quarantined "
            "order by landed_row_key limit 1").fetchone()
        assert len(accepted) == 2 and quarantined, "the test data needs both kinds of rows"
        # Two nulls on one accepted row: one failing row, both columns named.
        con.execute(f"update {table} set recipient_sex = null, planned_start_at = null "
                    "where landed_row_key = ?", [accepted[0]])
        con.execute(f"update {table} set source_file = null where landed_row_key = ?",
                    [accepted[1]])
        # A quarantined row may lack a planned start: the `where` leaves it out.
        con.execute(f"update {table} set planned_start_at = null where landed_row_key = ?",
                    [quarantined[0]])

    planted = run_tests(copy, tmp_path / "planted")
    always, accepted_only = planted[""], planted["not is_quarantined"]
    assert (always["status"], always["failures"]) == ("fail", 1)
    assert (accepted_only["status"], accepted_only["failures"]) == ("fail", 1)
    assert failing_columns(copy, always, tmp_path / "planted") == [("source_file", 1)]
    assert failing_columns(copy, accepted_only, tmp_path / "planted") == [
        ("recipient_sex, planned_start_at", 1)]
