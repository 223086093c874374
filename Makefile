# Synthköping data platform. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV ?= .venv
BIN := $(CURDIR)/$(VENV)/bin
SCALE ?= 0.02
# The demo that `make run` serves: big enough to look like a town, quick to build.
DEMO_SCALE ?= 0.1
SEED ?= 42

# The fixed interface: LANDING_DIR, DUCKDB_PATH and PSEUDONYM_KEY (source-contract.md).
export LANDING_DIR ?= $(CURDIR)/data/landing
export DUCKDB_PATH ?= $(CURDIR)/warehouse/kommun.duckdb
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := false
export PATH := $(BIN):$(PATH)

# What `make test` builds: a small municipality of its own, apart from the demo.
TEST_DIR := $(CURDIR)/warehouse/test
TEST_LANDING := $(TEST_DIR)/landing
TEST_DUCKDB := $(TEST_DIR)/kommun.duckdb

.PHONY: help setup system-deps demo build run test lint docs bench clean
.PHONY: test-postgres test-spark bench-engines bench-duckdb
.PHONY: query export validate-metrics bench-metrics bench-dashboard

help: ## Show the targets and what they do
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) \
	  | awk 'BEGIN {FS = ":.*## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'
	@echo "  Variables: LANDING_DIR, DUCKDB_PATH, PSEUDONYM_KEY, SEED, SCALE (tests, default $(SCALE)),"
	@echo "  DEMO_SCALE (make demo/run, default $(DEMO_SCALE))"

setup: $(VENV)/.installed ## Create .venv with the pinned Python packages (idempotent)

$(VENV)/.installed: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/pip check
	touch $@

