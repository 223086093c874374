"""dbt-duckdb source plugin: `source('hr', 'franvaro')` reads the landing files in place.

dbt-duckdb calls `load` when a model that uses the source is compiled, and streams the
returned batches into the table `landing.<system>__<entity>`; `on-run-end` drops that schema
again so that no personnummer stays in the warehouse file outside staging.
The plugin also hands the pseudonym key to DuckDB as a session variable, so the key never
appears in compiled SQL, logs or the docs site.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
from dbt.adapters.duckdb.plugins import BasePlugin
from dbt.adapters.duckdb.utils import SourceConfig

from landing_reader.entities import ENTITIES, entity_by_table
from landing_reader.inventory import SCHEMA as INVENTORY_SCHEMA
from landing_reader.inventory import inventory
from landing_reader.reader import read_entity, schema

DEMO_PSEUDONYM_KEY = "synthkoping-demo-key-not-secret"
INVENTORY_TABLE = "files"


def pseudonym_key() -> str:
    key = os.environ.get("PSEUDONYM_KEY", "")
    if not key:
        print(
            "WARNING: PSEUDONYM_KEY is not set: using the public DEMO key. Pseudonyms made "
            "with it can be reversed by anyone; set PSEUDONYM_KEY for real data.",
            file=sys.stderr,
        )
        return DEMO_PSEUDONYM_KEY
    return key


def timed(reader: pa.RecordBatchReader, name: str) -> pa.RecordBatchReader:
    """The same stream; when it ends, the time spent making its batches (the landing read,
    apart from the engine's insert) goes to $LANDING_READ_LOG, if set (scripts/bench.py)."""
    log = os.environ.get("LANDING_READ_LOG")
    if not log:
        return reader

    def batches() -> Iterator[pa.RecordBatch]:
        spent, rows, source = 0.0, 0, iter(reader)
        while True:
            start = time.perf_counter()
            batch = next(source, None)
            spent += time.perf_counter() - start
            if batch is None:
                break
            rows += batch.num_rows
            yield batch
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"table": name, "rows": rows, "seconds": spent}) + "\n")

    return pa.RecordBatchReader.from_batches(reader.schema, batches())


class Plugin(BasePlugin):
    def initialize(self, plugin_config: dict[str, Any]) -> None:
        landing = plugin_config.get("landing_dir") or os.environ.get("LANDING_DIR")
        self.landing_dir = Path(landing or "data/landing")
        self.key = pseudonym_key()

    def configure_connection(self, conn) -> None:
        conn.execute("set variable pseudonym_key = ?", [self.key])
        # Made once here: two threads loading sources would race to create it.
        conn.execute("create schema if not exists landing")
        # Empty landing tables with the contract's columns, so that dbt unit tests (which
        # read a source's column types from the database before any model has loaded it)
        # work; `load` replaces each with the delivered rows when a model reads the source.
        tables = [(entity.table, schema(entity)) for entity in ENTITIES]
        for table, arrow_schema in [*tables, (INVENTORY_TABLE, INVENTORY_SCHEMA)]:
            columns = ", ".join(
                f'"{field.name}" {"bigint" if field.type == "int64" else "varchar"}'
                for field in arrow_schema
            )
            conn.execute(f"create table if not exists landing.{table} ({columns})")

    def configure_cursor(self, cursor) -> None:
        cursor.execute("set variable pseudonym_key = ?", [self.key])

    def load(self, source_config: SourceConfig):
        if not self.landing_dir.is_dir():
            raise FileNotFoundError(
                f"landing directory {self.landing_dir} does not exist (set LANDING_DIR)"
            )
        if source_config.identifier == INVENTORY_TABLE:
            return inventory(self.landing_dir)
        entity = entity_by_table(source_config.identifier)
        return timed(read_entity(self.landing_dir, entity), entity.table)
