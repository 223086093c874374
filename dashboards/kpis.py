"""Key figures as the pages show them, sliced from `marts.kpi_values`; no Streamlit here.

Nothing in this module computes a key figure: values come from the export as they are, and
where a figure for a selection is needed it is Σ numerator / Σ denominator of the export's
own numerators and denominators (`ratio_of_sums`). Differences against last year are the
only arithmetic, and they are labelled as differences.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

import disclosure

KEYS = ["kpi_id", "period", "org_code", "gender"]
ALL_ORGS = "ALL"
TOTAL_GENDER = "T"
GENDER_LABELS = {"T": "Totalt", "K": "Kvinnor", "M": "Män"}
HEADCOUNT = "HR_HEADCOUNT"
# The suppression reason of an HR figure whose group size the export does not give.
NO_GROUP_SIZE = "ingen gruppstorlek"
AGE_BAND_KPIS = [
    "HR_SICK_LEAVE_PCT_AGE_0_29",
    "HR_SICK_LEAVE_PCT_AGE_30_49",
    "HR_SICK_LEAVE_PCT_AGE_50_PLUS",
]

TILE_ORDER = [
    "HR_HEADCOUNT", "HR_FTE", "HR_SICK_LEAVE_PCT", "HR_SICK_LEAVE_PCT_AGE_0_29",
    "HR_SICK_LEAVE_PCT_AGE_30_49", "HR_SICK_LEAVE_PCT_AGE_50_PLUS", "HR_LONG_SICK_SHARE_PCT",
    "HR_FULLTIME_SHARE_PCT", "HR_TURNOVER_PCT", "FIN_NET_COST", "FIN_BUDGET_DEVIATION",
    "FIN_NET_COST_PER_INHABITANT", "SVC_BYGGLOV_WITHIN_10W_PCT", "SVC_BYGGLOV_MEDIAN_DAYS",
    "SVC_FORSKOLA_ON_TIME_PCT", "SVC_HEMTJANST_CONTINUITY", "SVC_HEMTJANST_HOURS",
    "POP_TOTAL", "POP_80_PLUS",
]  # fmt: skip

# Domain page a KPI's tile links to, by the prefix of its id.
DOMAIN_PAGES = {"HR": "personal", "FIN": "ekonomi", "POP": "ekonomi", "SVC": "verksamhet"}


def domain_page(kpi_id: str) -> str:
    return DOMAIN_PAGES.get(kpi_id.split("_", 1)[0], "oversikt")


def is_hr(kpi_id: str) -> bool:
    return kpi_id.startswith("HR_")


def disclose(kv: pd.DataFrame) -> pd.DataFrame:
    """kpi_values with every HR figure passed through disclosure.suppress.

    The group behind an HR figure is the headcount of the same period, förvaltning and sex
    (HR_HEADCOUNT's row). Figures with no such row (e.g. the age-band sick leave, which has
    no headcount per age band in the export) have no known group size and stay hidden.
    All cells of all breakdowns go through at once, so that the complementary cells chosen
    are the same on every page and in every export.
    """
    hr = kv[kv["kpi_id"].map(is_hr)]
    own_group = ~hr["kpi_id"].isin(AGE_BAND_KPIS)
    other = kv[~kv["kpi_id"].map(is_hr)].assign(
        group_size=float("nan"), **{disclosure.SUPPRESSED: False}
    )
    other[disclosure.SUPPRESSION_REASON] = None
    sizes = (
        kv.loc[kv["kpi_id"] == HEADCOUNT, ["period", "org_code", "gender", "value"]]
        .rename(columns={"value": "group_size"})
    )
    # An age band is a smaller group than its period, org and sex: no headcount to borrow.
    hr = pd.concat(
        [
            hr[own_group].merge(sizes, on=["period", "org_code", "gender"], how="left"),
            hr[~own_group].assign(group_size=float("nan")),
        ],
        ignore_index=True,
    )
    no_group_size = hr["group_size"].isna()
    hr = disclosure.suppress(
        hr,
        group_size="group_size",
        value_columns=["value", "numerator", "denominator", "group_size"],
        keys=KEYS,
        partitions=[
            disclosure.Partition("gender", TOTAL_GENDER),
            disclosure.Partition("org_code", ALL_ORGS),
        ],
    )
    # Hidden for want of a group size, not for a small one: pages say so.
    hr.loc[no_group_size & hr[disclosure.SUPPRESSED], disclosure.SUPPRESSION_REASON] = (
        NO_GROUP_SIZE
    )
    out = pd.concat([hr, other], ignore_index=True)
    return out.sort_values(KEYS, ignore_index=True)


def ratio_of_sums(df: pd.DataFrame, scale: float = 100.0) -> float:
    """The ratio for a selection of rows: scale × Σ numerator / Σ denominator."""
    den = df["denominator"].sum(min_count=1)
    if pd.isna(den) or den == 0:
        return float("nan")
    return scale * df["numerator"].sum(min_count=1) / den


def is_month(period: str) -> bool:
    return len(period) == 7


def month_periods(year: int) -> list[str]:
    return [f"{year}-{m:02d}" for m in range(1, 13)]


def same_period_last_year(period: str) -> str:
    return f"{int(period[:4]) - 1}{period[4:]}"


@dataclass
class Tile:
    kpi_id: str
    name: str
    unit: str
    higher_is_better: bool | None
    org_code: str
    gender: str
    period: str | None
    value: float | None
    previous: float | None
    suppressed: bool
    sparkline: list[float | None] = field(default_factory=list)
    suppression_reason: str | None = None

    @property
    def change(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        if pd.isna(self.value) or pd.isna(self.previous):
            return None
        return self.value - self.previous


def _breakdown(catalogue_row: pd.Series, org_code: str, gender: str) -> tuple[str, str]:
    """The org and sex a KPI is shown for: the filter's where the KPI has that breakdown."""
    org = org_code if "forvaltning" in str(catalogue_row["org_breakdown"]) else ALL_ORGS
    genders = str(catalogue_row["genders"]).split(",")
    return org, gender if gender in genders else TOTAL_GENDER


