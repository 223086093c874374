"""Write marts.kpi_values in the Kolada layout as CSV and Excel (`make export`).

Reads `marts.kpi_values_kolada` from the built warehouse (DUCKDB_PATH, read-only): our KPI
id, the nearest Kolada id, the municipality code (dbt variable `municipality_code`), org,
period, gender, value, numerator and denominator. The CSV is UTF-8, comma-separated, with
a point as decimal mark and every number written with `repr` (the shortest text that reads
back as the same double), so re-reading it gives exactly the table's numbers. The Excel
file holds the same rows as numbers, plus a sheet with the KPI catalogue.

    python scripts/export_kpis.py [--out DIR]     (default: <warehouse folder>/export)
"""

from __future__ import annotations

import argparse
import csv
import os
from pathlib import Path

import duckdb
import xlsxwriter

COLUMNS = [
    "kpi",
    "kolada_kpi",
    "municipality",
    "org_code",
    "period",
    "gender",
    "value",
    "numerator",
    "denominator",
]
NUMERIC = {"value", "numerator", "denominator"}
CATALOGUE_COLUMNS = ["kpi_id", "kpi_name_sv", "unit", "kolada_id", "kolada_match"]
FILE_STEM = "kpi_values_kolada"


def read_rows(database: Path) -> tuple[list[tuple], list[tuple]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute(
            f"select {', '.join(COLUMNS)} from marts.kpi_values_kolada"
            " order by kpi, org_code, period, gender"
        ).fetchall()
        catalogue = connection.execute(
            f"select {', '.join(CATALOGUE_COLUMNS)} from reference.kpi_catalogue order by kpi_id"
        ).fetchall()
    return rows, catalogue


def csv_cell(column: str, value: object) -> str:
    if value is None:
        return ""
    if column in NUMERIC:
        return repr(float(value))
    return str(value)


def write_csv(rows: list[tuple], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for row in rows:
            writer.writerow([csv_cell(c, v) for c, v in zip(COLUMNS, row, strict=True)])


def write_excel(rows: list[tuple], catalogue: list[tuple], path: Path) -> None:
    # Text cells stay text: a municipality code like 0581 must keep its leading zero.
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_numbers": False})
    header = workbook.add_format({"bold": True})
    sheet = workbook.add_worksheet("kpi_values")
    sheet.write_row(0, 0, COLUMNS, header)
    for index, row in enumerate(rows, start=1):
        for column_index, (column, value) in enumerate(zip(COLUMNS, row, strict=True)):
            if value is None:
                continue
            if column in NUMERIC:
                sheet.write_number(index, column_index, float(value))
            else:
                sheet.write_string(index, column_index, str(value))
    sheet.autofilter(0, 0, len(rows), len(COLUMNS) - 1)
    sheet.freeze_panes(1, 0)
    names = workbook.add_worksheet("kpi_catalogue")
    names.write_row(0, 0, CATALOGUE_COLUMNS, header)
    for index, row in enumerate(catalogue, start=1):
        names.write_row(index, 0, ["" if v is None else str(v) for v in row])
    workbook.close()


def export(database: Path, out_dir: Path) -> tuple[Path, Path, int]:
    rows, catalogue = read_rows(database)
    out_dir.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = out_dir / f"{FILE_STEM}.csv", out_dir / f"{FILE_STEM}.xlsx"
    write_csv(rows, csv_path)
    write_excel(rows, catalogue, xlsx_path)
    return csv_path, xlsx_path, len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    database = Path(os.environ.get("DUCKDB_PATH", "warehouse/kommun.duckdb"))
    parser.add_argument("--out", type=Path, default=database.parent / "export")
    args = parser.parse_args()
    if not database.exists():
        raise SystemExit(f"No warehouse at {database}: run `make build` first.")
    csv_path, xlsx_path, count = export(database, args.out)
    print(f"{count} KPI rows written to {csv_path} and {xlsx_path}")


if __name__ == "__main__":
    main()
