"""One definition: every KPI queried by name through MetricFlow equals marts.kpi_values.

For every KPI of the catalogue, every period type, org level (ALL, per förvaltning) and
gender level (T, per sex) it is reported by, the metric is queried through MetricFlow
(`kommun_metrics.MetricEngine`, the same engine a dashboard uses) on the built test
warehouse and compared with the kpi_values rows: every row must be there and agree to
1e-9 relative, and MetricFlow must give no value for a period, org and gender inside the
reporting range that kpi_values leaves out. Needs `make test`'s warehouse (DUCKDB_PATH).
"""

from __future__ import annotations

import json
import math
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parents[2]
DATABASE = Path(os.environ.get("DUCKDB_PATH", ROOT / "warehouse" / "kommun.duckdb"))
MANIFEST = ROOT / "target" / "semantic_manifest.json"
RELATIVE_TOLERANCE = 1e-9

pytestmark = pytest.mark.skipif(
    not (DATABASE.exists() and MANIFEST.exists()),
    reason="needs a built warehouse and target/semantic_manifest.json (make test)",
)


@dataclass(frozen=True)
class KpiQuery:
    """How a KPI is asked of MetricFlow: its metric and the group-by items for its splits."""

    metric: str
    sex: str | None = None
    forvaltning_metric: str | None = None  # a different metric for the förvaltning split
    whole_years_only: bool = False  # kpi_values has only years wholly in the range


FORVALTNING = "forvaltning"
KPI_QUERIES = {
    "HR_HEADCOUNT": KpiQuery("hr_headcount", "person__sex"),
    "HR_FTE": KpiQuery("hr_fte", "person__sex"),
    "HR_SICK_LEAVE_PCT": KpiQuery("hr_sick_leave_pct", "person__sex"),
    "HR_SICK_LEAVE_PCT_AGE_0_29": KpiQuery("hr_sick_leave_pct_age_0_29", "person__sex"),
    "HR_SICK_LEAVE_PCT_AGE_30_49": KpiQuery("hr_sick_leave_pct_age_30_49", "person__sex"),
    "HR_SICK_LEAVE_PCT_AGE_50_PLUS": KpiQuery("hr_sick_leave_pct_age_50_plus", "person__sex"),
    "HR_LONG_SICK_SHARE_PCT": KpiQuery("hr_long_sick_share_pct", "person__sex"),
    "HR_FULLTIME_SHARE_PCT": KpiQuery(
        "hr_fulltime_share_pct", "person__sex", "hr_fulltime_share_pct_by_forvaltning"
    ),
    "HR_TURNOVER_PCT": KpiQuery("hr_turnover_pct", "person__sex", whole_years_only=True),
    "FIN_NET_COST": KpiQuery("fin_net_cost"),
    "FIN_BUDGET_DEVIATION": KpiQuery("fin_budget_deviation"),
    "FIN_NET_COST_PER_INHABITANT": KpiQuery("fin_net_cost_per_inhabitant"),
    "SVC_BYGGLOV_WITHIN_10W_PCT": KpiQuery("svc_bygglov_within_10w_pct"),
    "SVC_BYGGLOV_MEDIAN_DAYS": KpiQuery("svc_bygglov_median_days"),
    "SVC_FORSKOLA_ON_TIME_PCT": KpiQuery("svc_forskola_on_time_pct"),
    "SVC_HEMTJANST_CONTINUITY": KpiQuery("svc_hemtjanst_continuity"),
    "SVC_HEMTJANST_HOURS": KpiQuery("svc_hemtjanst_hours"),
    "POP_TOTAL": KpiQuery("pop_total", "population_row__sex"),
    "POP_80_PLUS": KpiQuery("pop_80_plus", "population_row__sex"),
}


def read_catalogue() -> list[dict]:
    with duckdb.connect(str(DATABASE), read_only=True) as connection:
        cursor = connection.execute(
            "select kpi_id, periods, org_breakdown, genders, period_scope"
            " from reference.kpi_catalogue order by kpi_id"
        )
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def cases() -> list[tuple[str, str, str, str]]:
    """(kpi_id, period_type, org_level, gender_level) for everything the catalogue reports."""
    if not DATABASE.exists():
        return []
    found = []
    for entry in read_catalogue():
        for period_type in entry["periods"].split(","):
            org_levels = ["ALL"] + (["forvaltning"] if entry["org_breakdown"] != "ALL" else [])
            gender_levels = ["T"] + (["sex"] if "K" in entry["genders"].split(",") else [])
            for org_level in org_levels:
                for gender_level in gender_levels:
                    found.append((entry["kpi_id"], period_type, org_level, gender_level))
    return found


