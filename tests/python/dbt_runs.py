"""Running dbt from a test against a warehouse of its own. Not a test module: the tests
that plant values in a copy of the built warehouse import it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
# The warehouse `make test` built (it sets DUCKDB_PATH and LANDING_DIR); tests copy it.
WAREHOUSE = os.environ.get("DUCKDB_PATH")
LANDING = os.environ.get("LANDING_DIR")
needs_built_warehouse = pytest.mark.skipif(
    not (WAREHOUSE and LANDING and Path(WAREHOUSE).exists()),
    reason="needs a built warehouse: run `make test` (sets LANDING_DIR and DUCKDB_PATH)",
)


def dbt_env(warehouse: Path, work: Path, **extra: str) -> dict[str, str]:
    """The environment for dbt on `warehouse`, its target and logs under `work`, with dbt
    taken from the same Python environment as the test."""
    return {
        **os.environ,
        "DUCKDB_PATH": str(warehouse),
        "DBT_PROFILES_DIR": str(REPO_ROOT),
        "DBT_TARGET_PATH": str(work / "target"),
        "DBT_LOG_PATH": str(work / "logs"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        **extra,
    }


def dbt_test(select: str, warehouse: Path, work: Path) -> None:
    """`dbt test --select <select>` on `warehouse`; a failing test is no error here: the
    caller reads work/target/run_results.json."""
    subprocess.run(
        ["dbt", "test", "--select", select, "--quiet"],
        cwd=REPO_ROOT, env=dbt_env(warehouse, work), check=False, capture_output=True,
    )
