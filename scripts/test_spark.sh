#!/usr/bin/env bash
# `make test-spark`: build the same landing zone on a local Spark (session mode, one dbt
# invocation) and compare its marts with the DuckDB build of the same data.
#
#   scripts/test_spark.sh LANDING_DIR DUCKDB_FILE WORK_DIR
#
# Spark's files live in WORK_DIR/spark; dbt writes to WORK_DIR/target-spark, so that
# target/ (which MetricFlow reads) keeps the DuckDB build's manifest. The JVM runs inside
# dbt's process and ends with it; the metastore, Derby's log and Spark's scratch space are
# removed on exit, failure included (the parquet warehouse stays for the comparison).
#
# What runs on Spark (the selector spark_suite in selectors.yml; the time budget,
# docs/larger-scale.md): the seeds, every model, the singular tests (the KPI and
# reconciliation checks among them), the unique tests of the marts' keys and their not-null
# tests (one per model); the personnummer scan, among the singular tests, is the dearest
# (99 s of the build: Spark starts a task per scanned table). The full test suite runs on
# DuckDB and PostgreSQL.
set -euo pipefail
landing="$(realpath "${1:?landing dir}")"
duckdb_file="$(realpath "${2:?duckdb file}")"
work="$(realpath -m "${3:?work dir}")"
here="$(cd "$(dirname "$0")" && pwd)"
export SPARK_DIR="$work/spark"
rm -rf "$SPARK_DIR" && mkdir -p "$SPARK_DIR"
trap 'rm -rf "$SPARK_DIR/metastore_db" "$SPARK_DIR/tmp" "$SPARK_DIR/landing"; rm -f derby.log' EXIT

started=$SECONDS
# The selection is the selector spark_suite (selectors.yml), shared with bench_engines.py.
DBT_TARGET=spark LANDING_DIR="$landing" DBT_TARGET_PATH="$work/target-spark" \
  DBT_LOG_PATH="$work/logs-spark" bash "$here/build.sh" --selector spark_suite
echo "Spark build (load + dbt build): $((SECONDS - started)) s"

started=$SECONDS
python "$here/compare_engines.py" --duckdb "$duckdb_file" --spark "$SPARK_DIR/warehouse" \
  --require quarantined_rows --require kpi_values
echo "Spark comparison: $((SECONDS - started)) s"
