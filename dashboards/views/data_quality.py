"""Datakvalitet: what each source system delivered and which rows were quarantined, and why."""

import re
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

import build_history
import cache
import charts
import export
import queries
import sv_format
import ui

ALL = "Alla"

DELIVERY_TABLE = [
    export.Column("source_file", "Källfil"),
    export.Column("entity", "Entitet"),
    export.Column("delivery_stamp", "Leverans"),
    export.Column("rows_landed", "Levererade rader", "count"),
    export.Column("rows_accepted", "Godkända", "count"),
    export.Column("rows_quarantined", "I karantän", "count"),
    export.Column("rows_superseded", "Ersatta av senare leverans", "count"),
]


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
        ui.table(
            files,
            DELIVERY_TABLE,
            title=f"Levererade filer, {queries.source_system_label(str(system))}",
            key=f"leveranser_{system}",
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
            color=alt.Color(
                "system_label:N", title="Källsystem", scale=alt.Scale(range=charts.PALETTE)
            ),
            tooltip=[
                alt.Tooltip("system_label:N", title="Källsystem"),
                alt.Tooltip("reason_label:N", title="Orsak"),
                alt.Tooltip("rows_quarantined:Q", title="Rader", format=",d"),
            ],
        )
        .configure(locale=charts.vega_locale())
    )


def show_quarantine_counts(counts: pd.DataFrame) -> None:
    st.header("Karantän per källsystem och orsak")
    if counts.empty:
        st.success("Inga rader ligger i karantän.")
        return
    data = counts.assign(system_label=counts["source_system"].map(queries.source_system_label))
    ui.chart(
        quarantine_chart(counts),
        data,
        [
            export.Column("system_label", "Källsystem"),
            export.Column("reason_label", "Orsak"),
            export.Column("rows_quarantined", "Rader i karantän", "count"),
        ],
        title="Karantän per källsystem och orsak",
        key="karantan_orsak",
    )


STATUS_LABELS = {"success": "Lyckades", "failed": "Misslyckades"}


def show_last_build(history: pd.DataFrame) -> None:
    st.header("Senaste bygget")
    if history.empty:
        st.info("Ingen byggning är registrerad ännu (historiken skrivs av `make build`).")
        return
    last = history.iloc[-1]
    started = last["started_at"].tz_convert(ui.TIMEZONE).to_pydatetime()
    cols = st.columns(5)
    cols[0].metric("Startade", sv_format.datetime_(started))
    cols[1].metric("Tid", sv_format.duration(last["duration_s"]))
    cols[2].metric("Status", STATUS_LABELS.get(last["status"], str(last["status"])))
    cols[3].metric("Tester godkända", sv_format.count(last["passed"]))
    cols[4].metric(
        "Varningar / fel",
        f"{sv_format.count(last['warned'])} / {sv_format.count(last['failed'])}",
    )
    if last["status"] != "success":
        st.warning(
            "Det senaste bygget misslyckades; sidorna visar det senaste lyckade bygget.",
            icon=":material/warning:",
        )


def show_history(history: pd.DataFrame) -> None:
    st.header("Bygghistorik")
    if history.empty:
        return
    data = history.copy()
    data["started_local"] = data["started_at"].dt.tz_convert(ui.TIMEZONE).dt.tz_localize(None)
    data["started_text"] = [sv_format.datetime_(t) for t in data["started_local"]]
    data["status_text"] = data["status"].map(lambda s: STATUS_LABELS.get(s, str(s)))
    data["duration_text"] = [sv_format.duration(v) for v in data["duration_s"]]
    data["duration_min"] = data["duration_s"] / 60
    chart = (
        alt.Chart(data)
        .mark_line(point=alt.OverlayMarkDef(filled=True, size=60), color=charts.PALETTE[0])
        .encode(
            x=alt.X("started_local:T", title="Bygget startade"),
            y=alt.Y("duration_min:Q", title="Byggtid (minuter)", axis=alt.Axis(format=",.1f")),
            shape=alt.Shape("status_text:N", title="Status"),
            tooltip=[
                alt.Tooltip("started_text:N", title="Startade"),
                alt.Tooltip("duration_text:N", title="Tid"),
                alt.Tooltip("status_text:N", title="Status"),
                alt.Tooltip("passed:Q", title="Tester godkända", format=",d"),
                alt.Tooltip("failed:Q", title="Tester underkända", format=",d"),
            ],
        )
        .properties(height=260)
        .configure(locale=charts.vega_locale())
    )
    newest_first = data.iloc[::-1]
    ui.chart(
        chart,
        newest_first,
        [
            export.Column("started_text", "Startade"),
            export.Column("duration_s", "Tid (sekunder)", "number1"),
            export.Column("status_text", "Status"),
            export.Column("passed", "Tester godkända", "count"),
            export.Column("warned", "Varningar", "count"),
            export.Column("failed", "Underkända", "count"),
            export.Column("rows_landed", "Levererade rader", "count"),
            export.Column("rows_accepted", "Godkända rader", "count"),
            export.Column("rows_quarantined", "I karantän", "count"),
            export.Column("rows_superseded", "Ersatta", "count"),
        ],
        title="Bygghistorik",
        key="bygghistorik",
    )
    with st.expander("Rader per källsystem i varje bygge"):
        per_system = pd.DataFrame(
            [
                {"started_text": t, "system": queries.source_system_label(sys_code), **counts}
                for t, systems in zip(newest_first["started_text"], newest_first["systems"],
                                      strict=True)
                for sys_code, counts in systems.items()
            ],
            columns=["started_text", "system", *build_history.COUNT_COLUMNS],
        )
        ui.table(
            per_system,
            [
                export.Column("started_text", "Bygget startade"),
                export.Column("system", "Källsystem"),
                export.Column("rows_landed", "Levererade", "count"),
                export.Column("rows_accepted", "Godkända", "count"),
                export.Column("rows_quarantined", "I karantän", "count"),
                export.Column("rows_superseded", "Ersatta", "count"),
            ],
            title="Rader per källsystem och bygge",
            key="bygghistorik_system",
        )


