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


# The bundles are cache_resource: one shared copy per build, not unpickled on every hit as
# cache_data would. Pages must not modify the frames they get (they copy before changing).
# Two entries: the build being shown and the one just moved in.


@st.cache_resource(ttl=TTL_SECONDS, max_entries=2, show_spinner=False)
def _kpi_bundle(db_path: str, file_version: int) -> dict[str, pd.DataFrame]:
    bundle = queries.kpi_bundle(Path(db_path), version=file_version)
    # Disclosure control here, once per build: no page ever sees the raw HR cells. The raw
    # export stays in the bundle for the restated view's totals only (_hr_restated).
    bundle["_raw_kpi_values"] = bundle["kpi_values"]
    bundle["kpi_values"] = kpis.disclose(bundle["kpi_values"])
    return bundle


@st.cache_resource(ttl=TTL_SECONDS, max_entries=2, show_spinner=False)
def _data_quality_bundle(db_path: str, file_version: int) -> dict[str, pd.DataFrame]:
    return queries.data_quality_bundle(Path(db_path), version=file_version)


def kpi_values(db_path: str, file_version: int) -> pd.DataFrame:
    """The KPI export with disclosure control applied."""
    return _kpi_bundle(db_path, file_version)["kpi_values"]


def kpi_catalogue(db_path: str, file_version: int) -> pd.DataFrame:
    return _kpi_bundle(db_path, file_version)["kpi_catalogue"]


def forvaltningar(db_path: str, file_version: int) -> pd.DataFrame:
    """forvaltning_code, forvaltning_name (the export's codes on a warehouse without the
    conformed dimension)."""
    return _kpi_bundle(db_path, file_version)["forvaltningar"]


def org_units(db_path: str, file_version: int) -> pd.DataFrame:
    return _kpi_bundle(db_path, file_version)["units"]


def delivery_totals(db_path: str, file_version: int) -> pd.DataFrame:
    return _data_quality_bundle(db_path, file_version)["totals"]


def deliveries(db_path: str, file_version: int) -> pd.DataFrame:
    return _data_quality_bundle(db_path, file_version)["deliveries"]


def quarantine_counts(db_path: str, file_version: int) -> pd.DataFrame:
    return _data_quality_bundle(db_path, file_version)["quarantine_counts"]


def source_freshness(db_path: str, file_version: int) -> pd.DataFrame:
    return _data_quality_bundle(db_path, file_version)["freshness"]


@st.cache_data(ttl=TTL_SECONDS, max_entries=64, show_spinner=False)
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


@st.cache_data(ttl=TTL_SECONDS, max_entries=64, show_spinner=False)
def hr_units(
    db_path: str, file_version: int, year_month: str, forvaltning_code: str, restated: bool
) -> pd.DataFrame | None:
    """Units of a förvaltning for one month, after disclosure control (kpis.unit_breakdown)."""
    sums = queries.hr_unit_months(
        year_month, forvaltning_code, restated, Path(db_path), version=file_version
    )
    return None if sums is None else kpis.unit_breakdown(sums)


@st.cache_resource(ttl=TTL_SECONDS, max_entries=2, show_spinner=False)
def finance_marts(db_path: str, file_version: int) -> dict[str, pd.DataFrame | None]:
    """Budget follow-up sums and activity names (None for a mart not in the warehouse)."""
    return queries.finance_bundle(Path(db_path), version=file_version)


@st.cache_resource(ttl=TTL_SECONDS, max_entries=2, show_spinner=False)
def services_marts(db_path: str, file_version: int) -> dict[str, pd.DataFrame | None]:
    """Home-care demand, capacity and projections (None for a mart not in the warehouse)."""
    return queries.services_bundle(Path(db_path), version=file_version)


@st.cache_resource(ttl=TTL_SECONDS, max_entries=2, show_spinner=False)
def _hr_restated(db_path: str, file_version: int) -> pd.DataFrame | None:
    sums = queries.hr_restated_sums(Path(db_path), version=file_version)
    if sums is None:
        return None
    raw = _kpi_bundle(db_path, file_version)["_raw_kpi_values"]
    return kpis.restated(sums, raw)


def hr_restated(db_path: str, file_version: int) -> pd.DataFrame | None:
    """The HR KPIs per förvaltning of today's organisation in kpi_values' layout, after
    disclosure control; None without the HR unit mart."""
    return _hr_restated(db_path, file_version)


@st.cache_resource(ttl=TTL_SECONDS, max_entries=2, show_spinner=False)
def _hr_groups(db_path: str, file_version: int) -> pd.DataFrame | None:
    return queries.hr_sick_leave_groups(Path(db_path), version=file_version)


@st.cache_resource(ttl=TTL_SECONDS, max_entries=8, show_spinner=False)
def hr_sick_leave_groups(db_path: str, file_version: int, level: str) -> pd.DataFrame | None:
    """Sick leave per year, org of `level`, sex and age band with the group sizes, after
    disclosure control (kpis.sick_leave_groups); None without the group mart."""
    groups = _hr_groups(db_path, file_version)
    return None if groups is None else kpis.sick_leave_groups(groups, level, years_only=True)


@st.cache_data(ttl=TTL_SECONDS, max_entries=64, show_spinner=False)
def unit_finance(db_path: str, file_version: int, unit_id: str, year: int
                 ) -> pd.DataFrame | None:
    """Net cost and budget per month and activity of one unit's ansvar in one year."""
    return queries.unit_finance_months(unit_id, year, Path(db_path), version=file_version)
