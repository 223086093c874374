#!/usr/bin/env bash
# Build the warehouse into a new file and move it onto DUCKDB_PATH only when the build
# passed: readers of the served file (the dashboard) never see a half-built warehouse,
# and a reader holding the old file cannot make the build fail (toolchain-notes.md).
set -euo pipefail
# Unit tests check the SQL on fixed, hand-made rows, not the delivered data: they run in
# `make test` (UNIT_TESTS=1), not in every production build (dbt's own advice).
unit_tests=(--exclude-resource-type unit_test)
if [ "${UNIT_TESTS:-0}" = 1 ]; then unit_tests=(); fi
# Other engines have their own build (docs/larger-scale.md): the server loads the landing zone.
case "${DBT_TARGET:-duckdb}" in
  postgres) exec bash "$(dirname "$0")/build_postgres.sh" "${unit_tests[@]}" "$@" ;;
  spark) exec bash "$(dirname "$0")/build_spark.sh" "${unit_tests[@]}" "$@" ;;
esac
: "${DUCKDB_PATH:?}" "${LANDING_DIR:?}"
if [ ! -d "$LANDING_DIR" ]; then
  echo "Landing directory $LANDING_DIR does not exist (set LANDING_DIR or run make demo)." >&2
  exit 1
fi
served="$DUCKDB_PATH"
mkdir -p "$(dirname "$served")"
# Same file name in a sibling folder: MetricFlow names the database after the file stem.
staging_dir="$(dirname "$served")/.building"
rm -rf "$staging_dir" && mkdir -p "$staging_dir"
export DUCKDB_PATH="$staging_dir/$(basename "$served")"
started="$(date +%s.%N)"
# Every build, passed or failed, appends its record to the history beside the served file
# (build_history.jsonl), which the mv below leaves alone.
record_build() {
  local code=$? counts="$served"
  [ "$code" -eq 0 ] || counts="$DUCKDB_PATH"
  python3 "$(dirname "$0")/record_build.py" --started "$started" --exit-code "$code" \
    --run-results "${DBT_TARGET_PATH:-target}/run_results.json" \
    --warehouse "$served" --counts-from "$counts" || echo "WARNING: build history not written" >&2
  [ "$code" -eq 0 ] || rm -rf "$staging_dir"
}
trap record_build EXIT
dbt build "${unit_tests[@]}"
mv -f "$DUCKDB_PATH" "$served"
rm -rf "$staging_dir"
echo "Warehouse built: $served"
