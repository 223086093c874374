"""A tiny warehouse with the two marts the dashboard reads, and the facts tests expect.

Not a test module: test_dashboard_*.py import it. The rows are consistent with each other
(per file, landed = accepted + quarantined + superseded, and rows_quarantined equals the
number of quarantined_rows for that file) so that either table can be checked against the
other.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb

# source_file, source_system, entity, delivery_stamp, landed, accepted, quarantined, superseded
DELIVERIES: list[tuple[str, str, str, str, int, int, int, int]] = [
    ("master/organisation_2024-06-01.csv", "master", "organisation", "2024-06-01", 12, 12, 0, 0),
    ("hr/franvaro_2024-06-03.csv", "hr", "franvaro", "2024-06-03", 1250, 1180, 3, 67),
    ("hr/franvaro_2024-06-10.csv", "hr", "franvaro", "2024-06-10", 1300, 1298, 2, 0),
    ("ekonomi/bokforing_2024-06-05.csv", "ekonomi", "bokforing", "2024-06-05", 400, 396, 4, 0),
    ("bygglov/arenden_2024-06-02.csv", "bygglov", "arenden", "2024-06-02", 50, 50, 0, 0),
]

# source_file, line_number, reason, reason_detail
QUARANTINED: list[tuple[str, int, str, str | None]] = [
    ("hr/franvaro_2024-06-03.csv", 7, "invalid_personnummer", "personnummer"),
    ("hr/franvaro_2024-06-03.csv", 19, "invalid_personnummer", "personnummer"),
    ("hr/franvaro_2024-06-03.csv", 44, "invalid_date", "from_date"),
    ("hr/franvaro_2024-06-10.csv", 3, "wrong_field_count", None),
    ("hr/franvaro_2024-06-10.csv", 812, "duplicate_key_in_delivery", "employment_id"),
    ("ekonomi/bokforing_2024-06-05.csv", 2, "invalid_number", "amount_sek"),
    ("ekonomi/bokforing_2024-06-05.csv", 5, "invalid_number", "amount_sek"),
    ("ekonomi/bokforing_2024-06-05.csv", 9, "invalid_number", "amount_sek"),
    # A code the dashboard has no label for: it must still be shown, as the bare code.
    ("ekonomi/bokforing_2024-06-05.csv", 11, "not_yet_labelled", "konto"),
]

_BY_FILE = {d[0]: d for d in DELIVERIES}


def totals() -> dict[str, int]:
    """Sums the overview page must show."""
    return {
        "files_delivered": len(DELIVERIES),
        "rows_landed": sum(d[4] for d in DELIVERIES),
        "rows_accepted": sum(d[5] for d in DELIVERIES),
        "rows_quarantined": sum(d[6] for d in DELIVERIES),
        "rows_superseded": sum(d[7] for d in DELIVERIES),
    }


def quarantine_counts() -> Counter[tuple[str, str]]:
    """Quarantined rows by (source_system, reason)."""
    return Counter((_BY_FILE[f][1], reason) for f, _, reason, _ in QUARANTINED)


def build_warehouse(path: Path) -> Path:
    """Write the fixture warehouse to `path` (which must not exist) and return it."""
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute(
            """
            create table marts.fct_landing_deliveries (
                source_file varchar primary key,
                source_system varchar not null,
                entity varchar not null,
                delivery_stamp varchar not null,
                rows_landed bigint not null,
                rows_accepted bigint not null,
                rows_quarantined bigint not null,
                rows_superseded bigint not null
            )
            """
        )
        con.executemany(
            "insert into marts.fct_landing_deliveries values (?, ?, ?, ?, ?, ?, ?, ?)",
            DELIVERIES,
        )
        con.execute(
            """
            create table marts.quarantined_rows (
                quarantined_row_key varchar primary key,
                source_system varchar not null,
                entity varchar not null,
                source_file varchar not null,
                line_number integer not null,
                reason varchar not null,
                reason_detail varchar,
                delivery_stamp varchar not null
            )
            """
        )
        con.executemany(
            "insert into marts.quarantined_rows values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    f"{f}:{line}:{reason}",
                    _BY_FILE[f][1],
                    _BY_FILE[f][2],
                    f,
                    line,
                    reason,
                    detail,
                    _BY_FILE[f][3],
                )
                for f, line, reason, detail in QUARANTINED
            ],
        )
    return path


def build_warehouse_without_quarantine(path: Path) -> Path:
    """A warehouse built by an older project version: the quarantine mart is missing."""
    build_warehouse(path)
    with duckdb.connect(str(path)) as con:
        con.execute("drop table marts.quarantined_rows")
    return path


# --- key figures --------------------------------------------------------------------------
# A small municipality in the export's layout (kpi-definitions.md): three förvaltningar and
# UNMAPPED, months 2023-01..2024-06 and the years 2023 and 2024. Every total row is the sum
# of its parts (T = K + M, ALL = Σ förvaltningar), and every ratio is 100 × numerator /
# denominator, so that a page's figure can be checked against the rows it came from.

REPO_ROOT = Path(__file__).resolve().parents[2]
CATALOGUE_CSV = REPO_ROOT / "seeds" / "kpi_catalogue.csv"

FORVALTNINGAR = {
    "BOU": "Barn- och utbildningsförvaltningen",
    "SOC": "Socialförvaltningen",
    "KSF": "Kommunstyrelseförvaltningen",
    "UNMAPPED": "Okänd förvaltning",
}
UNITS = [  # unit_id, unit_name, forvaltning_code
    ("E100", "Björkens förskola", "BOU"),
    ("E101", "Ekskolan", "BOU"),
    ("E200", "Hemtjänst Norr", "SOC"),
    ("E300", "Kansliet", "KSF"),
]
UNIT_ANSVAR = {"E100": "10100", "E101": "10101", "E200": "20200", "E300": "30300"}
# Employees per förvaltning and sex, the same every month: SOC has 9 men (a group of 10 or
# fewer: hidden), UNMAPPED 3 women and 2 men (hidden, and so is its total of 5).
HEADCOUNT = {
    "BOU": {"K": 300, "M": 80},
    "SOC": {"K": 150, "M": 9},
    "KSF": {"K": 20, "M": 15},
    "UNMAPPED": {"K": 3, "M": 2},
}
SICK_RATE = {"K": 0.061, "M": 0.043}  # sick hours / ordinary hours
MONTHS = [f"2023-{m:02d}" for m in range(1, 13)] + [f"2024-{m:02d}" for m in range(1, 7)]
YEARS = ["2023", "2024"]
NET_COST_PER_MONTH = {"BOU": 41_000_000.0, "SOC": 35_500_000.0, "KSF": 6_250_000.0,
                      "UNMAPPED": 125_000.0}
BUDGET = {
    "2023": {"BOU": 480_000_000.0, "SOC": 440_000_000.0, "KSF": 80_000_000.0, "UNMAPPED": 0.0},
    "2024": {"BOU": 500_000_000.0, "SOC": 400_000_000.0, "KSF": 76_000_000.0, "UNMAPPED": 0.0},
}
POPULATION = {"2023": {"K": 25_100, "M": 24_900}, "2024": {"K": 25_300, "M": 25_050}}
POP_80 = {"2023": {"K": 1_400, "M": 1_000}, "2024": {"K": 1_450, "M": 1_050}}


def _month_factor(period: str) -> float:
    """A little seasonality so that months differ."""
    return 1.0 + 0.01 * (int(period[5:7]) if len(period) == 7 else 12)


def kpi_rows() -> list[tuple[str, str, str, str, float, float | None, float | None]]:
    rows: list[tuple[str, str, str, str, float, float | None, float | None]] = []

    def add(kpi, period, org, gender, value, num=None, den=None):
        rows.append((kpi, period, org, gender, float(value), num, den))

    def hr_cells(period: str, monthly: bool):
        orgs = list(HEADCOUNT)
        for org in [*orgs, "ALL"]:
            members = orgs if org == "ALL" else [org]
            for gender in ("T", "K", "M"):
                sexes = ["K", "M"] if gender == "T" else [gender]
                hc = sum(HEADCOUNT[o][s] for o in members for s in sexes)
                ordinary = sum(HEADCOUNT[o][s] * 160.0 for o in members for s in sexes)
                ordinary *= 1 if monthly else 12
                sick = sum(
                    HEADCOUNT[o][s] * 160.0 * (1 if monthly else 12) * SICK_RATE[s]
                    * _month_factor(period)
                    for o in members for s in sexes
                )
                long_sick = sick * 0.4
                tv = sum(round(HEADCOUNT[o][s] * 0.8) for o in members for s in sexes)
                full = sum(round(HEADCOUNT[o][s] * 0.8 * 0.6) for o in members for s in sexes)
                add("HR_HEADCOUNT", period, org, gender, hc)
                add("HR_FTE", period, org, gender, hc * 0.92)
                add("HR_SICK_LEAVE_PCT", period, org, gender, 100 * sick / ordinary, sick,
                    ordinary)
                add("HR_LONG_SICK_SHARE_PCT", period, org, gender, 100 * long_sick / sick,
                    long_sick, sick)
                add("HR_FULLTIME_SHARE_PCT", period, org, gender, 100 * full / tv, full, tv)
                if org == "ALL" and not monthly:
                    leavers = {"T": 52.0, "K": 40.0, "M": 12.0}[gender]
                    add("HR_TURNOVER_PCT", period, org, gender, 100 * leavers / hc, leavers, hc)
                    for i, band in enumerate(("0_29", "30_49", "50_PLUS")):
                        den = ordinary / 3
                        num = den * (0.04 + 0.01 * i)
                        add(f"HR_SICK_LEAVE_PCT_AGE_{band}", period, org, gender,
                            100 * num / den, num, den)

    for period in MONTHS:
        hr_cells(period, monthly=True)
        total = 0.0
        for org, cost in NET_COST_PER_MONTH.items():
            value = cost * _month_factor(period)
            total += value
            add("FIN_NET_COST", period, org, "T", value)
        add("FIN_NET_COST", period, "ALL", "T", total)
        cases, within = 40.0, 40.0 - int(period[5:7]) % 5
        add("SVC_BYGGLOV_WITHIN_10W_PCT", period, "ALL", "T", 100 * within / cases, within,
            cases)
        add("SVC_BYGGLOV_MEDIAN_DAYS", period, "ALL", "T", 30.5 + int(period[5:7]))
        add("SVC_HEMTJANST_HOURS", period, "ALL", "T", 10_000.0 + 10 * int(period[5:7]))
    for year in YEARS:
        # Stock KPIs: the year row is the December row (June for the unfinished 2024).
        hr_cells(year, monthly=False)
        months = [m for m in MONTHS if m.startswith(year)]
        total = 0.0
        budget_total = 0.0
        for org, cost in NET_COST_PER_MONTH.items():
            outcome = sum(cost * _month_factor(m) for m in months)
            total += outcome
            budget_total += BUDGET[year][org]
            add("FIN_NET_COST", year, org, "T", outcome)
            add("FIN_BUDGET_DEVIATION", year, org, "T", BUDGET[year][org] - outcome,
                BUDGET[year][org], outcome)
        add("FIN_NET_COST", year, "ALL", "T", total)
        add("FIN_BUDGET_DEVIATION", year, "ALL", "T", budget_total - total, budget_total, total)
        pop = POPULATION[year]["K"] + POPULATION[year]["M"]
        add("FIN_NET_COST_PER_INHABITANT", year, "ALL", "T", total / pop, total, float(pop))
        for gender in ("T", "K", "M"):
            sexes = ["K", "M"] if gender == "T" else [gender]
            add("POP_TOTAL", year, "ALL", gender, sum(POPULATION[year][s] for s in sexes))
            add("POP_80_PLUS", year, "ALL", gender, sum(POP_80[year][s] for s in sexes))
        apps, on_time = 200.0, 188.0 if year == "2023" else 193.0
        add("SVC_FORSKOLA_ON_TIME_PCT", year, "ALL", "T", 100 * on_time / apps, on_time, apps)
        staff, recipients = 120.0 * 14.2, 120.0
        add("SVC_HEMTJANST_CONTINUITY", year, "ALL", "T", staff / recipients, staff, recipients)
        add("SVC_BYGGLOV_WITHIN_10W_PCT", year, "ALL", "T", 95.0, 456.0, 480.0)
        add("SVC_BYGGLOV_MEDIAN_DAYS", year, "ALL", "T", 36.0)
        add("SVC_HEMTJANST_HOURS", year, "ALL", "T",
            sum(10_000.0 + 10 * int(m[5:7]) for m in months))
    return rows


def kpi_value(kpi_id: str, period: str, org: str = "ALL", gender: str = "T") -> float:
    for row in kpi_rows():
        if row[:4] == (kpi_id, period, org, gender):
            return row[4]
    raise KeyError((kpi_id, period, org, gender))


def add_kpis(path: Path) -> Path:
    """Add the KPI export, the catalogue seed and the organisation dimensions."""
    with duckdb.connect(str(path)) as con:
        con.execute("create schema if not exists marts")
        con.execute("create schema if not exists reference")
        con.execute(
            """
            create table marts.kpi_values (
                kpi_id varchar, period varchar, org_code varchar, gender varchar,
                value double, numerator double, denominator double
            )
            """
        )
        con.executemany("insert into marts.kpi_values values (?, ?, ?, ?, ?, ?, ?)", kpi_rows())
        con.execute(
            f"""
            create table reference.kpi_catalogue as
            select * from read_csv('{CATALOGUE_CSV}', header = true,
                types = {{'higher_is_better': 'boolean'}})
            """
        )
        con.execute(
            "create table marts.dim_forvaltningar (forvaltning_code varchar, "
            "forvaltning_name varchar)"
        )
        con.executemany("insert into marts.dim_forvaltningar values (?, ?)",
                        list(FORVALTNINGAR.items()))
        con.execute(
            """
            create table marts.dim_organisation_units (
                unit_id varchar, unit_name varchar, current_forvaltning_code varchar,
                current_forvaltning_name varchar, is_latest_version boolean, ansvar varchar
            )
            """
        )
        con.executemany(
            "insert into marts.dim_organisation_units values (?, ?, ?, ?, true, ?)",
            [(u, n, f, FORVALTNINGAR[f], UNIT_ANSVAR[u]) for u, n, f in UNITS],
        )
    return path


# The HR mart per unit, month and sex (the columns the Personal page's unit drill-down
# reads). E300 belonged to KSF and is in SOC in today's organisation.
# unit_id, unit_name, forvaltning then, forvaltning today, sex, headcount
HR_UNITS = [
    ("E100", "Björkens förskola", "BOU", "BOU", "K", 200),
    ("E100", "Björkens förskola", "BOU", "BOU", "M", 8),
    ("E101", "Ekskolan", "BOU", "BOU", "K", 100),
    ("E101", "Ekskolan", "BOU", "BOU", "M", 72),
    ("E200", "Hemtjänst Norr", "SOC", "SOC", "K", 150),
    ("E200", "Hemtjänst Norr", "SOC", "SOC", "M", 9),
    ("E300", "Kansliet", "KSF", "SOC", "K", 20),
    ("E300", "Kansliet", "KSF", "SOC", "M", 15),
]
HR_UNIT_MONTH = "2024-03"


def hr_unit_sums(headcount: int, sex: str) -> dict[str, float]:
    ordinary = headcount * 160.0
    sick = ordinary * SICK_RATE[sex]
    return {
        "headcount": headcount, "fte": headcount * 0.92, "ordinary_hours": ordinary,
        "sick_hours": sick, "long_spell_sick_hours": sick * 0.4,
        "tillsvidare_persons": round(headcount * 0.8),
        "fulltime_persons": round(headcount * 0.8 * 0.6),
    }  # fmt: skip


def add_hr_unit_mart(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute(
            """
            create table marts.fct_hr_unit_months (
                year_month varchar, unit_id varchar, unit_name varchar,
                forvaltning_code varchar, current_forvaltning_code varchar, sex varchar,
                headcount bigint, fte double, ordinary_hours double, sick_hours double,
                long_spell_sick_hours double, tillsvidare_persons bigint,
                fulltime_persons bigint
            )
            """
        )
        rows = []
        for unit_id, name, then, today, sex, n in HR_UNITS:
            m = hr_unit_sums(n, sex)
            rows.append((HR_UNIT_MONTH, unit_id, name, then, today, sex, *m.values()))
        con.executemany(
            "insert into marts.fct_hr_unit_months values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return path


# --- the budget follow-up mart (the columns the Ekonomi page reads) ------------------------
# Each förvaltning's monthly net cost (NET_COST_PER_MONTH, as in the KPI export) and budget
# (BUDGET / 12) split over activities; Förskola's share is further split over two account
# groups so that the page must add rows up. activity_code -> (name, served age band)
ACTIVITIES = {
    "407": ("Förskola", "1-5"),
    "425": ("Grundskola", "6-15"),
    "510": ("Vård och omsorg om äldre", "80+"),
    "100": ("Politisk verksamhet", None),
}
ACTIVITY_SHARES = {  # forvaltning -> [(activity, share of its net cost and budget)]
    "BOU": [("407", 0.42), ("407", 0.18), ("425", 0.40)],
    "SOC": [("510", 1.0)],
    "KSF": [("100", 1.0)],
    "UNMAPPED": [("100", 1.0)],
}
SERVED_POPULATION = {
    "2023": {"1-5": 2_850, "6-15": 5_640, "80+": 2_400},
    "2024": {"1-5": 2_800, "6-15": 5_700, "80+": 2_500},
}
FOLLOW_UP_COLUMNS = [
    "year_month", "year", "month", "forvaltning_code", "activity_code", "served_age_band",
    "served_population", "outcome_month_sek", "budget_month_sek", "outcome_ytd_sek",
    "budget_ytd_sek", "deviation_ytd_sek", "budget_full_year_sek", "forecast_full_year_sek",
    "forecast_deviation_sek", "outcome_ytd_per_served_inhabitant_sek",
]  # fmt: skip


def follow_up_rows() -> list[dict]:
    rows = []
    for period in MONTHS:
        year, month = period[:4], int(period[5:])
        for org, parts in ACTIVITY_SHARES.items():
            for activity, share in parts:
                band = ACTIVITIES[activity][1]
                served = SERVED_POPULATION[year][band] if band else None
                outcome_ytd = sum(NET_COST_PER_MONTH[org] * _month_factor(f"{year}-{m:02d}")
                                  for m in range(1, month + 1)) * share
                budget_full = BUDGET[year][org] * share
                budget_ytd = budget_full * month / 12
                forecast = outcome_ytd + budget_full - budget_ytd
                rows.append({
                    "year_month": period, "year": int(year), "month": month,
                    "forvaltning_code": org, "activity_code": activity,
                    "served_age_band": band, "served_population": served,
                    "outcome_month_sek": NET_COST_PER_MONTH[org] * _month_factor(period) * share,
                    "budget_month_sek": budget_full / 12,
                    "outcome_ytd_sek": outcome_ytd, "budget_ytd_sek": budget_ytd,
                    "deviation_ytd_sek": budget_ytd - outcome_ytd,
                    "budget_full_year_sek": budget_full, "forecast_full_year_sek": forecast,
                    "forecast_deviation_sek": budget_full - forecast,
                    "outcome_ytd_per_served_inhabitant_sek": outcome_ytd / served if served
                    else None,
                })  # fmt: skip
    return rows


def add_finance_marts(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute(
            """
            create table marts.fct_budget_follow_up_months (
                year_month varchar, year integer, month integer, forvaltning_code varchar,
                activity_code varchar, served_age_band varchar, served_population double,
                outcome_month_sek double, budget_month_sek double, outcome_ytd_sek double,
                budget_ytd_sek double, deviation_ytd_sek double, budget_full_year_sek double,
                forecast_full_year_sek double, forecast_deviation_sek double,
                outcome_ytd_per_served_inhabitant_sek double
            )
            """
        )
        con.executemany(
            f"insert into marts.fct_budget_follow_up_months values "
            f"({', '.join('?' * len(FOLLOW_UP_COLUMNS))})",
            [[r[c] for c in FOLLOW_UP_COLUMNS] for r in follow_up_rows()],
        )
        con.execute("create table marts.dim_activities (activity_code varchar, "
                    "activity_name varchar)")
        con.executemany("insert into marts.dim_activities values (?, ?)",
                        [(code, name) for code, (name, _) in ACTIVITIES.items()])
    return path


# --- the home-care marts (the columns the Verksamhet page reads) ---------------------------
DISTRICTS = {"D01": "Centrum", "D02": "Norrby"}
DISTRICT_SHARE_80 = {"D01": 0.6, "D02": 0.4}


def homecare_hours(period: str) -> float:
    """Hours performed in a month, as SVC_HEMTJANST_HOURS of the KPI export."""
    return 10_000.0 + 10 * int(period[5:7])


def demand_rows() -> list[tuple]:
    """district_code, year_month, year, performed_hours, estimated_planned_hours,
    recipient_count, not_performed_visit_count, population_80_plus, hours per inhabitant."""
    rows = []
    for period in MONTHS:
        year = period[:4]
        pop = sum(POP_80[year].values())
        hours = homecare_hours(period)
        rows.append(("ALL", period, int(year), hours, hours * 1.05, 300, 40, pop, hours / pop))
        for code, share in DISTRICT_SHARE_80.items():
            rows.append((code, period, int(year), None, None, None, None, round(pop * share),
                         None))
    return rows


PROJECTION_ORIGIN = 2023
PROJECTION_TREND = {"ALL": 60.0, "D01": 40.0, "D02": 20.0}  # persons 80+ per year


def projection_rows() -> list[tuple]:
    """district_code, origin_year, target_year, horizon_years, projected population 80+,
    hours per inhabitant 80+, projected hours, actual population, actual hours, latest."""
    rows = []
    pop_2023 = sum(POP_80["2023"].values())
    per_inhabitant = sum(homecare_hours(m) for m in MONTHS if m[:4] == "2023") / pop_2023
    for origin in (PROJECTION_ORIGIN - 1, PROJECTION_ORIGIN):
        for code, slope in PROJECTION_TREND.items():
            base = pop_2023 * DISTRICT_SHARE_80.get(code, 1.0)
            for h in (1, 2, 3):
                pop = base + slope * (origin - PROJECTION_ORIGIN + h)
                rows.append((code, origin, origin + h, h, pop, per_inhabitant,
                             per_inhabitant * pop, None, None, origin == PROJECTION_ORIGIN))
    return rows


def add_services_marts(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute(
            """
            create table marts.fct_homecare_demand_capacity (
                district_code varchar, year_month varchar, year integer,
                performed_hours double, estimated_planned_hours double,
                recipient_count integer, not_performed_visit_count integer,
                population_80_plus integer, performed_hours_per_inhabitant_80_plus double
            )
            """
        )
        con.executemany(
            "insert into marts.fct_homecare_demand_capacity values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            demand_rows(),
        )
        con.execute(
            """
            create table marts.fct_homecare_hours_projections (
                district_code varchar, origin_year integer, target_year integer,
                horizon_years integer, projected_population_80_plus double,
                hours_per_inhabitant_80_plus double, projected_hours_needed double,
                actual_population_80_plus integer, actual_hours_performed double,
                is_latest_origin boolean
            )
            """
        )
        con.executemany(
            "insert into marts.fct_homecare_hours_projections values "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            projection_rows(),
        )
        con.execute("create table marts.dim_districts (district_code varchar, "
                    "district_name varchar)")
        con.executemany("insert into marts.dim_districts values (?, ?)",
                        list(DISTRICTS.items()))
    return path


# --- the sick-leave group mart (hours and group sizes per age band) ------------------------
# The year 2024 per unit, sex and age band; UNMAPPED's employees sit in a unit of their own.
# The employees of a unit × sex (HR_UNITS) split over the bands by these shares, each band
# with its own sick rate (× the sex's), one person per employee and 1,920 ordinary hours.
AGE_SPLIT = {"0-29": 0.25, "30-49": 0.45, "50+": 0.30}
AGE_SICK = {"0-29": 0.8, "30-49": 1.0, "50+": 1.3}
GROUP_UNITS = [*HR_UNITS, ("E900", "Okänd enhet", "UNMAPPED", "UNMAPPED", "K", 3),
               ("E900", "Okänd enhet", "UNMAPPED", "UNMAPPED", "M", 2)]
GROUP_YEAR = "2024"


def _band_counts(n: int) -> dict[str, int]:
    young = round(n * AGE_SPLIT["0-29"])
    middle = round(n * AGE_SPLIT["30-49"])
    return {"0-29": young, "30-49": middle, "50+": n - young - middle}


def group_cells() -> list[dict]:
    """The finest cells: unit, förvaltning then and today, sex, age band, with their sums."""
    cells = []
    for unit_id, _, then, today, sex, n in GROUP_UNITS:
        for band, count in _band_counts(n).items():
            ordinary = count * 1920.0
            sick = ordinary * SICK_RATE[sex] * AGE_SICK[band]
            cells.append({"unit_id": unit_id, "then": then, "today": today, "sex": sex,
                          "age_band": band, "employee_count": count,
                          "ordinary_hours": ordinary, "sick_hours": sick,
                          "long_spell_sick_hours": sick * 0.35})
    return cells


def group_rows() -> list[tuple]:
    """fct_hr_sick_leave_groups' rows: each level summed from the finest cells (every person
    is in one unit here, so the employee counts add up over units too)."""
    sums: dict[tuple, list[float]] = {}
    for c in group_cells():
        for level, code, parent in [("kommun", "ALL", None), ("forvaltning", c["then"], "ALL"),
                                    ("current_forvaltning", c["today"], "ALL"),
                                    ("unit", c["unit_id"], c["today"])]:
            key = (GROUP_YEAR, level, code, parent, c["sex"], c["age_band"])
            acc = sums.setdefault(key, [0, 0.0, 0.0, 0.0])
            for i, col in enumerate(["employee_count", "ordinary_hours", "sick_hours",
                                     "long_spell_sick_hours"]):
                acc[i] += c[col]
    return [(*k, *v) for k, v in sums.items() if v[1] > 0]


def add_hr_group_mart(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute(
            """
            create table marts.fct_hr_sick_leave_groups (
                period varchar, org_level varchar, org_code varchar, parent_code varchar,
                sex varchar, age_band varchar, employee_count integer, ordinary_hours double,
                sick_hours double, long_spell_sick_hours double
            )
            """
        )
        con.executemany(
            "insert into marts.fct_hr_sick_leave_groups values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            group_rows(),
        )
    return path


# --- the ledger and budget facts (the columns the Ekonomi page reads for a unit) ----------
# Ekskolan (E101, ansvar 10101) in 2024: outcome on two activities each month Jan–Jun,
# the budget of every month; another unit's rows must not count.
UNIT_LEDGER = {"425": 1_200_000.0, "407": 300_000.0}  # activity -> net cost per month
UNIT_BUDGET = {"425": 1_250_000.0, "407": 280_000.0}  # activity -> budget per month


def unit_ledger_rows() -> list[tuple]:
    """ansvar, activity_code, booking_year, booking_month, net_cost_sek, is_net_cost_account"""
    rows = []
    for month in range(1, 7):
        for activity, cost in UNIT_LEDGER.items():
            rows.append(("10101", activity, 2024, month, cost * (1 + month / 100), True))
            rows.append(("10101", activity, 2024, month, 99_999.0, False))  # balance account
        rows.append(("10100", "407", 2024, month, 5_000_000.0, True))  # E100, not E101
        rows.append(("10101", "425", 2023, month, 7_777_777.0, True))  # another year
    return rows


def unit_budget_rows() -> list[tuple]:
    """ansvar, activity_code, budget_year, budget_month, net_cost_budget_sek, net cost?"""
    rows = []
    for month in range(1, 13):
        for activity, budget in UNIT_BUDGET.items():
            rows.append(("10101", activity, 2024, month, budget, True))
        rows.append(("10100", "407", 2024, month, 4_000_000.0, True))
    return rows


def add_unit_finance_facts(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute(
            """
            create table marts.fct_ledger_entries (
                ansvar varchar, activity_code varchar, booking_year integer,
                booking_month integer, net_cost_sek decimal(18, 2),
                is_net_cost_account boolean
            )
            """
        )
        con.executemany("insert into marts.fct_ledger_entries values (?, ?, ?, ?, ?, ?)",
                        unit_ledger_rows())
        con.execute(
            """
            create table marts.fct_budget_months (
                ansvar varchar, activity_code varchar, budget_year integer,
                budget_month integer, net_cost_budget_sek decimal(18, 2),
                is_net_cost_account boolean
            )
            """
        )
        con.executemany("insert into marts.fct_budget_months values (?, ?, ?, ?, ?, ?)",
                        unit_budget_rows())
    return path


def build_full_warehouse(path: Path) -> Path:
    """The platform marts, the KPI export, the HR unit and group marts and the finance and
    services marts the pages read: what a build of main holds once the domain marts have
    landed."""
    path = add_hr_group_mart(add_hr_unit_mart(add_kpis(build_warehouse(path))))
    return add_services_marts(add_unit_finance_facts(add_finance_marts(path)))
