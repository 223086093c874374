"""End-to-end checks on a warehouse built from generated landing data (`make test` builds
one and sets LANDING_DIR and DUCKDB_PATH): every fault kind of the contract is quarantined
with its reason, nothing landed is lost, and no personnummer is left outside staging."""

from __future__ import annotations

import os
import re
from pathlib import Path

import duckdb
import pytest

WAREHOUSE = os.environ.get("DUCKDB_PATH")
LANDING = os.environ.get("LANDING_DIR")

pytestmark = pytest.mark.skipif(
    not (WAREHOUSE and LANDING and Path(WAREHOUSE).exists()),
    reason="needs a built warehouse: run `make test` (sets LANDING_DIR and DUCKDB_PATH)",
)

PERSONNUMMER = r"[0-9]{6}([0-9]{2})?[-+][0-9]{4}"


@pytest.fixture(scope="module")
def con():
    with duckdb.connect(WAREHOUSE, read_only=True) as connection:
        yield connection


def test_every_fault_kind_is_quarantined_with_its_reason(con) -> None:
    found = set(con.sql("select distinct source_system, reason from marts.quarantined_rows")
                .fetchall())
    expected = {
        ("hr", "invalid_personnummer"),
        ("forskola", "invalid_personnummer"),
        ("omsorg", "invalid_personnummer"),
        ("hr", "invalid_number"),
        ("ekonomi", "invalid_number"),
        ("hr", "invalid_date"),
        ("omsorg", "invalid_timestamp"),
        ("hr", "date_range_reversed"),
        ("hr", "invalid_enum"),
        ("scb", "invalid_enum"),
        ("hr", "duplicate_key_in_delivery"),
        ("hr", "invalid_encoding"),
        ("ekonomi", "wrong_field_count"),
        ("bygglov", "bad_header"),
    }
    assert expected - found == set()


def test_quarantined_rows_point_at_real_lines(con) -> None:
    rows = con.sql(
        "select source_file, line_number, reason from marts.quarantined_rows "
        "where reason in ('wrong_field_count', 'invalid_encoding') order by 1, 2 limit 20"
    ).fetchall()
    assert rows
    for source_file, line_number, reason in rows:
        raw = (Path(LANDING) / source_file).read_bytes().splitlines()[line_number - 1]
        if reason == "invalid_encoding":
            with pytest.raises(UnicodeDecodeError):
                raw.decode("utf-8")
        else:
            assert line_number > 1


def test_rows_landed_match_the_files(con) -> None:
    """Every non-empty data line of every file is counted once: an independent count."""
    landed = dict(con.sql("select source_file, rows_landed from marts.fct_landing_deliveries")
                  .fetchall())
    root = Path(LANDING)
    on_disk = {}
    for path in root.rglob("*.csv"):
        lines = [line for line in path.read_bytes().splitlines()[1:] if line.strip(b"\r")]
        on_disk[path.relative_to(root).as_posix()] = len(lines)
    assert landed == on_disk
    assert 0 in on_disk.values(), "the demo's header-only delivery is listed with 0 rows"


def test_reconciliation_and_resolution(con) -> None:
    per_entity = con.sql(
        "select entity, sum(rows_landed), sum(rows_accepted), sum(rows_quarantined), "
        "sum(rows_superseded) from marts.fct_landing_deliveries group by entity"
    ).fetchall()
    assert len(per_entity) == 9
    for entity, landed, accepted, quarantined, superseded in per_entity:
        assert landed == accepted + quarantined + superseded, entity
        assert accepted > 0, entity
    superseded = {row[0]: row[4] for row in per_entity}
    for entity in ("huvudbok", "franvaro", "besok"):
        assert superseded[entity] > 0, f"no re-delivery of {entity} was resolved"


def test_no_personnummer_outside_staging(con) -> None:
    schemas = {row[0] for row in con.sql(
        "select distinct table_schema from information_schema.tables").fetchall()}
    assert "landing" not in schemas, "raw landing tables must not outlive the build"
    columns = con.sql(
        "select table_schema, table_name, column_name from information_schema.columns "
        "where data_type = 'VARCHAR' and table_schema not in ('staging', 'information_schema')"
    ).fetchall()
    assert columns
    hits = []
    for schema, table, column in columns:
        count = con.sql(
            f'select count(*) from "{schema}"."{table}" '
            f'where regexp_matches("{column}", \'{PERSONNUMMER}\')'
        ).fetchall()[0][0]
        if count:
            hits.append(f"{schema}.{table}.{column}: {count}")
    assert hits == []


def test_staging_keeps_no_personnummer_column(con) -> None:
    names = {row[0] for row in con.sql(
        "select column_name from information_schema.columns where table_schema = 'staging'"
    ).fetchall()}
    assert not [name for name in names if re.search("personnummer", name)]
