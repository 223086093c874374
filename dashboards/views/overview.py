"""Översikt: every KPI of the catalogue as a tile, each linking to its domain page."""

import pandas as pd
import streamlit as st

import cache
import export
import filters
import kpis
import sv_format
import ui

PAGE_FILES = {
    "personal": ("views/personal.py", "Personal"),
    "ekonomi": ("views/ekonomi.py", "Ekonomi"),
    "verksamhet": ("views/verksamhet.py", "Verksamhet"),
}
DIRECTION = {True: "Högre är bättre", False: "Lägre är bättre", None: "Varken högre eller lägre "
             "är bättre"}
DELTA_COLOUR = {True: "normal", False: "inverse", None: "off"}
COLUMNS_PER_ROW = 3

st.title("Synthköping – nyckeltal")
selection = filters.current()
st.caption(
    "Senaste värde till och med "
    f"{sv_format.period(selection.period)}, jämfört med samma period året innan. "
    f"{selection.forvaltning_name}, {kpis.GENDER_LABELS[selection.gender].lower()}; "
    "nyckeltal som inte redovisas per förvaltning eller kön gäller hela kommunen, totalt."
)
if selection.unit != kpis.ALL_ORGS:
    st.info(f"Enhetsfilter gäller inte översikten: nyckeltalen redovisas per förvaltning "
            f"({selection.unit_name} är vald; se Personal och Ekonomi för enheten).",
            icon=":material/info:")

catalogue = ui.load(cache.kpi_catalogue)
kv = ui.load(cache.kpi_values)
tiles = kpis.tiles(
    kv, catalogue, selection.year, selection.month, selection.forvaltning, selection.gender
)


# A figure with no group size in the export (the age bands: no headcount per band) cannot be
# tested against the disclosure limit and stays hidden (kpis.disclose); the Personal page
# shows the age bands from the group mart, with group sizes. Said on the tile, so that `..`
# is not read as no data.
NO_GROUP_SIZE_NOTE = ("Visas inte i översikten: antalet anställda bakom uppgiften (per "
                      "åldersgrupp) finns inte här. Se Personal, där åldersgrupperna visas.")


def hidden_reason(t: kpis.Tile) -> str:
    if t.suppression_reason == kpis.NO_GROUP_SIZE:
        return NO_GROUP_SIZE_NOTE
    return "Uppgiften visas inte: gruppen är för liten."


def tile_caption(t: kpis.Tile) -> str:
    where = "Hela kommunen" if t.org_code == kpis.ALL_ORGS else selection.forvaltning_name
    period = sv_format.period(t.period) if t.period else "ingen period"
    return f"{period} · {where} · {kpis.GENDER_LABELS[t.gender].lower()}"


for start in range(0, len(tiles), COLUMNS_PER_ROW):
    for col, t in zip(st.columns(COLUMNS_PER_ROW), tiles[start : start + COLUMNS_PER_ROW],
                      strict=False):
        with col.container(border=True):
            delta = sv_format.change(t.change, t.unit)
            st.metric(
                t.name,
                sv_format.kpi_value_short(t.value, t.unit),
                delta=delta,
                # No colour for a change that rounds to nothing: it is neither good nor bad.
                delta_color=DELTA_COLOUR[t.higher_is_better]
                if delta and any(ch in delta for ch in "123456789")
                else "off",
                help=f"{DIRECTION[t.higher_is_better]}. Nyckeltal `{t.kpi_id}`."
                + (f" {hidden_reason(t)}" if t.suppressed else ""),
                chart_data=pd.Series(t.sparkline, dtype="float64") if t.sparkline else None,
                chart_type="line",
            )
            st.caption(f"{tile_caption(t)} · {DIRECTION[t.higher_is_better]}")
            if t.suppressed and t.suppression_reason == kpis.NO_GROUP_SIZE:
                st.caption(NO_GROUP_SIZE_NOTE)
            path, label = PAGE_FILES[kpis.domain_page(t.kpi_id)]
            st.page_link(path, label=f"Mer under {label}", icon=":material/arrow_forward:")

shown = pd.DataFrame(
    {
        "name": [t.name for t in tiles],
        "period": [sv_format.period(t.period) if t.period else None for t in tiles],
        "value": [t.value for t in tiles],
        "previous": [t.previous for t in tiles],
        "change": [t.change for t in tiles],
        "unit": [t.unit for t in tiles],
        "direction": [DIRECTION[t.higher_is_better] for t in tiles],
        "suppressed": [t.suppressed for t in tiles],
    }
)
shown["value_text"] = [sv_format.kpi_value(v, u) for v, u in zip(shown["value"], shown["unit"],
                                                                   strict=True)]
shown["previous_text"] = [
    sv_format.kpi_value(v, u) for v, u in zip(shown["previous"], shown["unit"], strict=True)
]
shown["change_text"] = [
    sv_format.change(v, u) or sv_format.MISSING
    for v, u in zip(shown["change"], shown["unit"], strict=True)
]
if any(t.suppressed for t in tiles):
    ui.footnote(shown)
with st.expander("Tabell: alla nyckeltal"):
    ui.table(
        shown,
        [
            export.Column("name", "Nyckeltal"),
            export.Column("period", "Period"),
            export.Column("value_text", "Värde"),
            export.Column("previous_text", "Samma period året innan"),
            export.Column("change_text", "Förändring"),
            export.Column("direction", "Riktning"),
        ],
        title="Nyckeltal – översikt",
        key="oversikt",
    )