@pytest.fixture(scope="module")
def engine():
    from kommun_metrics import MetricEngine

    with MetricEngine(DATABASE, MANIFEST) as metric_engine:
        yield metric_engine


@pytest.fixture(scope="module")
def warehouse():
    connection = duckdb.connect(str(DATABASE), read_only=True)
    yield connection
    connection.close()


def test_every_catalogue_kpi_has_one_metric_named_after_it():
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    by_kpi: dict[str, list[str]] = {}
    for metric in manifest["metrics"]:
        kpi_id = ((metric.get("config") or {}).get("meta") or {}).get("kpi_id")
        if kpi_id:
            by_kpi.setdefault(kpi_id, []).append(metric["name"])
    for entry in read_catalogue():
        assert entry["kpi_id"].lower() in by_kpi.get(entry["kpi_id"], []), entry["kpi_id"]
        assert KPI_QUERIES[entry["kpi_id"]].metric == entry["kpi_id"].lower()


def period_label(value, period_type: str) -> str:
    return f"{value:%Y-%m}" if period_type == "month" else f"{value:%Y}"


def close(left: float, right: float) -> bool:
    return math.isclose(left, right, rel_tol=RELATIVE_TOLERANCE, abs_tol=1e-9)


@pytest.mark.parametrize(("kpi_id", "period_type", "org_level", "gender_level"), cases())
def test_metricflow_equals_kpi_values(engine, warehouse, kpi_id, period_type, org_level,
                                      gender_level):
    spec = KPI_QUERIES[kpi_id]
    metric = spec.forvaltning_metric if org_level == "forvaltning" and spec.forvaltning_metric \
        else spec.metric
    time_column = f"metric_time__{period_type}"
    group_by = [time_column]
    if org_level == "forvaltning":
        group_by.append(FORVALTNING)
    if gender_level == "sex":
        group_by.append(spec.sex)
    result = engine.query([metric], group_by=group_by)

    from_metricflow = {}
    for row in result.itertuples(index=False):
        row = row._asdict()
        value = row[metric]
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        key = (
            period_label(row[time_column], period_type),
            row[FORVALTNING] if org_level == "forvaltning" else "ALL",
            row[spec.sex] if gender_level == "sex" else "T",
        )
        from_metricflow[key] = float(value)

    org_filter = "org_code = 'ALL'" if org_level == "ALL" else "org_code <> 'ALL'"
    gender_filter = "gender = 'T'" if gender_level == "T" else "gender <> 'T'"
    length = 7 if period_type == "month" else 4
    published = {
        (period, org, gender): value
        for period, org, gender, value in warehouse.execute(
            f"select period, org_code, gender, value from marts.kpi_values where kpi_id = ?"
            f" and length(period) = {length} and {org_filter} and {gender_filter}",
            [kpi_id],
        ).fetchall()
    }
    assert published, f"{kpi_id}: no kpi_values rows for {period_type}/{org_level}/{gender_level}"

    missing = sorted(k for k in published if k not in from_metricflow)
    assert not missing, f"{kpi_id}: MetricFlow has no value for {missing[:5]}"
    differing = sorted(
        (k, published[k], from_metricflow[k])
        for k in published
        if not close(published[k], from_metricflow[k])
    )
    assert not differing, f"{kpi_id}: kpi_values vs MetricFlow differ: {differing[:5]}"

    # The other way: MetricFlow has no value where kpi_values says there is no data.
    if kpi_id.startswith("POP_"):
        in_scope = {k[0] for k in published}
    else:
        condition = "is_whole_year_in_range" if spec.whole_years_only else "true"
        in_scope = {
            period
            for (period,) in warehouse.execute(
                f"select period from intermediate.int_reporting_periods"
                f" where period_type = ? and {condition}",
                [period_type],
            ).fetchall()
        }
    extra = sorted(k for k in from_metricflow if k[0] in in_scope and k not in published)
    assert not extra, f"{kpi_id}: MetricFlow has values kpi_values lacks: {extra[:5]}"
