"""The PostgreSQL loader's CSV for COPY: NULL and '' must stay apart, quotes and separators
survive, and every row goes out exactly once (the end-to-end check is make test-postgres)."""

from __future__ import annotations

import csv
import io

import pyarrow as pa

from landing_reader import load_postgres
from landing_reader.entities import ENTITIES
from landing_reader.reader import schema


def test_null_and_empty_text_stay_apart() -> None:
    # COPY's csv format reads an unquoted empty field as NULL and `""` as the empty string.
    arrow_schema = pa.schema([pa.field("a", pa.string()), pa.field("n", pa.int64())])
    batch = pa.record_batch([pa.array([None, "", 'x;"y"', "åäö\nrad"]),
                             pa.array([1, None, 3, 4])], schema=arrow_schema)
    chunks = list(load_postgres._csv_chunks([batch], arrow_schema))
    assert b"".join(chunks).decode("utf-8") == ',1\n"",\n"x;""y""",3\n"åäö\nrad",4\n'


def test_chunks_hold_every_row_once(monkeypatch) -> None:
    monkeypatch.setattr(load_postgres, "COPY_CHUNK_BYTES", 64)
    arrow_schema = pa.schema([pa.field("a", pa.string())])
    batches = [pa.record_batch([pa.array([f"row {i}-{j}" for j in range(5)])],
                               schema=arrow_schema) for i in range(10)]
    chunks = list(load_postgres._csv_chunks(batches, arrow_schema))
    assert len(chunks) > 1
    rows = [row for chunk in chunks for row in csv.reader(io.StringIO(chunk.decode("utf-8")))]
    assert [row[0] for row in rows] == [f"row {i}-{j}" for i in range(10) for j in range(5)]


def test_landing_tables_keep_the_reader_columns_and_types() -> None:
    entity = ENTITIES[0]
    sql = load_postgres.create_table_sql(entity.table, schema(entity))
    assert sql.startswith(f'create unlogged table landing."{entity.table}" (')
    assert '"_line_number" bigint' in sql
    assert all(f'"{column}" text' in sql for column in entity.columns)
