"""MetricEngine keeps compiled SQL per question: the same question is planned by MetricFlow
once, another question (or `use_cache=False`) is planned anew, and the SQL is the same
either way. Needs `make test`'s warehouse (DUCKDB_PATH) and target/semantic_manifest.json.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATABASE = Path(os.environ.get("DUCKDB_PATH", ROOT / "warehouse" / "kommun.duckdb"))
MANIFEST = ROOT / "target" / "semantic_manifest.json"

pytestmark = pytest.mark.skipif(
    not (DATABASE.exists() and MANIFEST.exists()),
    reason="needs a built warehouse and target/semantic_manifest.json (make test)",
)


@pytest.fixture()
def counted_engine():
    from kommun_metrics import MetricEngine

    with MetricEngine(DATABASE, MANIFEST) as engine:
        planned = []
        explain = engine._engine.explain

        def counting_explain(request):
            planned.append(request)
            return explain(request)

        engine._engine.explain = counting_explain
        yield engine, planned


def test_the_same_question_is_planned_once(counted_engine):
    engine, planned = counted_engine
    first = engine.compile(["hr_headcount"], group_by=["metric_time__month"])
    again = engine.compile(["hr_headcount"], group_by=["metric_time__month"])
    assert again == first
    assert len(planned) == 1


def test_another_question_or_no_cache_is_planned_anew(counted_engine):
    engine, planned = counted_engine
    by_month = engine.compile(["hr_headcount"], group_by=["metric_time__month"])
    by_year = engine.compile(["hr_headcount"], group_by=["metric_time__year"])
    assert by_year != by_month
    fresh = engine.compile(["hr_headcount"], group_by=["metric_time__month"], use_cache=False)
    assert fresh == by_month
    assert len(planned) == 3


def test_cached_sql_still_runs(counted_engine):
    engine, _ = counted_engine
    engine.query(["hr_headcount"], group_by=["metric_time__year"])
    result = engine.query(["hr_headcount"], group_by=["metric_time__year"])
    assert len(result) > 0 and "hr_headcount" in result.columns
