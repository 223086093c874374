"""Compare the marts of one build on two engines: the same landing data must give the same
tables, row for row (issue 10: "the KPIs must be the same wherever they are computed").

    python scripts/compare_engines.py --duckdb FILE --postgres
        [--schema marts --schema intermediate] [--require kpi_values --require quarantined_rows]
    python scripts/compare_engines.py --duckdb FILE --spark SPARK_WAREHOUSE_DIR [...]

Every table of schema `marts` (or of each --schema) that exists on both sides is
compared, so the check grows with the project. Every column is first brought to a neutral
form: numbers as doubles, dates and timestamps as ISO text, the rest as text. Rows are
matched by sorting on all non-numeric columns, then the numeric ones; numbers must agree
within 1e-9 relative, or 1e-9 of the column's largest magnitude (a difference of two
large doubles, such as forecast - actual, keeps its operands' rounding error). Tables named with
--require must exist on both sides. Exit status 1 on any difference.

PostgreSQL is reached through the libpq variables (PGHOST, PGPORT, ...). Spark's tables are
read straight from the parquet files of its warehouse folder (<dir>/<schema>.db/<table>/),
with pyarrow: no JVM. Spark views have no files and are not compared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import decimal
import os
import sys

import numpy as np
import pandas as pd

RTOL = 1e-9
ATOL = 1e-9


def _neutral(frame: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Columns lower-cased and sorted by name; numbers as float64, the rest as text."""
    frame = frame.rename(columns=str.lower)
    frame = frame[sorted(frame.columns)]
    numeric = []
    out = {}
    for name in frame.columns:
        column = frame[name]
        sample = column.dropna()
        first = sample.iloc[0] if len(sample) else None
        is_number = pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(
            column
        )
        if is_number or isinstance(first, decimal.Decimal | int | float) and not isinstance(
            first, bool
        ):
            out[name] = pd.to_numeric(column.map(lambda v: None if v is None else float(v)),
                                      errors="raise").astype("float64")
            numeric.append(name)
        elif isinstance(first, str):
            # Text as is (the common case, and the quick one at a few hundred thousand rows).
            out[name] = column.astype(object).where(column.notna(), None)
        else:
            out[name] = column.map(_text)
    return pd.DataFrame(out, columns=list(frame.columns)), numeric


def _text(value) -> str | None:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, np.bool_ | bool):
        return "true" if value else "false"
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def compare(name: str, left: pd.DataFrame, right: pd.DataFrame) -> list[str]:
    """Differences between two versions of one table, as readable lines (empty = equal)."""
    left, left_numeric = _neutral(left)
    right, right_numeric = _neutral(right)
    if list(left.columns) != list(right.columns):
        return [f"{name}: columns differ: {sorted(set(left.columns) ^ set(right.columns))}"]
    if len(left) != len(right):
        return [f"{name}: {len(left)} rows vs {len(right)} rows"]
    numeric = [c for c in left.columns if c in left_numeric or c in right_numeric]
    for frame in (left, right):
        for column in numeric:
            frame[column] = pd.to_numeric(frame[column]).astype("float64")
    text = [c for c in left.columns if c not in numeric]
    order = text + numeric
    left = left.sort_values(order, na_position="first", kind="mergesort").reset_index(drop=True)
    right = right.sort_values(order, na_position="first", kind="mergesort").reset_index(drop=True)
    problems = []
    for column in text:
        differs = ~((left[column] == right[column]) | (left[column].isna() & right[column].isna()))
        if differs.any():
            row = int(np.flatnonzero(differs.to_numpy())[0])
            problems.append(f"{name}.{column}: {int(differs.sum())} rows differ, first: "
                            f"{left.loc[row, column]!r} vs {right.loc[row, column]!r}")
    for column in numeric:
        a, b = left[column].to_numpy(), right[column].to_numpy()
        both_null = np.isnan(a) & np.isnan(b)
        # A difference of two large doubles (e.g. forecast - actual) keeps the rounding error
        # of its operands: measure it against the column's magnitude, not the small result.
        scale = np.nanmax(np.abs(np.concatenate([a, b]))) if len(a) and not both_null.all() else 0
        close = np.isclose(a, b, rtol=RTOL, atol=max(ATOL, RTOL * scale)) | both_null
        if not close.all():
            row = int(np.flatnonzero(~close)[0])
            problems.append(f"{name}.{column}: {int((~close).sum())} values differ beyond "
                            f"{RTOL:g} relative, first: {a[row]!r} vs {b[row]!r}")
    return problems


