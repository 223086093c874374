"""Verksamhet: bygglov within 10 weeks and median days, preschool places on time, home-care
hours and continuity (the services KPIs, whole municipality); home-care demand against
capacity per district and the projection of the hours needed (the services marts)."""

import pandas as pd
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
if selection.unit != kpis.ALL_ORGS:
    # The services marts have districts or the whole town, never a unit: say so rather
    # than show town figures under a unit's name.
    st.info(f"Enhetsfilter gäller inte Verksamhet: bygglov, förskola och hemtjänst "
            f"redovisas för hela kommunen och per område, inte per enhet "
            f"({selection.unit_name} är vald).", icon=":material/info:")

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

# --- home care: demand against capacity, and the projection (the services marts) --------
marts = ui.load(cache.services_marts)
district_names = {} if marts["districts"] is None else dict(
    marts["districts"].itertuples(index=False, name=None))
district_names[kpis.ALL_ORGS] = "Hela kommunen"


def district_label(code: str) -> str:
    return district_names.get(code, code)


st.header("Hemtjänst: efterfrågan och kapacitet per område")
demand = marts["demand"]
if demand is None:
    st.info("Efterfrågan mot kapacitet per område visas när verksamhetsmarten för områden "
            "finns i lagret.", icon=":material/info:")
else:
    rows = demand[demand["year"] == selection.year]
    if selection.month:
        rows = rows[rows["year_month"] <= selection.period]
    if rows.empty:
        ui.no_data(f"hemtjänstens efterfrågan och kapacitet {selection.year}")
    else:
        town = rows[rows["district_code"] == kpis.ALL_ORGS]
        as_of = rows["year_month"].max()
        st.subheader(f"Planerade och utförda timmar per månad {selection.year}")
        # Demand: the hours planned (estimated, the source has no planned end); capacity:
        # the hours performed.
        series = {"estimated_planned_hours": "Planerade timmar (beräknade) – efterfrågan",
                  "performed_hours": "Utförda timmar – kapacitet"}
        long = town.melt(id_vars=["year_month"], value_vars=list(series),
                         var_name="measure", value_name="value")
        long["period"] = long["year_month"]
        data = charts.prepare(long, "timmar")
        data["series"] = data["measure"].map(series)
        ui.show_chart(charts.trend(data, "timmar", "Timmar", monthly=True, series_title="Mått"))
        monthly = charts.prepare(town.assign(period=town["year_month"],
                                             value=town["performed_hours"]), "timmar")
        ui.table(
            monthly,
            [
                export.Column("period_label", "Månad"),
                export.Column("estimated_planned_hours", "Planerade timmar (beräknade)",
                              "hours"),
                export.Column("performed_hours", "Utförda timmar", "hours"),
                export.Column("not_performed_visit_count", "Besök som inte utfördes", "count"),
                export.Column("recipient_count", "Brukare", "count"),
                export.Column("performed_hours_per_inhabitant_80_plus",
                              "Utförda timmar per invånare 80 år och äldre", "number2"),
            ],
            title=f"Hemtjänst per månad {selection.year}, hela kommunen",
            key="verksamhet_hemtjanst_manad",
            caption="Planerade timmar är en uppskattning: källan saknar planerat sluttid, så "
            "ett besök som inte utfördes värderas till insatstypens genomsnittliga längd.",
        )

        st.subheader(f"Invånare 80 år och äldre per område – {sv_format.period(as_of)}")
        cells = rows[rows["year_month"] == as_of].copy()
        cells["district"] = cells["district_code"].map(district_label)
        parts = cells[cells["district_code"] != kpis.ALL_ORGS].assign(
            value=lambda d: d["population_80_plus"])
        parts["value_text"] = [sv_format.count(v) for v in parts["value"]]
        if len(parts):
            ui.show_chart(charts.bars(parts, "district", "Område", "antal",
                                      "Invånare 80 år och äldre"))
        ordered = pd.concat([parts.sort_values("district"),
                             cells[cells["district_code"] == kpis.ALL_ORGS]])
        ui.table(
            ordered,
            [
                export.Column("district", "Område"),
                export.Column("population_80_plus", "Invånare 80 år och äldre", "count"),
                export.Column("performed_hours", "Utförda timmar", "hours"),
                export.Column("estimated_planned_hours", "Planerade timmar (beräknade)",
                              "hours"),
                export.Column("performed_hours_per_inhabitant_80_plus",
                              "Utförda timmar per invånare 80 år och äldre", "number2"),
            ],
            title=f"Efterfrågan och kapacitet per område, {sv_format.period(as_of)}",
            key="verksamhet_omraden",
            caption="Besöken har inget område i källan: timmarna finns bara för hela "
            "kommunen (`..` per område). Invånare räknas 31 december året.",
        )

st.header("Hemtjänst: prognos för behovet av timmar")
projections = marts["projections"]
latest = (None if projections is None
          else projections[projections["is_latest_origin"].astype(bool)].copy())
if latest is None:
    st.info("Prognosen visas när verksamhetsmarten med prognoser finns i lagret.",
            icon=":material/info:")
elif latest.empty:
    ui.no_data("prognosen för hemtjänsttimmar")
else:
    origin = int(latest["origin_year"].max())
    latest["period"] = latest["target_year"].astype(str)
    latest["value"] = latest["projected_hours_needed"]
    latest["district"] = latest["district_code"].map(district_label)
    data = charts.prepare(latest, "timmar", series="district")
    ui.chart(
        charts.trend(data, "timmar", "Behov av timmar", monthly=False, series_title="Område"),
        data.assign(is_town=data["district_code"] == kpis.ALL_ORGS)
        .sort_values(["is_town", "district", "target_year"]),
        [
            export.Column("district", "Område"),
            export.Column("period_label", "År"),
            export.Column("projected_population_80_plus", "Invånare 80 år och äldre (prognos)",
                          "count"),
            export.Column("hours_per_inhabitant_80_plus",
                          f"Timmar per invånare 80 år och äldre {origin}", "number2"),
            export.Column("value", "Behov av timmar (prognos)", "hours"),
        ],
        title=f"Prognos för hemtjänsttimmar efter {origin}",
        key="verksamhet_prognos",
    )
    st.caption(
        f"Utgångsår {origin}: antalet invånare 80 år och äldre skrivs fram med en rät linje "
        f"genom åren fram till {origin}, gånger {origin} års utförda timmar per invånare 80 "
        "år och äldre. Prognosen påverkas inte av urvalet."
    )
