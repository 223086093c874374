"""Small presentation helpers shared by the pages."""

from __future__ import annotations

import streamlit as st

import queries


def format_count(n: int) -> str:
    """Swedish thousands separator (a non-breaking space), e.g. 12 345."""
    return f"{int(n):,}".replace(",", "\u00a0")


def stop_if_unavailable(err: queries.WarehouseUnavailable) -> None:
    """Show the Swedish explanation instead of a stack trace and end this page's run."""
    st.info(str(err), icon=":material/construction:")
    st.caption(f"Sökväg till lagret: `{queries.warehouse_path()}`")
    st.stop()
