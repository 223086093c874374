#!/usr/bin/env bash
# dbt docs generate reads the landing files again (the plugin loads a source when a model
# using it compiles); drop those raw tables afterwards, as a dbt run does on-run-end.
set -euo pipefail
dbt docs generate
dbt run-operation drop_landing_schema_now
