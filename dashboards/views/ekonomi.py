"""Ekonomi: outcome against budget month by month with the full-year forecast, the budget
deviations that need attention first, net cost per activity and per inhabitant of the age
group the activity serves (the budget follow-up mart), and net cost per inhabitant (the
KPI export). Figures are sums of mart columns; no key figure is computed here. With a unit
selected, outcome against budget comes from the ledger and budget facts of the unit's ansvar
(the follow-up mart and the export have no unit), and the page says which parts it leaves
at förvaltning level."""

import pandas as pd
import streamlit as st

import cache
import charts
import export
import filters
import kpis
import queries
import sv_format
import ui

st.title("Ekonomi")
selection = filters.current()
kv = ui.load(cache.kpi_values)
org_names = dict(ui.load(cache.forvaltningar).itertuples(index=False, name=None))
org_names[kpis.ALL_ORGS] = "Hela kommunen"
year = str(selection.year)
org = selection.forvaltning
where = org_names.get(org, org)

# --- outcome against budget, month by month (the budget follow-up mart) -----------------
fin = ui.load(cache.finance_marts)
follow = fin["follow_up"]
activity_names = {} if fin["activities"] is None else dict(
    fin["activities"].itertuples(index=False, name=None))
deviation = kv[(kv["kpi_id"] == "FIN_BUDGET_DEVIATION") & (kv["period"] == year)]
unit_selected = selection.unit != kpis.ALL_ORGS


def monthly_outcome_chart(months: pd.DataFrame, title: str, key: str,
                          extra_columns: list[export.Column] | None = None) -> None:
    """Bars of each month's outcome (`value`) with the month's budget as a line, and its
    table: the same chart for a unit and for a förvaltning or the whole municipality."""
    data = charts.prepare(months, "kronor")
    data["budget_text"] = [sv_format.sek(v) for v in data["budget_month_sek"]]
    ui.chart(
        charts.monthly_bars_with_line(data, "Utfall", "budget_month_sek",
                                      "Budget för månaden", "budget_text"),
        data,
        [
            export.Column("period_label", "Månad"),
            export.Column("value", "Utfall", "sek"),
            export.Column("budget_month_sek", "Budget", "sek"),
            export.Column("outcome_ytd_sek", "Utfall hittills i år", "sek"),
            export.Column("budget_ytd_sek", "Budget samma period", "sek"),
            export.Column("deviation_ytd_sek", "Avvikelse hittills (budget − utfall)", "sek"),
            *(extra_columns or []),
        ],
        title=title,
        key=key,
    )


def unit_follow_up() -> None:
    """Outcome against budget month by month and per activity for the selected unit: the
    ledger and budget facts summed over the unit's ansvar (every version of it)."""
    unit_where = f"{selection.unit_name} ({selection.unit})"
    st.subheader(f"Utfall mot budget {year} – {unit_where}")
    sums = ui.load(cache.unit_finance, selection.unit, selection.year)
    if sums is None:
        st.info("Utfall mot budget per enhet visas när ekonomins huvudboks- och budgetfakta "
                "finns i lagret.", icon=":material/info:")
        return
    full_year_budget = sums["budget_month_sek"].sum()
    if selection.month:
        sums = sums[sums["month"] <= selection.month]
    if sums.empty:
        ui.no_data(f"utfall och budget {year} för {unit_where}")
        return
    months = sums.groupby("month", as_index=False)[["outcome_month_sek",
                                                    "budget_month_sek"]].sum()
    months["outcome_ytd_sek"] = months["outcome_month_sek"].cumsum()
    months["budget_ytd_sek"] = months["budget_month_sek"].cumsum()
    months["deviation_ytd_sek"] = months["budget_ytd_sek"] - months["outcome_ytd_sek"]
    months["period"] = [f"{year}-{m:02d}" for m in months["month"]]
    months["value"] = months["outcome_month_sek"]
    last = months.iloc[-1]
    as_of = last["period"]
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(f"Utfall hittills {year}", sv_format.sek(last["outcome_ytd_sek"]),
              help=f"Nettokostnad (konto 3–7) från 1 januari till och med "
              f"{sv_format.period(as_of)}, bokförd på enhetens ansvar.")
    c2.metric("Budget samma period", sv_format.sek(last["budget_ytd_sek"]))
    c3.metric("Avvikelse hittills", sv_format.sek(last["deviation_ytd_sek"]),
              help="Budget minus utfall för samma period; negativt = över budget.")
    c4.metric(f"Budget helår {year}", sv_format.sek(full_year_budget))
    monthly_outcome_chart(months, f"Utfall mot budget per månad {year}, {unit_where}",
                          "ekonomi_enhet_manad")
    st.subheader(f"Utfall per verksamhet – {unit_where}, till och med "
                 f"{sv_format.period(as_of)}")
    by_activity = (sums.groupby("activity_code", as_index=False)
                   [["outcome_month_sek", "budget_month_sek"]].sum()
                   .rename(columns={"outcome_month_sek": "outcome_ytd_sek",
                                    "budget_month_sek": "budget_ytd_sek"}))
    by_activity["deviation_ytd_sek"] = (by_activity["budget_ytd_sek"]
                                        - by_activity["outcome_ytd_sek"])
    by_activity["activity"] = [f"{activity_names.get(c, c)} ({c})"
                               for c in by_activity["activity_code"]]
    ui.table(
        by_activity.sort_values("deviation_ytd_sek", kind="stable"),
        [
            export.Column("activity", "Verksamhet"),
            export.Column("outcome_ytd_sek", "Utfall hittills", "sek"),
            export.Column("budget_ytd_sek", "Budget samma period", "sek"),
            export.Column("deviation_ytd_sek", "Avvikelse hittills", "sek"),
        ],
        title=f"Utfall per verksamhet {year}, {unit_where}, till och med "
        f"{sv_format.period(as_of)}",
        key="ekonomi_enhet_verksamhet",
        caption="Utfall och budget bokförda på enhetens ansvar, alla versioner av enheten "
        "(också när den hörde till en annan förvaltning). Avvikelse = budget − utfall.",
    )


