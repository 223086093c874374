#!/usr/bin/env bash
# `make build` with DBT_TARGET=postgres: load the landing zone into the server's schema
# `landing` (one COPY-based step, src/landing_reader/load_postgres.py), then dbt build there.
# Connection: the standard libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE.
#
# The pseudonym key reaches the server as the session setting `kommun.pseudonym_key`,
# passed in libpq's PGOPTIONS (the startup packet of each dbt connection), never in SQL:
# it does not appear in compiled SQL, dbt's logs, the docs site or the server's catalog.
# The macro postgres__pseudonymise reads it with current_setting(), which fails the build
# when it is missing rather than hashing without a key.
set -euo pipefail
: "${LANDING_DIR:?}"
if [ ! -d "$LANDING_DIR" ]; then
  echo "Landing directory $LANDING_DIR does not exist (set LANDING_DIR or run make demo)." >&2
  exit 1
fi
key="${PSEUDONYM_KEY:-}"
if [ -z "$key" ]; then
  echo "WARNING: PSEUDONYM_KEY is not set: using the public DEMO key." >&2
  key="synthkoping-demo-key-not-secret"
fi
# PGOPTIONS splits on spaces; a backslash escapes a space or a backslash.
escaped="${key//\\/\\\\}"
escaped="${escaped// /\\ }"
# jit=off: the personnummer scan test inlines one long expression many times, and the
# JIT compiler spends minutes (538 s measured) compiling it for a one-second query.
export PGOPTIONS="${PGOPTIONS:-} -c jit=off -c kommun.pseudonym_key=$escaped"

python -m landing_reader.load_postgres --landing-dir "$LANDING_DIR"
# on-run-end drops schema landing again, also when the build fails.
dbt build "$@"
echo "Warehouse built on PostgreSQL: ${PGHOST:-localhost}:${PGPORT:-5432}/${PGDATABASE:-}"
