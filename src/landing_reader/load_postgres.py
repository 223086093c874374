"""Load the landing zone into PostgreSQL's schema `landing`, where dbt's sources point.

On DuckDB the landing plugin streams the reader's rows into the warehouse while dbt runs.
A PostgreSQL server cannot read files on the machine that runs dbt, so this is the one
load step in front of `dbt build` there. It reuses the same reader (read_entity and the
file inventory), so the server gets the same rows, meta columns and read errors (and so the
same quarantine) as DuckDB. Each Arrow batch goes to the server as CSV through COPY: no
row-by-row inserts.

    python -m landing_reader.load_postgres [--landing-dir DIR]

Connection: the standard libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE).
The whole load is one transaction: the schema is replaced at commit, so a failed load
leaves the previous one (or none) and never half a landing zone. The tables are UNLOGGED:
they are transient copies of files that stay in the landing zone, and dbt's on-run-end
drops the schema again (they hold raw personnummer, which may not outlive staging).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import psycopg2
import pyarrow as pa
import pyarrow.csv as pa_csv

from landing_reader.entities import ENTITIES
from landing_reader.inventory import inventory
from landing_reader.reader import read_entity

SCHEMA = "landing"
INVENTORY_TABLE = "files"
# Batches are concatenated up to about this many CSV bytes per COPY round trip.
COPY_CHUNK_BYTES = 16 << 20

_PG_TYPES = {
    pa.int64(): "bigint",
    pa.int32(): "integer",
    pa.string(): "text",
    pa.large_string(): "text",
    pa.date32(): "date",
    pa.float64(): "double precision",
    pa.bool_(): "boolean",
}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(table: str, arrow_schema: pa.Schema) -> str:
    columns = ", ".join(
        f"{_quote(field.name)} {_PG_TYPES.get(field.type, 'text')}" for field in arrow_schema
    )
    return f"create unlogged table {SCHEMA}.{_quote(table)} ({columns})"


def _csv_chunks(batches: Iterable[pa.RecordBatch], arrow_schema: pa.Schema) -> Iterable[bytes]:
    """The batches as CSV text without header, in chunks of about COPY_CHUNK_BYTES.

    Arrow writes a null as an empty unquoted field and an empty string as `""`, which is
    exactly how COPY's CSV format tells NULL from ''.
    """
    buffer = io.BytesIO()
    options = pa_csv.WriteOptions(include_header=False)
    for batch in batches:
        if batch.num_rows == 0:
            continue
        pa_csv.write_csv(pa.Table.from_batches([batch], schema=arrow_schema), buffer, options)
        if buffer.tell() >= COPY_CHUNK_BYTES:
            yield buffer.getvalue()
            buffer = io.BytesIO()
    if buffer.tell():
        yield buffer.getvalue()


def copy_batches(cursor, table: str, reader: pa.RecordBatchReader) -> int:
    """COPY a stream of record batches into landing.<table>; returns the rows copied."""
    arrow_schema = reader.schema
    columns = ", ".join(_quote(field.name) for field in arrow_schema)
    statement = f"copy {SCHEMA}.{_quote(table)} ({columns}) from stdin with (format csv)"
    rows = 0

    def counted(source: pa.RecordBatchReader) -> Iterable[pa.RecordBatch]:
        nonlocal rows
        for batch in source:
            rows += batch.num_rows
            yield batch

    for chunk in _csv_chunks(counted(reader), arrow_schema):
        cursor.copy_expert(statement, io.BytesIO(chunk))
    return rows


def load(landing_dir: Path, connection, log=print) -> dict[str, int]:
    """Replace schema `landing` with the landing zone's rows; returns rows per table."""
    landing_dir = Path(landing_dir)
    if not landing_dir.is_dir():
        raise FileNotFoundError(f"landing directory {landing_dir} does not exist (set LANDING_DIR)")
    counts: dict[str, int] = {}
    with connection, connection.cursor() as cursor:
        cursor.execute(f"drop schema if exists {SCHEMA} cascade")
        cursor.execute(f"create schema {SCHEMA}")
        files = inventory(landing_dir)
        cursor.execute(create_table_sql(INVENTORY_TABLE, files.schema))
        counts[INVENTORY_TABLE] = copy_batches(
            cursor, INVENTORY_TABLE, pa.RecordBatchReader.from_batches(files.schema,
                                                                       files.to_batches())
        )
        for entity in ENTITIES:
            started = time.perf_counter()
            reader = read_entity(landing_dir, entity)
            # An entity with no delivery yet still gets its (empty) table: the sources and
            # dbt's unit tests need it to exist.
            cursor.execute(create_table_sql(entity.table, reader.schema))
            counts[entity.table] = copy_batches(cursor, entity.table, reader)
            log(f"  {SCHEMA}.{entity.table:<24} {counts[entity.table]:>10,} rows "
                f"{time.perf_counter() - started:6.1f} s")
        # Fresh statistics, or the planner guesses sizes for the first queries of the build.
        cursor.execute("analyze")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--landing-dir", type=Path,
                        default=Path(os.environ.get("LANDING_DIR", "data/landing")))
    args = parser.parse_args(argv)
    started = time.perf_counter()
    # No arguments: libpq reads PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE itself.
    connection = psycopg2.connect("")
    try:
        counts = load(args.landing_dir, connection)
    finally:
        connection.close()
    total = sum(v for k, v in counts.items() if k != INVENTORY_TABLE)
    print(f"Loaded {total:,} landing rows from {args.landing_dir} into schema {SCHEMA} "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