def duckdb_tables(path: str, schema: str) -> dict[str, pd.DataFrame]:
    import duckdb

    with duckdb.connect(path, read_only=True) as con:
        names = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = ?",
            [schema]).fetchall()]
        # Through Arrow: dates stay dates (pandas would make them midnight timestamps).
        return {n: con.sql(f'select * from {schema}."{n}"').to_arrow_table().to_pandas()
                for n in names}


def postgres_tables(schema: str) -> dict[str, pd.DataFrame]:
    import psycopg2

    with psycopg2.connect("") as con, con.cursor() as cursor:
        cursor.execute("select table_name from information_schema.tables where table_schema = %s",
                       [schema])
        names = [r[0] for r in cursor.fetchall()]
        tables = {}
        for name in names:
            cursor.execute(f'select * from {schema}."{name}"')
            columns = [d.name for d in cursor.description]
            tables[name] = pd.DataFrame(cursor.fetchall(), columns=columns, dtype=object)
        return tables


def spark_tables(warehouse: str, schema: str) -> dict[str, pd.DataFrame]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = os.path.join(warehouse, f"{schema}.db")
    tables = {}
    if not os.path.isdir(folder):
        return tables
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not any(f.endswith(".parquet") for f in os.listdir(path)):
            continue
        table = pq.read_table(path)
        # Spark writes timestamps adjusted to UTC (its session time zone here): the values
        # are the wall-clock times DuckDB holds without a zone.
        fields = [pa.field(f.name, pa.timestamp("us")) if pa.types.is_timestamp(f.type)
                  else f for f in table.schema]
        tables[name] = table.cast(pa.schema(fields)).to_pandas()
    return tables


def compare_schema(engine: str, schema: str, reference: dict, tables: dict, args) -> bool:
    """Print the comparison of one schema; True when something differs."""
    failed = False
    common = sorted(set(reference) & set(tables))
    if args.only:
        common = [n for n in common if n in args.only]
    missing = [n for n in args.require if schema == "marts" and n not in common]
    if missing:
        print(f"{engine}: required marts missing on one side: {missing}")
        failed = True
    for name in common:
        problems = compare(name, reference[name], tables[name])
        status = "equal" if not problems else "DIFFERENT"
        print(f"{engine}: {schema + '.' + name:<48} {len(reference[name]):>8} rows  {status}")
        for line in problems:
            print(f"    {line}")
        failed = failed or bool(problems)
    only_one = sorted(set(reference) ^ set(tables))
    if only_one:
        print(f"{engine}: {schema}: not compared (on one side only): {', '.join(only_one)}")
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duckdb", default=os.environ.get("DUCKDB_PATH"),
                        help="the DuckDB build (the reference)")
    parser.add_argument("--postgres", action="store_true", help="compare the PostgreSQL build")
    parser.add_argument("--spark", metavar="WAREHOUSE_DIR",
                        help="compare the Spark build in this warehouse folder (parquet)")
    parser.add_argument("--require", action="append", default=[],
                        help="a mart that must exist on both sides")
    parser.add_argument("--schema", action="append", default=[],
                        help="a schema to compare (default: marts); repeatable")
    parser.add_argument("--only", action="append", default=[],
                        help="compare only these marts (default: all on both sides)")
    args = parser.parse_args(argv)
    failed = False
    for schema in args.schema or ["marts"]:
        reference = duckdb_tables(args.duckdb, schema)
        others = {}
        if args.postgres:
            others["postgres"] = postgres_tables(schema)
        if args.spark:
            others["spark"] = spark_tables(args.spark, schema)
        if not others:
            parser.error("nothing to compare: give --postgres or --spark")
        for engine, tables in others.items():
            failed = compare_schema(engine, schema, reference, tables, args) or failed
    print("engines agree" if not failed else "ENGINES DISAGREE")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