def catalogue_order(catalogue: pd.DataFrame) -> pd.DataFrame:
    """The catalogue in the seed's order (staff, money, services, population)."""
    order = {k: i for i, k in enumerate(TILE_ORDER)}
    return catalogue.sort_values("kpi_id", key=lambda s: s.map(lambda k: order.get(k, 999)),
                                 kind="stable")


def tiles(
    kv: pd.DataFrame, catalogue: pd.DataFrame, year: int, month: int, org_code: str, gender: str
) -> list[Tile]:
    """One tile per catalogue KPI: the latest value up to the selected period.

    A monthly KPI shows the selected month, or with the whole year selected the year's
    latest month (an unfinished year's total would compare badly with a whole one); a
    yearly KPI shows the year. The sparkline is the last 24 months, or the years.
    """
    last_month = f"{year}-{month:02d}" if month else f"{year}-12"
    out = []
    for row in catalogue_order(catalogue).itertuples(index=False):
        cat = pd.Series(row._asdict())
        org, sex = _breakdown(cat, org_code, gender)
        rows = kv[(kv["kpi_id"] == row.kpi_id) & (kv["org_code"] == org) & (kv["gender"] == sex)]
        monthly = "month" in str(row.periods)
        kind = rows[rows["period"].map(is_month) == monthly]
        kind = kind[kind["period"] <= (last_month if monthly else str(year))]
        by_period = kind.set_index("period")
        period = by_period.index.max() if len(by_period) else None
        value = previous = reason = None
        suppressed = False
        if period is not None:
            value = by_period.at[period, "value"]
            suppressed = bool(by_period.at[period, disclosure.SUPPRESSED])
            reason = by_period.at[period, disclosure.SUPPRESSION_REASON]
            last_year = same_period_last_year(period)
            if last_year in by_period.index and not by_period.at[last_year, disclosure.SUPPRESSED]:
                previous = by_period.at[last_year, "value"]
        spark = kind[kind["period"] <= period] if period is not None else kind
        spark = spark.sort_values("period")["value"].tail(24)
        hib = row.higher_is_better
        out.append(
            Tile(
                kpi_id=row.kpi_id,
                name=row.kpi_name_sv,
                unit=row.unit,
                higher_is_better=None if pd.isna(hib) else bool(hib),
                org_code=org,
                gender=sex,
                period=period,
                value=None if value is None or pd.isna(value) else float(value),
                previous=None if previous is None or pd.isna(previous) else float(previous),
                suppressed=suppressed,
                sparkline=[None if pd.isna(v) else float(v) for v in spark],
                suppression_reason=None if pd.isna(reason) else str(reason),
            )
        )
    return out


def series(
    kv: pd.DataFrame, kpi_id: str, org_codes: list[str], genders: list[str], monthly: bool
) -> pd.DataFrame:
    """The rows of one KPI for some orgs and sexes, month rows or year rows."""
    # The KPI first: the other tests then run on its few hundred rows, not the whole export
    # (a per-row map over every row cost tens of milliseconds per call at scale 1).
    df = kv[kv["kpi_id"] == kpi_id]
    df = df[
        df["org_code"].isin(org_codes)
        & df["gender"].isin(genders)
        & ((df["period"].str.len() == 7) == monthly)
    ]
    return df.sort_values(["period", "org_code", "gender"], ignore_index=True)


