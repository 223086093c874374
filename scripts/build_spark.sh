#!/usr/bin/env bash
# `make build` with DBT_TARGET=spark: write the landing zone as parquet (one pyarrow step,
# src/landing_reader/load_spark.py), then one dbt invocation on a local Spark in dbt's own
# process (profiles.yml target `spark`, session mode): the JVM starts once.
#
#   DBT_TARGET=spark LANDING_DIR=... SPARK_DIR=... bash scripts/build_spark.sh [dbt build args]
#
# Everything Spark writes goes under SPARK_DIR (default warehouse/spark): warehouse/ (the
# tables, parquet, one folder per schema: marts.db/kpi_values/...), landing/ (the loader's
# files, emptied by on-run-end and removed here), metastore_db/ (Derby) and tmp/.
#
# The pseudonym key reaches Spark in the driver's environment, hex-encoded
# (KOMMUN_PSEUDONYM_KEY_HEX), and is read by Spark SQL's `${env:...}` substitution in
# spark__pseudonymise: it does not appear in compiled SQL, dbt's logs or the docs.
set -euo pipefail
: "${LANDING_DIR:?}"
if [ ! -d "$LANDING_DIR" ]; then
  echo "Landing directory $LANDING_DIR does not exist (set LANDING_DIR or run make demo)." >&2
  exit 1
fi
export SPARK_DIR
SPARK_DIR="$(realpath -m "${SPARK_DIR:-warehouse/spark}")"
mkdir -p "$SPARK_DIR/tmp"
# Session mode: Spark binds the driver to this address, not to the machine's network name.
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
key="${PSEUDONYM_KEY:-}"
if [ -z "$key" ]; then
  echo "WARNING: PSEUDONYM_KEY is not set: using the public DEMO key." >&2
  key="synthkoping-demo-key-not-secret"
fi
KOMMUN_PSEUDONYM_KEY_HEX="$(printf '%s' "$key" | od -An -v -tx1 | tr -d ' \n')"
export KOMMUN_PSEUDONYM_KEY_HEX

# Whatever happens, leave no raw landing rows and no JVM scratch behind. on-run-end has
# already emptied and dropped the landing tables; the files are removed here as well, so
# a failed or interrupted run cannot leave personnummer on disk either.
cleanup() {
  rm -rf "$SPARK_DIR/landing" "$SPARK_DIR/landing.loading" "$SPARK_DIR/tmp"
  rm -f derby.log "$SPARK_DIR/derby.log"
}
trap cleanup EXIT

python -m landing_reader.load_spark --landing-dir "$LANDING_DIR" --out "$SPARK_DIR/landing"
# One dbt invocation: session mode pays the JVM start (~15 s) once per dbt command.
DBT_TARGET=spark dbt build "$@"
echo "Warehouse built on Spark: $SPARK_DIR/warehouse"
