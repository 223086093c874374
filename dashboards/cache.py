"""Streamlit caching around the query layer, kept out of queries.py so it stays UI-free.

Each wrapper takes the warehouse path and its modification time as arguments: they are part
of the cache key, so a rebuilt warehouse (a new file moved onto the path) or another
DUCKDB_PATH is read at once instead of after the TTL.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

import queries

TTL_SECONDS = 60


def warehouse_key() -> tuple[str, int]:
    """(path, version) of the served warehouse, to pass to the cached functions."""
    path = queries.warehouse_path()
    return str(path), queries.warehouse_version(path)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def delivery_totals(db_path: str, file_version: int) -> pd.DataFrame:
    return queries.delivery_totals(Path(db_path))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def deliveries(db_path: str, file_version: int) -> pd.DataFrame:
    return queries.deliveries(db_path=Path(db_path))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def quarantine_counts(db_path: str, file_version: int) -> pd.DataFrame:
    return queries.quarantine_counts(Path(db_path))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def quarantined_rows(
    db_path: str,
    file_version: int,
    source_system: str | None,
    reason: str | None,
    file_contains: str | None,
) -> pd.DataFrame:
    return queries.quarantined_rows(source_system, reason, file_contains, Path(db_path))
