"""MetricFlow over the built DuckDB warehouse without the `mf` command line.

`MetricEngine` loads `target/semantic_manifest.json` (written by `dbt parse` / `dbt build`)
once, compiles a query by metric name into SQL with MetricFlow (`compile`), and runs that
SQL on a read-only DuckDB connection (`run`); `query` does both. Compile and run are apart
so that they can be timed apart (scripts/bench_metricflow.py). The SQL of a query depends
only on the manifest and the question, so `compile` keeps it per question: asked again, a
dashboard gets it without MetricFlow's planning (`use_cache=False` compiles anew; the
benchmark times that). MetricFlow's engine is not thread-safe (its id counter resets on
every query): one engine per thread.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path

import duckdb
import pandas as pd
from metricflow.data_table.mf_table import MetricFlowDataTable
from metricflow.engine.metricflow_engine import MetricFlowEngine, MetricFlowQueryRequest
from metricflow.protocols.sql_client import SqlEngine
from metricflow.sql.render.duckdb_renderer import DuckDbSqlPlanRenderer
from metricflow_semantics.model.dbt_manifest_parser import (
    parse_manifest_from_dbt_generated_manifest,
)
from metricflow_semantics.model.semantic_manifest_lookup import SemanticManifestLookup

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MANIFEST = ROOT / "target" / "semantic_manifest.json"


class _DuckDbClient:
    """The part of MetricFlow's SqlClient protocol the engine uses, on one DuckDB file."""

    def __init__(self, connection: duckdb.DuckDBPyConnection) -> None:
        self._connection = connection
        self._renderer = DuckDbSqlPlanRenderer()

    @property
    def sql_engine_type(self) -> SqlEngine:
        return SqlEngine.DUCKDB

    @property
    def sql_plan_renderer(self) -> DuckDbSqlPlanRenderer:
        return self._renderer

    def query(self, stmt: str, sql_bind_parameter_set=None) -> MetricFlowDataTable:
        cursor = self._connection.execute(stmt)
        names = [column[0] for column in cursor.description]
        return MetricFlowDataTable.create_from_rows(names, cursor.fetchall())

    def execute(self, stmt: str, sql_bind_parameter_set=None) -> None:
        self._connection.execute(stmt)

    def dry_run(self, stmt: str, sql_bind_parameter_set=None) -> None:
        self._connection.execute(f"explain {stmt}")

    def close(self) -> None:
        self._connection.close()

    def render_bind_parameter_key(self, bind_parameter_key: str) -> str:
        return f"${bind_parameter_key}"


class MetricEngine:
    """Compile and run MetricFlow queries by metric name against a DuckDB warehouse."""

    def __init__(
        self,
        database: Path | str | None = None,
        manifest: Path | str = DEFAULT_MANIFEST,
    ) -> None:
        database = Path(database or os.environ.get("DUCKDB_PATH", "warehouse/kommun.duckdb"))
        semantic_manifest = parse_manifest_from_dbt_generated_manifest(
            Path(manifest).read_text(encoding="utf-8")
        )
        # The SQL names tables <catalog>.<schema>.<table>; DuckDB's catalog is the file stem,
        # which `dbt parse` wrote into the manifest: the two must agree.
        self.connection = duckdb.connect(str(database), read_only=True)
        self._client = _DuckDbClient(self.connection)
        self._engine = MetricFlowEngine(
            semantic_manifest_lookup=SemanticManifestLookup(semantic_manifest),
            sql_client=self._client,
        )
        self._compiled: dict[tuple, str] = {}

    def compile(
        self,
        metrics: Sequence[str] | None = None,
        group_by: Sequence[str] = (),
        where: Sequence[str] = (),
        order_by: Sequence[str] | None = None,
        start: dt.date | None = None,
        end: dt.date | None = None,
        saved_query: str | None = None,
        use_cache: bool = True,
    ) -> str:
        """The SQL MetricFlow writes for a query (nothing is run), kept per question."""
        key = (
            tuple(metrics or ()), tuple(group_by), tuple(where),
            None if order_by is None else tuple(order_by), start, end, saved_query,
        )
        if use_cache and key in self._compiled:
            return self._compiled[key]
        request = MetricFlowQueryRequest.create(
            saved_query_name=saved_query,
            metric_names=list(metrics) if metrics else None,
            group_by_names=list(group_by) if group_by and not saved_query else None,
            where_constraints=list(where) or None,
            order_by_names=list(order_by if order_by is not None else group_by) or None,
            time_constraint_start=_as_datetime(start),
            time_constraint_end=_as_datetime(end),
        )
        sql = self._engine.explain(request).sql_statement.sql
        self._compiled[key] = sql
        return sql

    def run(self, sql: str) -> pd.DataFrame:
        """Run compiled SQL; a fresh cursor each time, so a thread may hold its own."""
        return self.connection.cursor().execute(sql).df()

    def query(self, metrics: Sequence[str] | None = None, **kwargs) -> pd.DataFrame:
        return self.run(self.compile(metrics, **kwargs))

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> MetricEngine:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def _as_datetime(day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    return dt.datetime(day.year, day.month, day.day)
