"""Personal: headcount, FTE, sick leave (short and long, by sex and age band), full-time
share and turnover; trend and breakdown by förvaltning. Every HR figure has been through
disclosure control (cache.kpi_values) before it reaches this page."""

import pandas as pd
import streamlit as st

import cache
import charts
import disclosure
import export
import filters
import kpis
import sv_format
import ui

HR_KPIS = [
    "HR_HEADCOUNT",
    "HR_FTE",
    "HR_SICK_LEAVE_PCT",
    "HR_LONG_SICK_SHARE_PCT",
    "HR_FULLTIME_SHARE_PCT",
    "HR_TURNOVER_PCT",
]
AGE_BANDS = {
    "HR_SICK_LEAVE_PCT_AGE_0_29": "29 år och yngre",
    "HR_SICK_LEAVE_PCT_AGE_30_49": "30–49 år",
    "HR_SICK_LEAVE_PCT_AGE_50_PLUS": "50 år och äldre",
}

st.title("Personal")
selection = filters.current()
kv = ui.load(cache.kpi_values)
catalogue = ui.load(cache.kpi_catalogue).set_index("kpi_id")
org_names = dict(ui.load(cache.forvaltningar).itertuples(index=False, name=None))
org_names[kpis.ALL_ORGS] = "Hela kommunen"

available = [k for k in HR_KPIS if k in catalogue.index and (kv["kpi_id"] == k).any()]
if not available:
    ui.no_data("personal")
    st.stop()

kpi_id = st.radio(
    "Nyckeltal",
    available,
    format_func=lambda k: catalogue.at[k, "kpi_name_sv"],
    horizontal=True,
    key="personal_kpi",
)
cat = catalogue.loc[kpi_id]
unit, name = cat["unit"], cat["kpi_name_sv"]
by_forvaltning = "forvaltning" in cat["org_breakdown"]
has_months = "month" in cat["periods"]
st.caption(
    "Förvaltning enligt organisationen på varje dag som uppgiften gäller. "
    + ("" if by_forvaltning else "Nyckeltalet redovisas bara för hela kommunen. ")
    + ("" if has_months else "Nyckeltalet redovisas per år. ")
)

# --- trend -------------------------------------------------------------------------------
org = selection.forvaltning if by_forvaltning else kpis.ALL_ORGS
genders = ["T", "K", "M"] if selection.gender == "T" else [selection.gender]
trend = kpis.series(kv, kpi_id, [org], genders, monthly=has_months)
trend = trend[trend["period"].str[:4].astype(int) <= selection.year]
where = org_names.get(org, org)
st.subheader(f"{name} över tid – {where}")
if trend.empty:
    ui.no_data(name.lower())
else:
    data = charts.prepare(trend, unit)
    data["series"] = data["gender"].map(kpis.GENDER_LABELS)
    ui.chart(
        charts.trend(data, unit, name, monthly=has_months, series_title="Kön"),
        data,
        [
            export.Column("period_label", "Period"),
            export.Column("series", "Kön"),
            export.Column("value", name, export.unit_kind(unit, kpi_id)),
        ],
        title=f"{name} över tid, {where}",
        key="personal_trend",
    )

# --- breakdown by förvaltning ------------------------------------------------------------
period = selection.period if has_months else str(selection.year)
st.subheader(f"{name} per förvaltning – {sv_format.period(period)}")
if not by_forvaltning:
    st.caption("Redovisas inte per förvaltning.")
else:
    cells = kv[(kv["kpi_id"] == kpi_id) & (kv["period"] == period)
               & (kv["gender"] == selection.gender)].copy()
    if cells.empty:
        ui.no_data(f"{name.lower()} {sv_format.period(period)}")
    else:
        cells["forvaltning"] = cells["org_code"].map(lambda c: org_names.get(c, c))
        cells = charts.prepare(cells, unit)
        parts = cells[cells["org_code"] != kpis.ALL_ORGS]
        columns = [
            export.Column("forvaltning", "Förvaltning"),
            export.Column("value", name, export.unit_kind(unit, kpi_id)),
        ]
        if kpi_id != "HR_HEADCOUNT":
            columns.append(export.Column("group_size", "Antal anställda", "count"))
        ui.show_chart(charts.bars(parts, "forvaltning", "Förvaltning", unit, name))
        ordered = pd.concat([parts.sort_values("value", ascending=False, na_position="last"),
                             cells[cells["org_code"] == kpis.ALL_ORGS]])
        ui.table(ordered, columns, title=f"{name} per förvaltning, {sv_format.period(period)}",
                 key="personal_forvaltning")

