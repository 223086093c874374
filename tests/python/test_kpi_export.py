"""`make export`: the Kolada-layout CSV and Excel re-read to exactly kpi_values' numbers."""

from __future__ import annotations

import csv
import importlib.util
import math
import os
from pathlib import Path

import duckdb
import openpyxl
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DATABASE = Path(os.environ.get("DUCKDB_PATH", ROOT / "warehouse" / "kommun.duckdb"))

pytestmark = pytest.mark.skipif(not DATABASE.exists(), reason="needs a built warehouse")


def load_export_module():
    path = ROOT / "scripts" / "export_kpis.py"
    spec = importlib.util.spec_from_file_location("export_kpis", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    csv_path, xlsx_path, count = load_export_module().export(DATABASE, out)
    return csv_path, xlsx_path, count


@pytest.fixture(scope="module")
def table():
    with duckdb.connect(str(DATABASE), read_only=True) as connection:
        rows = connection.execute(
            "select kpi_id, org_code, period, gender, value, numerator, denominator"
            " from marts.kpi_values"
        ).fetchall()
        kolada = dict(connection.execute(
            "select kpi_id, kolada_id from reference.kpi_catalogue"
        ).fetchall())
    return {r[:4]: r[4:] for r in rows}, kolada


def as_float(text: str) -> float | None:
    return None if text == "" else float(text)


def test_csv_rereads_to_exactly_the_table(exported, table):
    csv_path, _, count = exported
    values, kolada = table
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == count == len(values)
    municipality = yaml.safe_load((ROOT / "dbt_project.yml").read_text())["vars"][
        "municipality_code"
    ]
    for row in rows:
        key = (row["kpi"], row["org_code"], row["period"], row["gender"])
        numbers = (as_float(row["value"]), as_float(row["numerator"]),
                   as_float(row["denominator"]))
        assert numbers == values[key], key  # exact: repr round-trips a double
        assert row["municipality"] == municipality
        assert row["kolada_kpi"] == (kolada[row["kpi"]] or "")


def test_excel_holds_the_same_rows(exported, table):
    _, xlsx_path, count = exported
    values, _ = table
    sheet = openpyxl.load_workbook(xlsx_path, read_only=True)["kpi_values"]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == count
    index = {name: i for i, name in enumerate(header)}
    for row in body:
        key = tuple(row[index[c]] for c in ("kpi", "org_code", "period", "gender"))
        numbers = tuple(row[index[c]] for c in ("value", "numerator", "denominator"))
        # An xlsx cell stores 16 significant digits (XlsxWriter writes %.16G; Excel shows
        # 15), one short of a double's round trip: the CSV is the exact copy.
        for cell, expected in zip(numbers, values[key], strict=True):
            assert (cell is None) == (expected is None), key
            if expected is not None:
                assert math.isclose(cell, expected, rel_tol=1e-15, abs_tol=1e-300), key
        assert isinstance(row[index["municipality"]], str)
