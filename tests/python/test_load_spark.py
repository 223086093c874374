"""The Spark loader's parquet holds the reader's rows exactly (types, nulls, empty
entities), a failed load leaves the previous landing zone, and the comparison and the
metric query read Spark's parquet warehouse without a JVM (end to end: make test-spark)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from landing_reader import load_spark
from landing_reader.entities import ENTITIES

ROOT = Path(__file__).resolve().parents[2]


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_write_table_keeps_rows_types_and_nulls(tmp_path: Path) -> None:
    schema = pa.schema([pa.field("a", pa.string()), pa.field("_line_number", pa.int64())])
    batches = [pa.record_batch([pa.array([None, "", "x;\"y\"", "åäö"]), pa.array([2, 3, 4, 5])],
                               schema=schema),
               pa.record_batch([pa.array([], pa.string()), pa.array([], pa.int64())],
                               schema=schema)]
    rows = load_spark.write_table(tmp_path / "t",
                                  pa.RecordBatchReader.from_batches(schema, batches))
    assert rows == 4
    table = pq.read_table(tmp_path / "t")
    assert table.schema == schema
    assert table.column("a").to_pylist() == [None, "", "x;\"y\"", "åäö"]


def test_an_entity_without_rows_still_has_its_columns(tmp_path: Path) -> None:
    schema = pa.schema([pa.field("a", pa.string())])
    assert load_spark.write_table(tmp_path / "t",
                                  pa.RecordBatchReader.from_batches(schema, [])) == 0
    assert pq.read_table(tmp_path / "t").schema == schema


def test_load_writes_every_landing_table(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    (landing / "hr").mkdir(parents=True)
    (landing / "hr" / "unknown.txt").write_text("x")
    counts = load_spark.load(landing, tmp_path / "out", log=lambda *_: None)
    assert set(counts) == {"files"} | {e.table for e in ENTITIES}
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(counts)
    assert pq.read_table(tmp_path / "out" / "files").num_rows == 1


def test_failed_load_keeps_the_previous_landing_zone(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out"
    (out / "files").mkdir(parents=True)
    (out / "files" / "old.parquet").write_text("previous")
    landing = tmp_path / "landing"
    landing.mkdir()

    def broken(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(load_spark, "read_entity", broken)
    with pytest.raises(OSError):
        load_spark.load(landing, out, log=lambda *_: None)
    assert (out / "files" / "old.parquet").read_text() == "previous"
    assert not (tmp_path / "out.loading").exists()


def test_missing_landing_dir_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        load_spark.load(tmp_path / "nope", tmp_path / "out")


def _kpi_warehouse(tmp_path: Path) -> Path:
    folder = tmp_path / "warehouse" / "marts.db" / "kpi_values"
    folder.mkdir(parents=True)
    pq.write_table(pa.table({
        "kpi_id": ["HR_SICK_LEAVE_PCT", "HR_SICK_LEAVE_PCT", "HR_SICK_LEAVE_PCT", "OTHER"],
        "period": ["2024", "2025-03", "2025-03", "2025"],
        "org_code": ["ALL", "ALL", "F1", "ALL"],
        "gender": ["T", "T", "T", "T"],
        "value": [5.0, 6.0, 7.0, 1.0],
        "numerator": [5.0, 6.0, 7.0, 1.0],
        "denominator": [100.0, 100.0, 100.0, 1.0],
    }), folder / "part-00000.parquet")
    (folder / "_SUCCESS").write_text("")
    return tmp_path / "warehouse"


def test_metrics_are_served_from_kpi_values_by_name(tmp_path: Path) -> None:
    query = _script("query_kpi_values")
    warehouse = _kpi_warehouse(tmp_path)
    _con, result = query.query(warehouse, ["hr_sick_leave_pct"], start="2025-01-01")
    assert result.fetchall() == [("HR_SICK_LEAVE_PCT", "2025-03", "ALL", "T", 6.0, 6.0, 100.0)]
    _con, result = query.query(warehouse, ["hr_sick_leave_pct"], org="any", end="2024-12-31")
    assert [row[1] for row in result.fetchall()] == ["2024"]


def test_comparison_reads_spark_parquet_and_sees_a_difference(tmp_path: Path) -> None:
    compare = _script("compare_engines")
    tables = compare.spark_tables(str(_kpi_warehouse(tmp_path)), "marts")
    assert list(tables) == ["kpi_values"]
    frame = tables["kpi_values"]
    assert compare.compare("kpi_values", frame, frame.copy()) == []
    changed = frame.copy()
    changed.loc[1, "value"] = 6.0 + 1e-6
    assert compare.compare("kpi_values", frame, changed)
