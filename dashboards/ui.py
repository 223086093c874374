"""Presentation helpers shared by the pages: loading, tables with downloads, charts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, NoReturn
from zoneinfo import ZoneInfo

import altair as alt
import pandas as pd
import streamlit as st

import disclosure
import export
import filters
import queries
import sv_format

TIMEZONE = ZoneInfo("Europe/Stockholm")

def format_count(n: int) -> str:
    """Swedish thousands separator (a non-breaking space), e.g. 12 345."""
    return sv_format.count(n)


def stop_if_unavailable(err: queries.WarehouseUnavailable) -> NoReturn:
    """Show the Swedish explanation instead of a stack trace and end this page's run."""
    st.info(str(err), icon=":material/construction:")
    st.caption(f"Sökväg till lagret: `{queries.warehouse_path()}`")
    st.stop()


def load(fn: Callable[..., Any], *args: Any) -> Any:
    """Call a cached query for the build this run started on.

    When a new build was moved into place meanwhile, the whole page reruns on it, so no
    screen mixes two builds; when the warehouse cannot answer, the page says so in Swedish.
    """
    try:
        return fn(*st.session_state["warehouse_key"], *args)
    except queries.WarehouseChanged:
        st.rerun()
    except queries.WarehouseUnavailable as err:
        stop_if_unavailable(err)


def build_time() -> str:
    """When the warehouse being shown was put in place (its file's modification time)."""
    _, version = st.session_state["warehouse_key"]
    if not version:
        return sv_format.MISSING
    moment = dt.datetime.fromtimestamp(version / 1e9, tz=TIMEZONE)
    return sv_format.datetime_(moment)


def table(
    df: pd.DataFrame,
    columns: Sequence[export.Column],
    *,
    title: str,
    key: str,
    caption: str | None = None,
) -> None:
    """Show a table in sv-SE formats with its footnote, and offer it as CSV and Excel."""
    shown = export.formatted(df, columns)
    st.dataframe(shown, hide_index=True, width="stretch")
    if caption:
        st.caption(caption)
    footnote(df)
    selection = filters.current().describe()
    built = build_time()
    name = key.replace("_", "-")
    c1, c2, _ = st.columns([1, 1, 4])
    # The files are made only when a button is clicked (a callable), not on every rerun.
    c1.download_button(
        "Ladda ned CSV",
        lambda: export.to_csv(df, columns, title=title, filters=selection, built=built),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"csv_{key}",
        icon=":material/download:",
        on_click="ignore",
    )
    c2.download_button(
        "Ladda ned Excel",
        lambda: export.to_xlsx(df, columns, title=title, filters=selection, built=built),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{key}",
        icon=":material/download:",
        on_click="ignore",
    )


def show_chart(chart_obj: alt.Chart | dict) -> None:
    """An Altair chart, or a Vega-Lite spec from the cached builders in charts.py."""
    if isinstance(chart_obj, dict):
        st.vega_lite_chart(chart_obj, width="stretch")
    else:
        st.altair_chart(chart_obj, width="stretch")


def footnote(df: pd.DataFrame) -> None:
    if disclosure.any_suppressed(df):
        st.caption(disclosure.FOOTNOTE)


def chart(
    chart_obj: alt.Chart | dict,
    data: pd.DataFrame,
    columns: Sequence[export.Column],
    *,
    title: str,
    key: str,
) -> None:
    """An Altair chart with its data as a table beside it (for screen readers and exports)."""
    show_chart(chart_obj)
    footnote(data)
    with st.expander(f"Tabell: {title}"):
        table(data, columns, title=title, key=key)


def no_data(what: str) -> None:
    st.info(f"Inga uppgifter om {what} för det här urvalet.", icon=":material/info:")