rows = None
if unit_selected:
    st.info(
        "Enhetsfilter gäller inte helårsprognosen, budgetavvikelserna per förvaltning och "
        "nettokostnaden per invånare: de redovisas per förvaltning och för hela kommunen.",
        icon=":material/info:",
    )
    unit_follow_up()
elif follow is None:
    st.subheader(f"Utfall mot budget {year} – {where}")
    st.info("Utfall mot budget per månad visas när ekonomimarten för budgetuppföljning "
            "finns i lagret.", icon=":material/info:")
else:
    st.subheader(f"Utfall mot budget {year} – {where}")
    rows = follow[follow["year"] == selection.year]
    if org != kpis.ALL_ORGS:
        rows = rows[rows["forvaltning_code"] == org]
    if selection.month:
        rows = rows[rows["year_month"] <= selection.period]
    if rows.empty:
        ui.no_data(f"utfall och budget {year}")
        rows = None
if rows is not None:
    # Every figure is a sum of the mart's columns over its activities and account groups.
    months = (rows.groupby("year_month", as_index=False)[queries.FOLLOW_UP_SUMS].sum()
              .rename(columns={"year_month": "period", "outcome_month_sek": "value"}))
    last = months.iloc[-1]
    as_of = last["period"]
    rows = rows[rows["year_month"] == as_of]
    c1, c2, c3 = st.columns(3)
    c1.metric(f"Utfall hittills {year}", sv_format.sek(last["outcome_ytd_sek"]),
              help=f"Nettokostnad (konto 3–7) från 1 januari till och med "
              f"{sv_format.period(as_of)}.")
    c2.metric("Budget samma period", sv_format.sek(last["budget_ytd_sek"]),
              help="Budgeten för dagarna från 1 januari till och med samma månad.")
    c3.metric("Avvikelse hittills", sv_format.sek(last["deviation_ytd_sek"]),
              help="Budget minus utfall för samma period; negativt = över budget.")
    c4, c5, c6 = st.columns(3)
    c4.metric(f"Budget helår {year}", sv_format.sek(last["budget_full_year_sek"]))
    c5.metric(f"Helårsprognos {year}", sv_format.sek(last["forecast_full_year_sek"]),
              help="Ekonomimartens rekommenderade helårsprognos, gjord vid månadens slut.")
    c6.metric("Prognostiserad avvikelse helår", sv_format.sek(last["forecast_deviation_sek"]),
              help="Budget helår minus helårsprognos; negativt = väntat underskott.")
    monthly_outcome_chart(
        months, f"Utfall mot budget per månad {year}, {where}", "ekonomi_manad",
        [export.Column("forecast_full_year_sek", "Helårsprognos", "sek"),
         export.Column("budget_full_year_sek", "Budget helår", "sek")],
    )
    st.caption("Staplar: månadens utfall (nettokostnad); linje: månadens budget. "
               "Helårsprognosen görs vid varje månads slut.")

# --- deviations that need attention first ------------------------------------------------
st.subheader(f"Budgetavvikelser {year} – störst underskott först")
if deviation.empty:
    ui.no_data(f"budgetavvikelser {year}")
else:
    dev = deviation.copy()
    dev["forvaltning"] = dev["org_code"].map(lambda c: org_names.get(c, c))
    parts = dev[dev["org_code"] != kpis.ALL_ORGS].sort_values("value")
    ordered = pd.concat([parts, dev[dev["org_code"] == kpis.ALL_ORGS]])
    ui.table(
        ordered,
        [
            export.Column("forvaltning", "Förvaltning"),
            export.Column("numerator", "Budget", "sek"),
            export.Column("denominator", "Utfall", "sek"),
            export.Column("value", "Avvikelse (budget − utfall)", "sek"),
        ],
        title=f"Budgetavvikelser {year}",
        key="ekonomi_avvikelser",
        caption="Negativ avvikelse = utfallet är högre än budget. Största underskottet först.",
    )

