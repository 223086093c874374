"""Service marts on a built warehouse (`make test`), and the generator's ageing town.

The KPI export must hold a row exactly where the facts hold a qualifying record in a
reporting period; these checks recompute that from the facts by another route than the
model's own SQL."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from synthkoping.population import old_age_totals

WAREHOUSE = os.environ.get("DUCKDB_PATH")
needs_warehouse = pytest.mark.skipif(
    not (WAREHOUSE and Path(WAREHOUSE).exists()),
    reason="needs a built warehouse: run `make test` (sets DUCKDB_PATH)",
)

# Which fact decides that a KPI has data in a period: (kpi_id, period types, SQL giving
# the date of every qualifying record).
QUALIFYING = {
    "SVC_BYGGLOV_WITHIN_10W_PCT": (
        ("month", "year"),
        "select decision_date as d from marts.fct_building_permit_cases where is_kpi_case"),
    "SVC_BYGGLOV_MEDIAN_DAYS": (
        ("month", "year"),
        "select decision_date as d from marts.fct_building_permit_cases where is_kpi_case"),
    "SVC_FORSKOLA_ON_TIME_PCT": (
        ("year",),
        "select guarantee_date as d from marts.fct_preschool_applications "
        "where not is_withdrawn"),
    "SVC_HEMTJANST_CONTINUITY": (
        ("year",),
        "select make_date(year, 10, 1) as d from marts.fct_homecare_continuity "
        "where window_visit_count >= 10"),
    "SVC_HEMTJANST_HOURS": (
        ("month", "year"),
        "select cast(performed_start_at as date) as d from marts.fct_homecare_visits "
        "where is_performed"),
}


@pytest.fixture(scope="module")
def con():
    with duckdb.connect(WAREHOUSE, read_only=True) as connection:
        yield connection


@needs_warehouse
@pytest.mark.parametrize("kpi_id", sorted(QUALIFYING))
def test_kpi_rows_exist_exactly_where_there_is_data(con, kpi_id: str) -> None:
    types, facts = QUALIFYING[kpi_id]
    type_list = ", ".join(f"'{t}'" for t in types)
    expected = {r[0] for r in con.sql(f"""
        select distinct p.period
        from intermediate.int_reporting_periods as p
        inner join ({facts}) as f on f.d between p.period_start_date and p.period_end_date
        where p.period_type in ({type_list})""").fetchall()}
    actual = {r[0] for r in con.sql(
        f"select period from marts.kpi_values_services where kpi_id = '{kpi_id}'").fetchall()}
    assert expected, "the demo data should give every service KPI some periods"
    assert actual == expected


@needs_warehouse
def test_hours_kpi_equals_the_visit_grain(con) -> None:
    rows = con.sql("""
        with visits as (
            select strftime(performed_start_at, '%Y') as period,
                   sum(epoch(performed_end_at - performed_start_at)) / 3600.0 as hours
            from marts.fct_homecare_visits where is_performed group by 1
        )
        select k.value, v.hours from marts.kpi_values_services as k
        inner join visits as v on k.period = v.period
        where k.kpi_id = 'SVC_HEMTJANST_HOURS'""").fetchall()
    assert rows
    for value, hours in rows:
        assert value == pytest.approx(hours, rel=1e-9)


@needs_warehouse
def test_demand_mart_municipality_row_matches_months_and_population(con) -> None:
    bad = con.sql("""
        select d.year_month
        from marts.fct_homecare_demand_capacity as d
        inner join marts.fct_homecare_months as m on d.year_month = m.year_month
        left join (
            select population_year, sum(population_count) as n
            from marts.fct_population where age_band = '80+' group by 1
        ) as p on d.year = p.population_year
        where d.district_code = 'ALL'
          and (d.performed_hours <> m.performed_hours
               or d.population_80_plus is distinct from p.n)""").fetchall()
    assert bad == []


def test_generator_80_plus_grows_like_a_swedish_town() -> None:
    """Table 7.1: about 8 010 aged 80+ in 2021 at scale 1, growing ~3.5 %/yr as the 1940s
    cohorts turn 80, while 65-79 shrinks a little."""
    over_80 = [old_age_totals(y, 1.0)[(80, 100)] for y in range(2021, 2026)]
    young_old = [old_age_totals(y, 1.0)[(65, 79)] for y in range(2021, 2026)]
    assert over_80[0] == pytest.approx(8010, rel=0.02)
    yearly = (over_80[-1] / over_80[0]) ** 0.25 - 1
    assert 0.025 < yearly < 0.05
    assert all(b > a for a, b in zip(over_80, over_80[1:], strict=False))
    assert young_old[-1] < young_old[0]