# The HR KPIs a unit row can show: (kpi_id, numerator column, denominator column); a None
# denominator marks a plain sum.
UNIT_KPIS = {
    "HR_HEADCOUNT": ("headcount", None),
    "HR_FTE": ("fte", None),
    "HR_SICK_LEAVE_PCT": ("sick_hours", "ordinary_hours"),
    "HR_LONG_SICK_SHARE_PCT": ("long_spell_sick_hours", "sick_hours"),
    "HR_FULLTIME_SHARE_PCT": ("fulltime_persons", "tillsvidare_persons"),
}
UNIT_SUMS = ["headcount", "fte", "ordinary_hours", "sick_hours", "long_spell_sick_hours",
             "tillsvidare_persons", "fulltime_persons"]


def unit_breakdown(sums: pd.DataFrame) -> pd.DataFrame:
    """Per unit and sex (K, M and T), plus the förvaltning's total (unit_id ALL): the HR
    mart's sums, each KPI as Σ numerator / Σ denominator, through disclosure control.

    The group behind every figure of a row is the row's headcount.
    """
    by_sex = sums[["unit_id", "unit_name", "sex", *UNIT_SUMS]]
    totals = by_sex.groupby(["unit_id", "unit_name"], as_index=False)[UNIT_SUMS].sum()
    rows = pd.concat([by_sex, totals.assign(sex=TOTAL_GENDER)], ignore_index=True)
    org = rows.groupby("sex", as_index=False)[UNIT_SUMS].sum()
    rows = pd.concat(
        [rows, org.assign(unit_id=ALL_ORGS, unit_name="Hela förvaltningen")], ignore_index=True
    )
    for kpi_id, (num, den) in UNIT_KPIS.items():
        rows[kpi_id] = (
            rows[num] if den is None else 100 * rows[num] / rows[den].where(rows[den] != 0)
        )
    rows = rows.rename(columns={"sex": "gender"})
    rows["group_size"] = rows["headcount"]
    return disclosure.suppress(
        rows,
        group_size="group_size",
        value_columns=[*UNIT_KPIS, *UNIT_SUMS, "group_size"],
        keys=["unit_id", "gender"],
        partitions=[
            disclosure.Partition("gender", TOTAL_GENDER),
            disclosure.Partition("unit_id", ALL_ORGS),
        ],
    )


# --- restated on today's organisation ------------------------------------------------------
# The KPIs the HR unit mart can restate: (kpi_id, numerator column, denominator column); a
# None denominator marks a plain sum. Stock columns are month-end counts, so a year is its
# December, as in the export; hours add up over the months of a year.
RESTATED_KPIS = UNIT_KPIS
STOCK_SUMS = ["headcount", "fte", "tillsvidare_persons", "fulltime_persons"]
HOUR_SUMS = ["ordinary_hours", "sick_hours", "long_spell_sick_hours"]


def restated(sums: pd.DataFrame, kv_raw: pd.DataFrame) -> pd.DataFrame:
    """The HR KPIs per förvaltning of today's organisation, in kpi_values' layout and through
    disclosure control (disclose), for the periods the export has.

    sums: the HR unit mart summed per year_month, org_code (today's förvaltning) and sex.
    kv_raw: the export before disclosure control; its ALL rows are the totals (the whole
    municipality does not change when history is restated, and a person with employments
    in two units is one person there). Each part's figure is Σ numerator / Σ denominator of
    the mart's sums, so a person with employments in two units of one förvaltning counts
    twice in its person counts (the page says so).
    """
    sums = sums.assign(year=sums["year_month"].str[:4])
    months = sums.rename(columns={"year_month": "period"})
    december = sums[sums["year_month"].str[5:7] == "12"]
    years = (
        sums.groupby(["year", "org_code", "sex"], as_index=False)[HOUR_SUMS].sum()
        .merge(december[["year", "org_code", "sex", *STOCK_SUMS]],
               on=["year", "org_code", "sex"], how="left")
        .rename(columns={"year": "period"})
    )
    cells = pd.concat([months, years], ignore_index=True)[
        ["period", "org_code", "sex", *STOCK_SUMS, *HOUR_SUMS]
    ]
    cells[STOCK_SUMS] = cells[STOCK_SUMS].fillna(0)
    totals = cells.groupby(["period", "org_code"], as_index=False)[[*STOCK_SUMS, *HOUR_SUMS]].sum()
    cells = pd.concat([cells.rename(columns={"sex": "gender"}),
                       totals.assign(gender=TOTAL_GENDER)], ignore_index=True)
    hr_raw = kv_raw[kv_raw["kpi_id"].isin(RESTATED_KPIS)]
    periods = set(hr_raw["period"])
    cells = cells[cells["period"].isin(periods)]
    rows = []
    # Which rows exist, as in the export: a stock KPI where the group has a person, sick
    # leave where ordinary hours > 0, the long-term share where sick hours > 0, the
    # full-time share where a Tillsvidare person is.
    exists = {"HR_HEADCOUNT": "headcount", "HR_FTE": "headcount",
              "HR_SICK_LEAVE_PCT": "ordinary_hours", "HR_LONG_SICK_SHARE_PCT": "sick_hours",
              "HR_FULLTIME_SHARE_PCT": "tillsvidare_persons"}
    for kpi_id, (num, den) in RESTATED_KPIS.items():
        part = cells[cells[exists[kpi_id]] > 0]
        rows.append(pd.DataFrame({
            "kpi_id": kpi_id,
            "period": part["period"],
            "org_code": part["org_code"],
            "gender": part["gender"],
            "value": part[num] if den is None else 100 * part[num] / part[den],
            "numerator": float("nan") if den is None else part[num],
            "denominator": float("nan") if den is None else part[den],
        }))
    parts = pd.concat(rows, ignore_index=True).astype(
        {"value": "float64", "numerator": "float64", "denominator": "float64"})
    whole = hr_raw.loc[hr_raw["org_code"] == ALL_ORGS, KEYS + ["value", "numerator",
                                                               "denominator"]]
    return disclose(pd.concat([parts, whole], ignore_index=True))


