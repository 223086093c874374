#!/usr/bin/env bash
# dbt docs generate reads the landing files again (the plugin loads a source when a model
# using it compiles); drop those raw tables afterwards, as a dbt run does on-run-end.
set -euo pipefail
# --static also writes target/static_index.html: the whole site in one file that opens
# without a server (the metric catalogue included).
dbt docs generate --static
dbt run-operation drop_landing_schema_now
