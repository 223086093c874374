"""Streamlit caching around the query layer, kept out of queries.py so it stays UI-free.

Each wrapper takes the warehouse path and its modification time as arguments: they are part
of the cache key, so a rebuilt warehouse (a new file moved onto the path) or another
DUCKDB_PATH is read at once instead of after the TTL. The modification time is also passed
to the query as the version it must read (queries.WarehouseChanged otherwise), so a page
never caches or shows a mix of two builds.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

import kpis
import queries

TTL_SECONDS = 600


def warehouse_key() -> tuple[str, int]:
    """(path, version) of the served warehouse, to pass to the cached functions."""
    path = queries.warehouse_path()
    return str(path), queries.warehouse_version(path)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def delivery_totals(db_path: str, file_version: int) -> pd.DataFrame:
    return queries.delivery_totals(Path(db_path), version=file_version)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def deliveries(db_path: str, file_version: int) -> pd.DataFrame:
    return queries.deliveries(db_path=Path(db_path), version=file_version)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def quarantine_counts(db_path: str, file_version: int) -> pd.DataFrame:
    return queries.quarantine_counts(Path(db_path), version=file_version)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def quarantined_rows(
    db_path: str,
    file_version: int,
    source_system: str | None,
    reason: str | None,
    file_contains: str | None,
) -> pd.DataFrame:
    return queries.quarantined_rows(
        source_system, reason, file_contains, Path(db_path), version=file_version
    )


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def source_freshness(db_path: str, file_version: int) -> pd.DataFrame:
    return queries.source_freshness(Path(db_path), version=file_version)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def kpi_catalogue(db_path: str, file_version: int) -> pd.DataFrame:
    return queries.kpi_catalogue(Path(db_path), version=file_version)


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def kpi_values(db_path: str, file_version: int) -> pd.DataFrame:
    """The KPI export with disclosure control applied: pages never see the raw HR cells."""
    return kpis.disclose(queries.kpi_values(Path(db_path), version=file_version))


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def forvaltningar(db_path: str, file_version: int) -> pd.DataFrame:
    """forvaltning_code, forvaltning_name; the codes of the KPI export where the warehouse
    has no dim_forvaltningar yet (an older build)."""
    if queries.relation_exists("marts", "dim_forvaltningar", Path(db_path), version=file_version):
        return queries.forvaltningar(Path(db_path), version=file_version)
    kv = queries.kpi_values(Path(db_path), version=file_version)
    codes = sorted(set(kv["org_code"]) - {kpis.ALL_ORGS})
    return pd.DataFrame({"forvaltning_code": codes, "forvaltning_name": codes})


@st.cache_data(ttl=TTL_SECONDS, show_spinner=False)
def org_units(db_path: str, file_version: int) -> pd.DataFrame:
    if not queries.relation_exists(
        "marts", "dim_organisation_units", Path(db_path), version=file_version
    ):
        columns = ["unit_id", "unit_name", "forvaltning_code", "forvaltning_name"]
        return pd.DataFrame(columns=columns)
    return queries.org_units(Path(db_path), version=file_version)
