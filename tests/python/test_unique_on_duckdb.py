"""dbt's `unique` test runs on DuckDB as macros/test_unique.sql (grouped by hash first). It
must fail on exactly the values dbt's own test finds, with the same counts, and ignore
nulls. Plants duplicates into a copy of the built warehouse (`make test` sets DUCKDB_PATH
and LANDING_DIR) and compares the test's compiled query with dbt's plain one."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb

from dbt_runs import WAREHOUSE, dbt_test, needs_built_warehouse

TABLE = "staging.stg_omsorg__visits"

pytestmark = needs_built_warehouse

# dbt's own test (dbt/include/global_project/macros/generic_test_sql/unique.sql).
PLAIN_UNIQUE = f"""
select landed_row_key as unique_field, count(*) as n_records
from {TABLE}
where landed_row_key is not null
group by landed_row_key
having count(*) > 1
"""


def run_unique_test(warehouse: Path, work: Path) -> tuple[dict, list[tuple]]:
    """The unique test on the visits' key: its result and the rows its query returns."""
    dbt_test("stg_omsorg__visits,test_name:unique", warehouse, work)
    results = [r for r in json.loads((work / "target" / "run_results.json").read_text())[
        "results"] if r["unique_id"].startswith("test.")]
    assert len(results) == 1, [r["unique_id"] for r in results]
    compiled = next((work / "target" / "compiled").rglob("unique_stg_omsorg__visits_*.sql"))
    sql = compiled.read_text(encoding="utf-8")
    assert "hash(" in sql, "the DuckDB override was not used"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return results[0], sorted(con.sql(sql).fetchall())


def test_unique_finds_what_dbts_own_test_finds(tmp_path: Path) -> None:
    copy = tmp_path / "kommun.duckdb"
    shutil.copy2(WAREHOUSE, copy)
    clean, rows = run_unique_test(copy, tmp_path / "clean")
    assert (clean["status"], rows) == ("pass", [])

    with duckdb.connect(str(copy)) as con:
        keys = [row[0] for row in con.execute(
            f"select landed_row_key from {TABLE} order by landed_row_key limit 6").fetchall()]
        # keys[0] three times, keys[3] twice, and two nulls (not duplicates).
        for target, source in [(keys[1], keys[0]), (keys[2], keys[0]), (keys[4], keys[3])]:
            con.execute(f"update {TABLE} set landed_row_key = ? where landed_row_key = ?",
                        [source, target])
        con.execute(f"update {TABLE} set landed_row_key = null where landed_row_key = ?",
                    [keys[5]])
        con.execute(f"update {TABLE} set landed_row_key = null where landed_row_key = ("
                    f"select max(landed_row_key) from {TABLE})")
        expected = sorted(con.execute(PLAIN_UNIQUE).fetchall())
    assert expected == [(keys[0], 3), (keys[3], 2)]

    planted, rows = run_unique_test(copy, tmp_path / "planted")
    assert (planted["status"], planted["failures"]) == ("fail", 2)
    assert rows == expected
