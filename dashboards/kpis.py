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
    other = kv[~kv["kpi_id"].map(is_hr)].assign(
        group_size=float("nan"), **{disclosure.SUPPRESSED: False}
    )
    other[disclosure.SUPPRESSION_REASON] = None
    sizes = (
        kv.loc[kv["kpi_id"] == HEADCOUNT, ["period", "org_code", "gender", "value"]]
        .rename(columns={"value": "group_size"})
    )
    hr = hr.merge(sizes, on=["period", "org_code", "gender"], how="left")
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


def tiles(
    kv: pd.DataFrame, catalogue: pd.DataFrame, year: int, month: int, org_code: str, gender: str
) -> list[Tile]:
    """One tile per catalogue KPI: the latest value up to the selected period.

    With a month selected, a monthly KPI shows that month (or its latest month before it);
    otherwise, and for yearly KPIs, the year row. The sparkline is the last 24 months, or
    every year for yearly KPIs.
    """
    selected = f"{year}-{month:02d}" if month else str(year)
    out = []
    for row in catalogue.itertuples(index=False):
        cat = pd.Series(row._asdict())
        org, sex = _breakdown(cat, org_code, gender)
        rows = kv[(kv["kpi_id"] == row.kpi_id) & (kv["org_code"] == org) & (kv["gender"] == sex)]
        monthly = "month" in str(row.periods) and month > 0
        kind = rows[rows["period"].map(is_month) == monthly]
        kind = kind[kind["period"] <= (selected if monthly else str(year))]
        by_period = kind.set_index("period")
        period = by_period.index.max() if len(by_period) else None
        value = previous = None
        suppressed = False
        if period is not None:
            value = by_period.at[period, "value"]
            suppressed = bool(by_period.at[period, disclosure.SUPPRESSED])
            last_year = same_period_last_year(period)
            if last_year in by_period.index and not by_period.at[last_year, disclosure.SUPPRESSED]:
                previous = by_period.at[last_year, "value"]
        spark_src = rows[rows["period"].map(is_month)] if "month" in str(row.periods) else (
            rows[~rows["period"].map(is_month)]
        )
        if period is not None:
            spark_src = spark_src[spark_src["period"].str[:7] <= period[:7].ljust(7, "~")]
        spark = spark_src.sort_values("period")["value"].tail(24)
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
            )
        )
    return out


def series(
    kv: pd.DataFrame, kpi_id: str, org_codes: list[str], genders: list[str], monthly: bool
) -> pd.DataFrame:
    """The rows of one KPI for some orgs and sexes, month rows or year rows."""
    df = kv[
        (kv["kpi_id"] == kpi_id)
        & kv["org_code"].isin(org_codes)
        & kv["gender"].isin(genders)
        & (kv["period"].map(is_month) == monthly)
    ]
    return df.sort_values(["period", "org_code", "gender"], ignore_index=True)
