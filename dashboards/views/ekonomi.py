"""Ekonomi: net cost month by month against the year's budget, the budget deviations that
need attention first, and net cost per inhabitant."""

import pandas as pd
import streamlit as st

import cache
import charts
import export
import filters
import kpis
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

# --- outcome against budget, month by month ----------------------------------------------
st.subheader(f"Nettokostnad mot budget {year} – {where}")
months = kpis.series(kv, "FIN_NET_COST", [org], ["T"], monthly=True)
months = months[months["period"].str[:4] == year].copy()
deviation = kv[(kv["kpi_id"] == "FIN_BUDGET_DEVIATION") & (kv["period"] == year)]
if months.empty:
    ui.no_data(f"nettokostnad {year}")
else:
    if selection.month:
        months = months[months["period"] <= selection.period]
    # Net cost is a sum: the year to date is the sum of the months' values, not a new rule.
    months["year_to_date"] = months["value"].cumsum()
    data = charts.prepare(months, "kronor")
    data["ytd_text"] = [sv_format.sek(v) for v in data["year_to_date"]]
    budget_row = deviation[deviation["org_code"] == org]
    budget = budget_row["numerator"].iat[0] if len(budget_row) else float("nan")
    c1, c2, c3 = st.columns(3)
    c1.metric(f"Utfall hittills {year}", sv_format.sek(data["year_to_date"].iat[-1]),
              help="Summan av månadernas nettokostnad till och med den valda månaden.")
    c2.metric(f"Budget helår {year}", sv_format.sek(budget),
              help="Årets budgeterade nettokostnad (konto 3–7).")
    c3.metric(f"Budgetavvikelse helår {year}",
              sv_format.sek(budget_row["value"].iat[0] if len(budget_row) else None),
              help="Budget minus utfall för hela året; positivt = under budget.")
    ui.chart(
        charts.monthly_bars_with_line(data, "Nettokostnad", "year_to_date",
                                      "Utfall hittills i år", "ytd_text"),
        data,
        [
            export.Column("period_label", "Månad"),
            export.Column("value", "Nettokostnad", "sek"),
            export.Column("year_to_date", "Utfall hittills i år", "sek"),
        ],
        title=f"Nettokostnad per månad {year}, {where}",
        key="ekonomi_manad",
    )
    st.caption(
        "Staplar: månadens nettokostnad; linje: utfall hittills i år. Budget per månad och "
        "helårsprognos visas när ekonomimarten med månadsbudget finns i lagret."
    )

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
    st.caption(
        "Hela kommunen. Nettokostnad per verksamhet och per invånare i verksamhetens "
        "åldersgrupp visas när ekonomimarten per verksamhet finns i lagret."
    )