# --- sick leave per group (age band × sex × org) with the group's size --------------------
AGE_BANDS = {"0-29": "HR_SICK_LEAVE_PCT_AGE_0_29", "30-49": "HR_SICK_LEAVE_PCT_AGE_30_49",
             "50+": "HR_SICK_LEAVE_PCT_AGE_50_PLUS"}
ALL_AGES = "ALL"
GROUP_SUMS = ["employee_count", "ordinary_hours", "sick_hours", "long_spell_sick_hours"]
GROUP_KEYS = ["period", "parent_code", "org_code", "gender", "age_band"]
# The levels of the group mart whose org codes the page can select, and the level whose
# rows are their totals (a unit's total is its förvaltning of today's organisation).
GROUP_LEVELS = {"forvaltning": "kommun", "current_forvaltning": "kommun",
                "unit": "current_forvaltning"}


def sick_leave_groups(groups: pd.DataFrame, level: str, years_only: bool) -> pd.DataFrame:
    """Sick leave and the long-term share per period, org of one level, sex (K, M, T) and
    age band (each, and ALL = every age), with the parts' totals (org_code ALL under each
    parent_code), through disclosure control.

    groups: the sick-leave group mart (queries.hr_sick_leave_groups). The group behind a
    figure is the row's employee_count: distinct persons, which add up over sex and age
    band (each person has one of each in a year), so T and ALL are exact sums. Secondary
    suppression runs over sex, age band and the orgs under one parent at once.
    """
    total_level = GROUP_LEVELS[level]
    if years_only:
        groups = groups[groups["period"].str.len() == 4]
    parts = groups[groups["org_level"] == level]
    totals = groups[groups["org_level"] == total_level]
    if total_level == "kommun":
        totals = totals.assign(parent_code=ALL_ORGS)
        parts = parts.assign(parent_code=ALL_ORGS)
    else:
        totals = totals.assign(parent_code=totals["org_code"], org_code=ALL_ORGS)
    cells = pd.concat([parts, totals], ignore_index=True)
    cells = cells[["period", "parent_code", "org_code", "sex", "age_band", *GROUP_SUMS]]
    keys = ["period", "parent_code", "org_code"]
    by_sex = cells.rename(columns={"sex": "gender"})
    both = cells.groupby([*keys, "age_band"], as_index=False)[GROUP_SUMS].sum()
    by_sex = pd.concat([by_sex, both.assign(gender=TOTAL_GENDER)], ignore_index=True)
    ages = by_sex.groupby([*keys, "gender"], as_index=False)[GROUP_SUMS].sum()
    rows = pd.concat([by_sex, ages.assign(age_band=ALL_AGES)], ignore_index=True)
    rows["HR_SICK_LEAVE_PCT"] = 100 * rows["sick_hours"] / rows["ordinary_hours"].where(
        rows["ordinary_hours"] != 0)
    rows["HR_LONG_SICK_SHARE_PCT"] = 100 * rows["long_spell_sick_hours"] / rows[
        "sick_hours"].where(rows["sick_hours"] != 0)
    rows["group_size"] = rows["employee_count"]
    return disclosure.suppress(
        rows,
        group_size="group_size",
        value_columns=["HR_SICK_LEAVE_PCT", "HR_LONG_SICK_SHARE_PCT", *GROUP_SUMS,
                       "group_size"],
        keys=GROUP_KEYS,
        partitions=[
            disclosure.Partition("gender", TOTAL_GENDER),
            disclosure.Partition("age_band", ALL_AGES),
            disclosure.Partition("org_code", ALL_ORGS),
        ],
    )
