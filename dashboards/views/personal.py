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
AGE_BAND_LABELS = {"0-29": "29 år och yngre", "30-49": "30–49 år", "50+": "50 år och äldre"}

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
restated = filters.restated_control()
cat = catalogue.loc[kpi_id]
unit, name = cat["unit"], cat["kpi_name_sv"]
by_forvaltning = "forvaltning" in cat["org_breakdown"]
has_months = "month" in cat["periods"]

# The trend and the breakdown read the export (as it was) or, restated, the HR unit mart's
# sums per förvaltning of today's organisation (through the same disclosure control).
source = kv
if restated and by_forvaltning and kpi_id in kpis.RESTATED_KPIS:
    restated_kv = ui.load(cache.hr_restated)
    if restated_kv is None:
        st.info("Omräkning till dagens organisation visas när HR-marten med enheter finns i "
                "lagret; uppgifterna nedan gäller organisationen som den var.",
                icon=":material/info:")
    else:
        source = restated_kv
if source is kv:
    org_note = "Förvaltning enligt organisationen på varje dag som uppgiften gäller. "
else:
    org_note = (
        "Förvaltning enligt dagens organisation: historiken räknad på enheternas förvaltning "
        "i dag, ur HR-martens summor per enhet (summa täljare delad med summa nämnare). "
        + ("En person med anställning i två enheter i samma förvaltning räknas i båda. "
           if kpi_id in ("HR_HEADCOUNT", "HR_FULLTIME_SHARE_PCT") else "")
    )
st.caption(
    org_note
    + ("" if by_forvaltning else "Nyckeltalet redovisas bara för hela kommunen. ")
    + ("" if has_months else "Nyckeltalet redovisas per år. ")
)

# --- trend -------------------------------------------------------------------------------
org = selection.forvaltning if by_forvaltning else kpis.ALL_ORGS
genders = ["T", "K", "M"] if selection.gender == "T" else [selection.gender]
trend = kpis.series(source, kpi_id, [org], genders, monthly=has_months)
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
    cells = source[(source["kpi_id"] == kpi_id) & (source["period"] == period)
                   & (source["gender"] == selection.gender)].copy()
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

# --- sick leave by sex and age band (the group mart, with each group's size) -------------
if kpi_id in ("HR_SICK_LEAVE_PCT", "HR_LONG_SICK_SHARE_PCT"):
    year = str(selection.year)
    unit_names = dict(zip(*[ui.load(cache.org_units)[c] for c in ("unit_id", "unit_name")],
                          strict=True))
    if selection.unit != kpis.ALL_ORGS:
        level, parent, code = "unit", selection.forvaltning, selection.unit
        where = f"{unit_names.get(code, code)} ({code})"
    elif selection.forvaltning != kpis.ALL_ORGS:
        level = "current_forvaltning" if restated else "forvaltning"
        parent, code = kpis.ALL_ORGS, selection.forvaltning
        where = org_names.get(code, code)
    else:
        level, parent, code = "forvaltning", kpis.ALL_ORGS, kpis.ALL_ORGS
        where = "Hela kommunen"
    st.subheader(f"Sjukfrånvaro per kön och åldersgrupp – {where}, {year}")
    groups = ui.load(cache.hr_sick_leave_groups, level)
    if groups is None:
        st.caption("Sjukfrånvaro per åldersgrupp visas när HR-marten med gruppstorlekar "
                   "finns i lagret.")
        st.stop()
    rows = groups[(groups["period"] == year) & (groups["parent_code"] == parent)
                  & (groups["org_code"] == code)]
    if rows.empty:
        ui.no_data(f"sjukfrånvaro {year}")
    else:
        labels = {**AGE_BAND_LABELS, kpis.ALL_AGES: "Alla åldrar"}
        table = []
        for band, label in labels.items():
            cell = rows[rows["age_band"] == band].set_index("gender")
            line = {"group": label, disclosure.SUPPRESSED: bool(cell[disclosure.SUPPRESSED].any())}
            for g in ("T", "K", "M"):
                line[g] = cell.at[g, "HR_SICK_LEAVE_PCT"] if g in cell.index else float("nan")
            line["employees"] = cell.at["T", "group_size"] if "T" in cell.index else float("nan")
            table.append(line)
        cell = rows[rows["age_band"] == kpis.ALL_AGES].set_index("gender")
        line = {"group": "Andel långtidssjukfrånvaro, alla åldrar",
                disclosure.SUPPRESSED: bool(cell[disclosure.SUPPRESSED].any())}
        for g in ("T", "K", "M"):
            line[g] = cell.at[g, "HR_LONG_SICK_SHARE_PCT"] if g in cell.index else float("nan")
        line["employees"] = cell.at["T", "group_size"] if "T" in cell.index else float("nan")
        table.append(line)
        ui.table(
            pd.DataFrame(table),
            [
                export.Column("group", "Grupp"),
                export.Column("T", "Totalt", "percent"),
                export.Column("K", "Kvinnor", "percent"),
                export.Column("M", "Män", "percent"),
                export.Column("employees", "Antal anställda", "count"),
            ],
            title=f"Sjukfrånvaro per kön och åldersgrupp, {where}, {year}",
            key="personal_alder",
            caption="Sjukfrånvaro i procent av ordinarie arbetstid; långtidssjukfrånvaro "
            "(60 dagar eller mer) i procent av all sjukfrånvaro. Antal anställda: personer "
            "med ordinarie arbetstid i gruppen under året (ålder under året). "
            + ("Förvaltning enligt dagens organisation. " if level == "current_forvaltning"
               else ""),
        )
