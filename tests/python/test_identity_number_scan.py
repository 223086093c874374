"""The dbt test `assert_no_personnummer_past_staging` must fail when a personnummer reaches a
relation outside staging, and only then. Plants values into a copy of the built warehouse
(`make test` sets DUCKDB_PATH and LANDING_DIR) and runs the dbt test against the copy."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb

from dbt_runs import WAREHOUSE, dbt_test, needs_built_warehouse

pytestmark = needs_built_warehouse

# 811218-9876 and 198112189876 pass Luhn with a real date of birth; 19811218-9875 fails
# Luhn; 19811318-9876 has no month 13; a 13-digit visit id is no candidate.
PLANTED = [
    ("note", "kontakt 811218-9876 ringde"),
    ("note", "ok: 19811218-9875 fel kontrollsiffra"),
    ("note", "ok: 19811318-9875 ingen månad 13"),
    ("other", "besok B2021010000038"),
    # A pseudonym (64 hex characters) is not scanned, even when digits in it would pass.
    ("other", "ab198112189876" + "c" * 50),
    ("other", "198112189876"),
    # The shortest value that can hold one (10 characters): the scan's length filter keeps it.
    ("other", "8112189876"),
]


def scan(warehouse: Path, tmp_path: Path) -> list[dict]:
    """Run the dbt scan test on `warehouse`; return the rows it found (one per column)."""
    dbt_test("assert_no_personnummer_past_staging", warehouse, tmp_path)
    results = json.loads((tmp_path / "target" / "run_results.json").read_text())
    statuses = [r["status"] for r in results["results"] if r["unique_id"].startswith("test.")]
    assert statuses and statuses[0] in ("pass", "fail"), statuses
    if statuses[0] == "pass":
        return []
    # The test's own query, as dbt compiled it, says which columns it found.
    compiled = next((tmp_path / "target" / "compiled").rglob(
        "assert_no_personnummer_past_staging.sql")).read_text(encoding="utf-8")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.sql(compiled).fetchall()
    return [{"table": r[1], "column": r[2], "count": r[3]} for r in rows]


def test_scan_finds_a_planted_personnummer_and_nothing_else(tmp_path: Path) -> None:
    copy = tmp_path / "kommun.duckdb"
    shutil.copy2(WAREHOUSE, copy)
    assert scan(copy, tmp_path / "clean") == []

    with duckdb.connect(str(copy)) as con:
        con.execute("create table marts.zz_leak (note varchar, other varchar)")
        for column, value in PLANTED:
            con.execute(f"insert into marts.zz_leak ({column}) values (?)", [value])
    found = scan(copy, tmp_path / "planted")
    assert sorted(found, key=lambda r: r["column"]) == [
        {"table": "zz_leak", "column": "note", "count": 1},
        {"table": "zz_leak", "column": "other", "count": 2},
    ]


def test_scan_counts_rows_of_a_large_table_read_as_value_groups(tmp_path: Path) -> None:
    """A repeating column of a large table is scanned once per distinct value
    (macro identity_scan_grouped_columns); the count is still one per row."""
    copy = tmp_path / "kommun.duckdb"
    shutil.copy2(WAREHOUSE, copy)
    with duckdb.connect(str(copy)) as con:
        # 1.2 M rows: `repeated` holds four values (one a personnummer, on every fourth row),
        # `distinct_value` one value per row (one a personnummer).
        con.execute("""
            create table marts.zz_many as
            select
                case i % 4 when 0 then 'kontakt 811218-9876 ringde' when 1 then 'ok'
                    when 2 then 'ok: 19811218-9875 fel kontrollsiffra' else 'B2021010000038'
                end as repeated,
                case when i = 77 then '198112189876' else 'rad ' || i end as distinct_value
            from range(1200000) as t(i)
        """)
        con.execute("checkpoint")
    found = scan(copy, tmp_path / "planted")
    assert sorted(found, key=lambda r: r["column"]) == [
        {"table": "zz_many", "column": "distinct_value", "count": 1},
        {"table": "zz_many", "column": "repeated", "count": 300000},
    ]
    compiled = next((tmp_path / "planted" / "target" / "compiled").rglob(
        "assert_no_personnummer_past_staging.sql")).read_text(encoding="utf-8")
    grouped = [part for part in compiled.split("union all") if "grouped_values" in part]
    assert any("'zz_many'" in part and "'repeated'" in part for part in grouped)
    assert not any("'zz_many'" in part and "'distinct_value'" in part for part in grouped)


def test_a_model_with_its_own_scan_is_scanned_by_it_and_not_again(tmp_path: Path) -> None:
    """int_omsorg__visits_resolved carries no_identity_numbers: a personnummer planted there
    fails that test; the end-of-build scan leaves the model out (it is not read twice)."""
    copy = tmp_path / "kommun.duckdb"
    shutil.copy2(WAREHOUSE, copy)
    work = tmp_path / "planted"
    with duckdb.connect(str(copy)) as con:
        con.execute("update intermediate.int_omsorg__visits_resolved set staff_id = "
                    "'811218-9876' where landed_row_key = (select min(landed_row_key) "
                    "from intermediate.int_omsorg__visits_resolved)")
    dbt_test("int_omsorg__visits_resolved,test_name:no_identity_numbers", copy, work)
    results = json.loads((work / "target" / "run_results.json").read_text())["results"]
    own = [r for r in results if r["unique_id"].startswith("test.")]
    assert [(r["status"], r["failures"]) for r in own] == [("fail", 1)]
    assert scan(copy, tmp_path / "end") == []
    compiled = next((tmp_path / "end" / "target" / "compiled").rglob(
        "assert_no_personnummer_past_staging.sql")).read_text(encoding="utf-8")
    assert "int_omsorg__visits_resolved" not in compiled
    assert "fct_homecare_recipient_months" in compiled