# --- drill-down to units (the HR mart) ----------------------------------------------------
if by_forvaltning and kpi_id in kpis.UNIT_KPIS:
    months = sorted(p for p in kv.loc[kv["kpi_id"] == "HR_HEADCOUNT", "period"]
                    if kpis.is_month(p) and p[:4] == str(selection.year))
    month = selection.period if selection.month else (months[-1] if months else None)
    where = org_names.get(selection.forvaltning, selection.forvaltning)
    st.subheader(f"{name} per enhet – {where}" + (f", {sv_format.period(month)}" if month else ""))
    if selection.forvaltning == kpis.ALL_ORGS:
        st.caption("Välj en förvaltning i urvalet för att se dess enheter.")
    elif month is None:
        ui.no_data(f"enheter {selection.year}")
    else:
        restated = st.radio(
            "Organisation",
            [False, True],
            format_func=lambda r: "Omräknad till dagens organisation" if r
            else "Som den var den månaden",
            horizontal=True,
            key="personal_restated",
        )
        units = ui.load(cache.hr_units, month, selection.forvaltning, restated)
        if units is None:
            st.caption("Enhetsnivån visas när HR-marten med enheter finns i lagret.")
        else:
            rows = units[units["gender"] == selection.gender]
            if selection.unit != kpis.ALL_ORGS:
                rows = rows[rows["unit_id"].isin([selection.unit, kpis.ALL_ORGS])]
            rows = rows.assign(unit=[
                n if u == kpis.ALL_ORGS else f"{n} ({u})"
                for u, n in zip(rows["unit_id"], rows["unit_name"], strict=True)
            ])
            unit_columns = [
                export.Column("unit", "Enhet"),
                export.Column(kpi_id, name, export.unit_kind(unit, kpi_id)),
            ]
            if kpi_id != "HR_HEADCOUNT":
                unit_columns.append(export.Column("group_size", "Antal anställda", "count"))
            if rows.empty:
                ui.no_data(f"enheterna i {where}")
            else:
                ui.table(
                    rows,
                    unit_columns,
                    title=f"{name} per enhet, {where}, {sv_format.period(month)}",
                    key="personal_enheter",
                    caption="Andelar är summan av täljarna delad med summan av nämnarna för "
                    "enheten (HR-marten). "
                    + ("Enheterna hör till förvaltningen i dagens organisation."
                       if restated else "Enheterna hörde till förvaltningen den månaden."),
                )

# --- sick leave by sex and age band -------------------------------------------------------
if kpi_id in ("HR_SICK_LEAVE_PCT", "HR_LONG_SICK_SHARE_PCT"):
    year = str(selection.year)
    st.subheader(f"Sjukfrånvaro per kön och åldersgrupp – {year}")
    rows = kv[kv["kpi_id"].isin([*AGE_BANDS, "HR_SICK_LEAVE_PCT", "HR_LONG_SICK_SHARE_PCT"])
              & (kv["period"] == year) & (kv["org_code"] == kpis.ALL_ORGS)]
    if rows.empty:
        ui.no_data(f"sjukfrånvaro {year}")
    else:
        labels = {**AGE_BANDS, "HR_SICK_LEAVE_PCT": "Alla åldrar",
                  "HR_LONG_SICK_SHARE_PCT": "Andel långtidssjukfrånvaro, alla åldrar"}
        wide = rows.pivot_table(index="kpi_id", columns="gender", values="value",
                                dropna=False, aggfunc="first")
        wide = wide.reindex(index=[k for k in labels if k in set(rows["kpi_id"])],
                            columns=["T", "K", "M"])
        hidden = rows.groupby("kpi_id")[disclosure.SUPPRESSED].any()
        table = wide.reset_index()
        table["group"] = table["kpi_id"].map(labels)
        table[disclosure.SUPPRESSED] = table["kpi_id"].map(hidden).fillna(False)
        ui.table(
            table,
            [
                export.Column("group", "Grupp"),
                export.Column("T", "Totalt", "percent"),
                export.Column("K", "Kvinnor", "percent"),
                export.Column("M", "Män", "percent"),
            ],
            title=f"Sjukfrånvaro per kön och åldersgrupp, {year}",
            key="personal_alder",
            caption="Sjukfrånvaro i procent av ordinarie arbetstid; långtidssjukfrånvaro "
            "(60 dagar eller mer) i procent av all sjukfrånvaro.",
        )
