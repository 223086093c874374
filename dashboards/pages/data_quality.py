"""Datakvalitet: what each source system delivered and which rows were quarantined, and why."""

import altair as alt
import pandas as pd
import streamlit as st

import cache
import queries
import ui

ALL = "Alla"

DELIVERY_COLUMNS = {
    "source_file": "Källfil",
    "entity": "Entitet",
    "delivery_stamp": "Leverans",
    "rows_landed": "Levererade rader",
    "rows_accepted": "Godkända",
    "rows_quarantined": "I karantän",
    "rows_superseded": "Ersatta av senare leverans",
}

QUARANTINE_COUNT_COLUMNS = {
    "source_system": "Källsystem",
    "reason_label": "Orsak",
    "rows_quarantined": "Rader i karantän",
}

QUARANTINED_ROW_COLUMNS = {
    "source_file": "Källfil",
    "line_number": "Rad",
    "reason_label": "Orsak",
    "reason_detail": "Detalj",
    "delivery_stamp": "Leverans",
}


def system_heading(code: str) -> str:
    return f"{queries.source_system_label(code)} (`{code}`)"


def show_deliveries(df: pd.DataFrame) -> None:
    st.header("Levererade filer per källsystem")
    if df.empty:
        st.info("Inga filer har levererats ännu.")
        return
    for system, files in df.groupby("source_system", sort=False):
        st.subheader(system_heading(str(system)))
        st.caption(
            f"{ui.format_count(len(files))} {'fil' if len(files) == 1 else 'filer'}, "
            f"{ui.format_count(files['rows_landed'].sum())} levererade rader, "
            f"{ui.format_count(files['rows_quarantined'].sum())} i karantän."
        )
        st.dataframe(
            files[list(DELIVERY_COLUMNS)].rename(columns=DELIVERY_COLUMNS),
            hide_index=True,
            width="stretch",
        )


def quarantine_chart(counts: pd.DataFrame) -> alt.Chart:
    data = counts.assign(system_label=counts["source_system"].map(queries.source_system_label))
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X(
                "sum(rows_quarantined):Q",
                title="Rader i karantän",
                axis=alt.Axis(format="d", tickMinStep=1),  # whole rows, no 0.5 ticks
            ),
            # Long labels: no axis title, it would overlap them; the heading says "orsak".
            y=alt.Y("reason_label:N", title=None, sort="-x", axis=alt.Axis(labelLimit=400)),
            color=alt.Color("system_label:N", title="Källsystem"),
            tooltip=[
                alt.Tooltip("system_label:N", title="Källsystem"),
                alt.Tooltip("reason_label:N", title="Orsak"),
                alt.Tooltip("rows_quarantined:Q", title="Rader"),
            ],
        )
    )


def show_quarantine_counts(counts: pd.DataFrame) -> None:
    st.header("Karantän per källsystem och orsak")
    if counts.empty:
        st.success("Inga rader ligger i karantän.")
        return
    st.altair_chart(quarantine_chart(counts), width="stretch")
    st.dataframe(
        counts[list(QUARANTINE_COUNT_COLUMNS)].rename(columns=QUARANTINE_COUNT_COLUMNS),
        hide_index=True,
        width="stretch",
    )


def show_quarantined_rows(counts: pd.DataFrame, db_key: tuple[str, int]) -> None:
    st.header("Rader i karantän")
    if counts.empty:
        return
    # Offer only systems and reasons that occur, so every choice gives a non-empty list.
    systems = sorted(counts["source_system"].unique())
    reasons = sorted(counts["reason"].unique(), key=queries.reason_label)
    c1, c2, c3 = st.columns(3)
    system = c1.selectbox(
        "Källsystem",
        [ALL, *systems],
        format_func=lambda s: s if s == ALL else system_heading(s).replace("`", ""),
    )
    reason = c2.selectbox(
        "Orsak", [ALL, *reasons], format_func=lambda r: r if r == ALL else queries.reason_label(r)
    )
    file_contains = c3.text_input("Källfilen innehåller", placeholder="t.ex. franvaro")
    try:
        rows = cache.quarantined_rows(
            *db_key,
            None if system == ALL else system,
            None if reason == ALL else reason,
            file_contains.strip() or None,
        )
    except queries.WarehouseUnavailable as err:
        ui.stop_if_unavailable(err)
    st.caption(f"{ui.format_count(len(rows))} rader. Rad 1 i en fil är rubrikraden.")
    # Rows rejected as a whole (e.g. wrong field count) have no column to point at.
    rows = rows.assign(reason_detail=rows["reason_detail"].fillna(""))
    st.dataframe(
        rows[list(QUARANTINED_ROW_COLUMNS)].rename(columns=QUARANTINED_ROW_COLUMNS),
        hide_index=True,
        width="stretch",
    )


st.title("Datakvalitet")
st.markdown(
    "Varje levererad fil läses rad för rad. En rad som inte går att tolka hamnar **i karantän** "
    "med en orsak, och rader kan **ersättas** av en senare leverans av samma uppgifter. "
    "Orsakens kod står inom parentes."
)

db_key = cache.warehouse_key()
try:
    delivered = cache.deliveries(*db_key)
    counts = cache.quarantine_counts(*db_key)
except queries.WarehouseUnavailable as err:
    ui.stop_if_unavailable(err)

show_deliveries(delivered)
show_quarantine_counts(counts)
show_quarantined_rows(counts, db_key)