system-deps: ## Install Debian packages the tests need (chromium, Java 17 for Spark), skipped when present
	@missing=""; \
	  [ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	  command -v java >/dev/null || missing="$$missing openjdk-17-jre-headless"; \
	  if [ -z "$$missing" ]; then echo "chromium and java present"; else \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq $$missing >/dev/null; fi

demo: setup ## Generate the demo municipality into LANDING_DIR if it is empty
	@if [ -n "$$(ls -A "$(LANDING_DIR)" 2>/dev/null)" ]; then \
	  echo "Landing zone $(LANDING_DIR) has data: not generating."; else \
	  synthkoping generate --scale $(DEMO_SCALE) --seed $(SEED) --out "$(LANDING_DIR)"; fi

build: setup ## dbt seed + build (models and tests) on LANDING_DIR into DUCKDB_PATH
	@[ -n "$$PSEUDONYM_KEY" ] || echo "WARNING: PSEUDONYM_KEY is not set: the public DEMO key is used."
	bash scripts/build.sh

run: demo build ## Set up, generate the demo if needed, build, serve the dashboard on :8501
	streamlit run dashboards/app.py --server.port 8501 --server.headless true \
	  --browser.gatherUsageStats false

test: setup system-deps ## Everything CI runs: generate, dbt build, docs, pytest, lint
	rm -rf "$(TEST_DIR)" && mkdir -p "$(TEST_DIR)"
	synthkoping generate --scale $(SCALE) --seed $(SEED) --out "$(TEST_LANDING)"
	UNIT_TESTS=1 LANDING_DIR="$(TEST_LANDING)" DUCKDB_PATH="$(TEST_DUCKDB)" bash scripts/build.sh
	LANDING_DIR="$(TEST_LANDING)" DUCKDB_PATH="$(TEST_DUCKDB)" bash scripts/docs.sh
	LANDING_DIR="$(TEST_LANDING)" DUCKDB_PATH="$(TEST_DUCKDB)" $(MAKE) --no-print-directory validate-metrics
	LANDING_DIR="$(TEST_LANDING)" DUCKDB_PATH="$(TEST_DUCKDB)" python -m pytest
	LANDING_DIR="$(TEST_LANDING)" DUCKDB_PATH="$(TEST_DUCKDB)" $(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory test-postgres
	$(MAKE) --no-print-directory test-spark

# The test municipality, for the engine tests run on their own (make test has built it).
$(TEST_DUCKDB):
	rm -rf "$(TEST_DIR)" && mkdir -p "$(TEST_DIR)"
	synthkoping generate --scale $(SCALE) --seed $(SEED) --out "$(TEST_LANDING)"
	UNIT_TESTS=1 LANDING_DIR="$(TEST_LANDING)" DUCKDB_PATH="$(TEST_DUCKDB)" bash scripts/build.sh

test-postgres: setup $(TEST_DUCKDB) ## PostgreSQL: build the test town on a throwaway cluster, compare marts with DuckDB
	bash scripts/test_postgres.sh "$(TEST_LANDING)" "$(TEST_DUCKDB)" "$(TEST_DIR)"

test-spark: setup $(TEST_DUCKDB) ## Spark: build the test town on a local Spark (session mode), compare marts with DuckDB
	bash scripts/test_spark.sh "$(TEST_LANDING)" "$(TEST_DUCKDB)" "$(TEST_DIR)"

lint: setup ## sqlfluff on the models, ruff on the Python, the portability lint
	ruff check src dashboards tests/python scripts
	python scripts/lint_portability.py models
	sqlfluff lint models
	@# sqlfluff compiles the staging models, which loads the raw landing tables: drop them.
	dbt run-operation drop_landing_schema_now --quiet

docs: setup ## Generate the dbt docs site into target/ (needs a built warehouse)
	bash scripts/docs.sh

# `make bench ENGINES=duckdb,postgres,spark` builds one landing zone on each engine instead.
ENGINES ?=
bench: $(if $(ENGINES),bench-engines,bench-duckdb)

bench-engines: setup ## Build one generated town (SCALE, default 0.02 here) on each of ENGINES, times side by side
	@[ -n "$(ENGINES)" ] || { echo "set ENGINES, e.g. ENGINES=duckdb,postgres,spark"; exit 2; }
	rm -rf warehouse/bench-engines && mkdir -p warehouse/bench-engines
	synthkoping generate --scale $(SCALE) --seed $(SEED) --out warehouse/bench-engines/landing
	python scripts/bench_engines.py --engines $(ENGINES) --landing warehouse/bench-engines/landing \
	  --out warehouse/bench-engines

bench-duckdb: setup ## Benchmark: generate SCALE (default 1 here), time dbt build, print figures
	python scripts/bench.py --scale $(if $(filter command line,$(origin SCALE)),$(SCALE),1) \
	  --seed $(SEED)

# A KPI by name through MetricFlow, e.g. sick leave % by förvaltning and month for 2025:
#   make query METRICS=hr_sick_leave_pct GROUP_BY=metric_time__month,forvaltning \
#     START=2025-01-01 END=2025-12-31
METRICS ?=
GROUP_BY ?= metric_time__month
ORDER ?= $(GROUP_BY)
WHERE ?=
START ?=
END ?=
SAVED_QUERY ?=
query: setup ## A metric by name: make query METRICS=m1,m2 GROUP_BY=metric_time__month,forvaltning [WHERE= START= END= SAVED_QUERY= CSV=file]
ifeq ($(DBT_TARGET),spark)
	@# MetricFlow has no Spark adapter: the same metrics, served from marts.kpi_values.
	python scripts/query_kpi_values.py --metrics $(METRICS) $(if $(START),--start $(START)) \
	  $(if $(END),--end $(END)) $(if $(ORG),--org $(ORG)) $(if $(GENDER),--gender $(GENDER)) \
	  $(if $(CSV),--csv $(CSV))
else
	@[ -f target/semantic_manifest.json ] || dbt parse --quiet
	mf query $(if $(SAVED_QUERY),--saved-query $(SAVED_QUERY),--metrics $(METRICS) \
	  --group-by $(GROUP_BY) --order $(ORDER)) \
	  $(if $(WHERE),--where "$(WHERE)") $(if $(START),--start-time $(START)) \
	  $(if $(END),--end-time $(END)) $(if $(CSV),--csv $(CSV))
	@dbt run-operation drop_landing_schema_now --quiet
endif

validate-metrics: setup ## mf validate-configs: the semantic models and metrics parse and are consistent
	dbt parse --quiet
	mf validate-configs --skip-dw
	@# mf opens a dbt connection, whose landing plugin creates the (empty) landing tables: drop them.
	dbt run-operation drop_landing_schema_now --quiet

export: setup ## Write marts.kpi_values in the Kolada layout (CSV + Excel) beside DUCKDB_PATH, in export/
	python scripts/export_kpis.py

bench-metrics: setup ## Time MetricFlow compile and run of the overview's metrics on DUCKDB_PATH
	python scripts/bench_metricflow.py

bench-dashboard: setup ## Benchmark the dashboard's pages (queries cold/warm, first paint) on DUCKDB_PATH
	python scripts/bench_dashboard.py --warehouse "$(DUCKDB_PATH)"

clean: ## Remove build output (not the landing zone)
	rm -rf target logs warehouse