# --- deviations and net cost per activity (the budget follow-up mart) -------------------
if rows is not None:
    period_text = sv_format.period(as_of)
    cells = rows.copy()
    cells["activity"] = [f"{activity_names.get(c, c)} ({c})" for c in cells["activity_code"]]
    st.subheader(f"Avvikelser per förvaltning och verksamhet – till och med {period_text}")
    by_cell = (cells.groupby(["forvaltning_code", "activity"], as_index=False)
               [queries.FOLLOW_UP_SUMS].sum().sort_values("deviation_ytd_sek", kind="stable"))
    by_cell["forvaltning"] = by_cell["forvaltning_code"].map(lambda c: org_names.get(c, c))
    ui.table(
        by_cell,
        [
            export.Column("forvaltning", "Förvaltning"),
            export.Column("activity", "Verksamhet"),
            export.Column("outcome_ytd_sek", "Utfall hittills", "sek"),
            export.Column("budget_ytd_sek", "Budget samma period", "sek"),
            export.Column("deviation_ytd_sek", "Avvikelse hittills", "sek"),
            export.Column("forecast_full_year_sek", "Helårsprognos", "sek"),
            export.Column("forecast_deviation_sek", "Prognostiserad avvikelse helår", "sek"),
        ],
        title=f"Avvikelser per förvaltning och verksamhet {year}, {where}, till och med "
        f"{period_text}",
        key="ekonomi_verksamhet_avvikelser",
        caption="Avvikelse = budget − utfall; störst underskott (mest negativ) först.",
    )

    st.subheader(f"Nettokostnad per verksamhet – {where}, till och med {period_text}")
    by_activity = (cells.groupby("activity", as_index=False)
                   .agg(**{c: (c, "sum") for c in queries.FOLLOW_UP_SUMS},
                        served_age_band=("served_age_band", "max"),
                        served_population=("served_population", "max"))
                   .sort_values("outcome_ytd_sek", ascending=False, kind="stable"))
    by_activity["value"] = by_activity["outcome_ytd_sek"]
    by_activity["value_text"] = [sv_format.sek(v) for v in by_activity["value"]]
    by_activity["band"] = [f"{b} år" if isinstance(b, str) else "" for b in
                           by_activity["served_age_band"]]
    # Σ of the mart's per-served-inhabitant column: additive over the rows of an activity.
    by_activity.loc[by_activity["served_population"].isna(),
                    "outcome_ytd_per_served_inhabitant_sek"] = float("nan")
    ui.show_chart(charts.bars(by_activity, "activity", "Verksamhet", "kronor",
                              "Utfall hittills"))
    ui.table(
        by_activity,
        [
            export.Column("activity", "Verksamhet"),
            export.Column("outcome_ytd_sek", "Utfall hittills", "sek"),
            export.Column("budget_ytd_sek", "Budget samma period", "sek"),
            export.Column("deviation_ytd_sek", "Avvikelse hittills", "sek"),
            export.Column("band", "Åldersgrupp som verksamheten riktar sig till"),
            export.Column("served_population", "Invånare i åldersgruppen 31 december",
                          "count"),
            export.Column("outcome_ytd_per_served_inhabitant_sek",
                          "Utfall hittills per invånare i åldersgruppen", "sek"),
        ],
        title=f"Nettokostnad per verksamhet {year}, {where}, till och med {period_text}",
        key="ekonomi_verksamhet",
        caption="Per invånare: verksamhetens utfall delat med antalet invånare i den "
        "åldersgrupp den riktar sig till (förskola 1–5 år, grundskola 6–15 år, "
        "äldreomsorg 80 år och äldre); tomt för verksamheter utan åldersgrupp.",
    )

# --- per inhabitant ----------------------------------------------------------------------
st.subheader("Nettokostnad per invånare")
per_inhabitant = kpis.series(kv, "FIN_NET_COST_PER_INHABITANT", [kpis.ALL_ORGS], ["T"],
                             monthly=False)
population = kpis.series(kv, "POP_TOTAL", [kpis.ALL_ORGS], ["T"], monthly=False)
if per_inhabitant.empty:
    ui.no_data("nettokostnad per invånare")
else:
    data = charts.prepare(per_inhabitant, "kronor")
    data["series"] = "Nettokostnad per invånare"
    data = data.merge(
        population[["period", "value"]].rename(columns={"value": "population"}),
        on="period", how="left",
    )
    ui.chart(
        charts.trend(data, "kronor", "Kronor per invånare", monthly=False),
        data,
        [
            export.Column("period_label", "År"),
            export.Column("value", "Nettokostnad per invånare", "sek"),
            export.Column("numerator", "Nettokostnad", "sek"),
            export.Column("population", "Folkmängd 31 december", "count"),
        ],
        title="Nettokostnad per invånare",
        key="ekonomi_per_invanare",
    )
    st.caption("Hela kommunen.")
