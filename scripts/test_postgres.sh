#!/usr/bin/env bash
# `make test-postgres`: build the same landing zone on a throwaway PostgreSQL cluster (all
# dbt tests included) and compare its marts with the DuckDB build of the same data.
#
#   scripts/test_postgres.sh LANDING_DIR DUCKDB_FILE WORK_DIR
#
# The cluster listens on 127.0.0.1 on a free port, lives in WORK_DIR/pg and is stopped on
# exit, failure included. dbt writes to WORK_DIR/target-postgres, so that target/ (which
# MetricFlow reads) keeps the DuckDB build's manifest.
set -euo pipefail
landing="$(realpath "${1:?landing dir}")"
duckdb_file="$(realpath "${2:?duckdb file}")"
work="$(realpath -m "${3:?work dir}")"
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$work"

bash "$here/pg_cluster.sh" start "$work/pg" >"$work/pg.env"
trap 'bash "$here/pg_cluster.sh" stop "$work/pg"' EXIT
# shellcheck disable=SC1091
source "$work/pg.env"

started=$SECONDS
UNIT_TESTS=1 DBT_TARGET=postgres LANDING_DIR="$landing" DBT_TARGET_PATH="$work/target-postgres" \
  DBT_LOG_PATH="$work/logs-postgres" bash "$here/build.sh"
echo "PostgreSQL build (load + dbt build): $((SECONDS - started)) s"

# The public marts must be the same on both engines; quarantined_rows always exists,
# kpi_values once the domains feed it.
require=(--require quarantined_rows)
if python -c "import duckdb, sys; c = duckdb.connect(sys.argv[1], read_only=True); \
sys.exit(0 if c.sql(\"select 1 from information_schema.tables where table_schema = 'marts' \
and table_name = 'kpi_values'\").fetchall() else 1)" "$duckdb_file"; then
  require+=(--require kpi_values)
fi
python "$here/compare_engines.py" --duckdb "$duckdb_file" --postgres "${require[@]}"