STAMP_FORMATS = [  # most precise first: a stamp may hold several, e.g. `202512_20260106`
    (r"\d{4}-\d{2}-\d{2}", "%Y-%m-%d"),
    (r"\d{8}", "%Y%m%d"),
    (r"\d{4}-\d{2}", "%Y-%m"),
    (r"\d{6}", "%Y%m"),
    (r"\d{4}", "%Y"),
]


def stamp_date(stamp: str) -> pd.Timestamp:
    """The delivery's date from its stamp (the last, most precise date in it), else NaT."""
    for pattern, fmt in STAMP_FORMATS:
        found = re.findall(pattern, str(stamp))
        if found:
            return pd.to_datetime(found[-1], format=fmt, errors="coerce")
    return pd.NaT


def show_freshness(fresh: pd.DataFrame) -> None:
    st.header("Källornas aktualitet")
    if fresh.empty:
        return
    data = fresh.copy()
    data["system"] = data["source_system"].map(queries.source_system_label)
    latest = [stamp_date(s) for s in data["latest_delivery_stamp"]]
    today = pd.Timestamp.today().normalize()
    data["age_days"] = [None if pd.isna(d) else (today - d).days for d in latest]
    ui.table(
        data,
        [
            export.Column("system", "Källsystem"),
            export.Column("entity", "Entitet"),
            export.Column("latest_delivery_stamp", "Senaste leverans (stämpel i filnamnet)"),
            export.Column("age_days", "Dagar sedan stämpeln", "count"),
            export.Column("files_delivered", "Filer", "count"),
            export.Column("rows_accepted", "Godkända rader", "count"),
        ],
        title="Källornas aktualitet",
        key="aktualitet",
    )


def show_totals(totals: pd.Series) -> None:
    st.header("Inlästa rader")
    st.caption(f"Summerat över {ui.format_count(totals['files_delivered'])} levererade filer.")
    cols = st.columns(4)
    cols[0].metric("Levererade rader", ui.format_count(totals["rows_landed"]),
                   help="Alla datarader i de levererade filerna.")
    cols[1].metric("Godkända", ui.format_count(totals["rows_accepted"]),
                   help="Rader som klarade kontrollerna vid inläsningen.")
    cols[2].metric("I karantän", ui.format_count(totals["rows_quarantined"]),
                   help="Rader som inte gick att tolka; orsakerna står nedan.")
    cols[3].metric("Ersatta av senare leverans", ui.format_count(totals["rows_superseded"]),
                   help="Rader som en senare leverans av samma uppgifter har ersatt.")


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
    rows = ui.load(
        cache.quarantined_rows,
        None if system == ALL else system,
        None if reason == ALL else reason,
        file_contains.strip() or None,
    )
    st.caption(f"{ui.format_count(len(rows))} rader. Rad 1 i en fil är rubrikraden.")
    # Rows rejected as a whole (e.g. wrong field count) have no column to point at.
    rows = rows.assign(reason_detail=rows["reason_detail"].fillna(""))
    ui.table(
        rows,
        [
            export.Column("source_file", "Källfil"),
            export.Column("line_number", "Rad", "count"),
            export.Column("reason_label", "Orsak"),
            export.Column("reason_detail", "Detalj"),
            export.Column("delivery_stamp", "Leverans"),
        ],
        title="Rader i karantän",
        key="karantan_rader",
    )


st.title("Datakvalitet")
st.markdown(
    "Varje levererad fil läses rad för rad. En rad som inte går att tolka hamnar **i karantän** "
    "med en orsak, och rader kan **ersättas** av en senare leverans av samma uppgifter. "
    "Orsakens kod står inom parentes."
)

db_key = st.session_state["warehouse_key"]
history = build_history.read(build_history.history_path(Path(db_key[0])))
show_last_build(history)
show_history(history)

totals = ui.load(cache.delivery_totals).iloc[0]
delivered = ui.load(cache.deliveries)
counts = ui.load(cache.quarantine_counts)
show_totals(totals)
show_freshness(ui.load(cache.source_freshness))
show_quarantine_counts(counts)
show_deliveries(delivered)
show_quarantined_rows(counts, db_key)
