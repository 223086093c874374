"""Verksamhet: bygglov within 10 weeks and median days, preschool places on time, home-care
hours and continuity (the services KPIs, whole municipality)."""

import streamlit as st

import cache
import charts
import export
import filters
import kpis
import sv_format
import ui

SECTIONS = [
    ("Bygglov", ["SVC_BYGGLOV_WITHIN_10W_PCT", "SVC_BYGGLOV_MEDIAN_DAYS"]),
    ("Förskola", ["SVC_FORSKOLA_ON_TIME_PCT"]),
    ("Hemtjänst", ["SVC_HEMTJANST_HOURS", "SVC_HEMTJANST_CONTINUITY"]),
]

st.title("Verksamhet")
selection = filters.current()
kv = ui.load(cache.kpi_values)
catalogue = ui.load(cache.kpi_catalogue).set_index("kpi_id")
st.caption(
    "Verksamhetens nyckeltal redovisas för hela kommunen; valet av förvaltning och kön "
    "påverkar inte sidan."
)

for heading, kpi_ids in SECTIONS:
    st.header(heading)
    for kpi_id in kpi_ids:
        if kpi_id not in catalogue.index:
            continue
        cat = catalogue.loc[kpi_id]
        name, unit = cat["kpi_name_sv"], cat["unit"]
        monthly = "month" in cat["periods"]
        rows = kpis.series(kv, kpi_id, [kpis.ALL_ORGS], ["T"], monthly=monthly)
        rows = rows[rows["period"].str[:4].astype(int) <= selection.year]
        if monthly and selection.month:
            rows = rows[rows["period"] <= selection.period]
        st.subheader(name)
        if rows.empty:
            ui.no_data(name.lower())
            continue
        year_row = kv[(kv["kpi_id"] == kpi_id) & (kv["period"] == str(selection.year))
                      & (kv["org_code"] == kpis.ALL_ORGS) & (kv["gender"] == "T")]
        if len(year_row):
            st.metric(f"{name}, {selection.year}",
                      sv_format.kpi_value(year_row["value"].iat[0], unit))
        data = charts.prepare(rows, unit)
        data["series"] = "Hela kommunen"
        columns = [
            export.Column("period_label", "Period"),
            export.Column("value", name, export.unit_kind(unit, kpi_id)),
        ]
        if rows["denominator"].notna().any():
            columns.append(export.Column("denominator", "Antal ärenden/ansökningar/mottagare",
                                         "count"))
        ui.chart(charts.trend(data, unit, name, monthly=monthly), data, columns,
                 title=name, key=f"verksamhet_{kpi_id.lower()}")

st.header("Efterfrågan och kapacitet per område")
st.info(
    "Efterfrågan mot kapacitet per område, med prognos, visas när verksamhetsmarten för "
    "områden finns i lagret.",
    icon=":material/info:",
)
