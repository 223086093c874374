"""Serve key figures by metric name from a Spark build, where MetricFlow cannot run.

MetricFlow's CLI has no Spark adapter. On Spark the metrics are served by the KPI export
`marts.kpi_values`, built there by the same dbt models as on DuckDB (and equal to it row for
row, make test-spark): one row per KPI x period x organisation x gender, with numerator and
denominator. A metric's name is its KPI id in lowercase (models/semantic/), so
`make query METRICS=hr_sick_leave_pct` with DBT_TARGET=spark answers from those rows,
read straight from the parquet files of Spark's warehouse folder (no JVM needed):

    python scripts/query_kpi_values.py --warehouse DIR --metrics m1,m2
        [--org ALL|<förvaltning code>|any] [--gender T|K|M|any] [--start YYYY-MM-DD]
        [--end YYYY-MM-DD] [--csv FILE]

Periods are the export's text periods (`2024`, `2024-03`, ...); --start/--end keep a period
when its first day lies in the range. Ad-hoc grouping beyond the export's grain
(organisation x period x gender) needs MetricFlow on a DuckDB or PostgreSQL build.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import duckdb

EXPLAIN = ("MetricFlow does not support Spark: served from marts.kpi_values "
           "(same models, equal to DuckDB's), read from {path}")


def query(warehouse: Path, metrics: list[str], org: str = "ALL", gender: str = "T",
          start: str | None = None, end: str | None = None):
    """The kpi_values rows of the metrics, as a DuckDB relation (kpi_id, period, ...)."""
    path = warehouse / "marts.db" / "kpi_values"
    if not path.is_dir():
        raise FileNotFoundError(f"{path} does not exist: build on Spark first "
                                "(DBT_TARGET=spark make build)")
    con = duckdb.connect()
    ids = [m.strip().upper() for m in metrics if m.strip()]
    # A period's first day: '2024' -> 2024-01-01, '2024-03' -> 2024-03-01.
    first_day = ("cast(case when length(period) = 4 then period || '-01-01' "
                 "when length(period) = 7 then period || '-01' else period end as date)")
    where = ["kpi_id in (select unnest(?))"]
    params: list[object] = [ids]
    if org.lower() != "any":
        where.append("org_code = ?")
        params.append(org)
    if gender.lower() != "any":
        where.append("gender = ?")
        params.append(gender)
    if start:
        where.append(f"{first_day} >= cast(? as date)")
        params.append(start)
    if end:
        where.append(f"{first_day} <= cast(? as date)")
        params.append(end)
    glob = str(path / "*.parquet")
    sql = (f"select kpi_id, period, org_code, gender, value, numerator, denominator "
           f"from read_parquet('{glob}') where {' and '.join(where)} "
           f"order by kpi_id, period, org_code, gender")
    return con, con.execute(sql, params)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    default = Path(os.environ.get("SPARK_DIR", "warehouse/spark")) / "warehouse"
    parser.add_argument("--warehouse", type=Path, default=default,
                        help="Spark's warehouse folder (default $SPARK_DIR/warehouse)")
    parser.add_argument("--metrics", required=True, help="metric names, comma-separated")
    parser.add_argument("--org", default="ALL")
    parser.add_argument("--gender", default="T")
    parser.add_argument("--start")
    parser.add_argument("--end")
    parser.add_argument("--csv", type=Path)
    args = parser.parse_args(argv)
    print(EXPLAIN.format(path=args.warehouse / "marts.db" / "kpi_values"), file=sys.stderr)
    _con, result = query(args.warehouse, args.metrics.split(","), args.org, args.gender,
                         args.start, args.end)
    frame = result.fetch_df()
    if frame.empty:
        print(f"no rows for {args.metrics} (metric names are the KPI ids in lowercase)",
              file=sys.stderr)
        return 1
    if args.csv:
        frame.to_csv(args.csv, index=False)
        print(f"{len(frame)} rows written to {args.csv}", file=sys.stderr)
    else:
        print(frame.to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
