"""Query layer for the dashboard: plain functions over the DuckDB warehouse, no Streamlit.

Every function opens the warehouse read-only for the duration of one query. The build
writes a new file and moves it onto the served path, so a connection held open would keep
reading the old file (and a reader holding it open would make an in-place build fail).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WAREHOUSE = Path("warehouse") / "kommun.duckdb"

MSG_NOT_BUILT = "Lagret är inte byggt ännu – kör `make build`."

# Manager-facing labels; the code is shown next to them so that a label can be traced back
# to the dbt test or staging rule that produced it.
REASON_LABELS: dict[str, str] = {
    "invalid_encoding": "Ogiltig teckenkodning",
    "wrong_field_count": "Fel antal fält",
    "bad_header": "Felaktig rubrikrad",
    "invalid_personnummer": "Ogiltigt personnummer",
    "invalid_number": "Ogiltigt tal",
    "invalid_date": "Ogiltigt datum",
    "invalid_timestamp": "Ogiltig tidpunkt",
    "date_range_reversed": "Slutdatum före startdatum",
    "invalid_enum": "Otillåtet värde",
    "duplicate_key_in_delivery": "Dubblett i leveransen",
    "missing_value": "Värde saknas",
    "invalid_code": "Okänd kod",
    "out_of_range": "Värde utanför tillåtet intervall",
    "unparseable_row": "Raden går inte att tolka (citattecken)",
    "bad_file_name": "Felaktigt filnamn",
    "period_mismatch": "Perioden stämmer inte med filen",
}

SOURCE_SYSTEM_LABELS: dict[str, str] = {
    "master": "Masterdata",
    "hr": "HR",
    "ekonomi": "Ekonomi",
    "bygglov": "Bygglov",
    "forskola": "Förskola",
    "omsorg": "Omsorg",
    "scb": "SCB",
}

COUNT_COLUMNS = ["rows_landed", "rows_accepted", "rows_quarantined", "rows_superseded"]


class WarehouseUnavailable(RuntimeError):
    """The warehouse cannot answer; the message is Swedish and meant to be shown as is."""


def warehouse_path() -> Path:
    """Served warehouse file: $DUCKDB_PATH, else warehouse/kommun.duckdb under the repo root.

    Relative paths are taken from the repo root, not the cwd, so that `streamlit run` and
    pytest find the same file wherever they are started from.
    """
    raw = os.environ.get("DUCKDB_PATH") or str(DEFAULT_WAREHOUSE)
    path = Path(raw).expanduser()
    return path if path.is_absolute() else REPO_ROOT / path


def warehouse_version(path: Path | None = None) -> int:
    """Modification time of the warehouse file (0 if missing); a rebuild changes it."""
    try:
        return (path or warehouse_path()).stat().st_mtime_ns
    except FileNotFoundError:
        return 0


def reason_label(code: str) -> str:
    """Swedish label with the code kept visible; unknown codes fall back to the bare code."""
    label = REASON_LABELS.get(code)
    return f"{label} ({code})" if label else code


def source_system_label(code: str) -> str:
    return SOURCE_SYSTEM_LABELS.get(code, code)


def _query(sql: str, params: list[Any] | None = None, db_path: Path | None = None) -> pd.DataFrame:
    path = db_path or warehouse_path()
    if not path.is_file():
        raise WarehouseUnavailable(MSG_NOT_BUILT)
    try:
        # Replacement scans off: with a table missing, DuckDB would otherwise read a Python
        # variable of the same name (e.g. the function quarantined_rows) instead of failing.
        config = {"python_enable_replacements": False}
        with duckdb.connect(str(path), read_only=True, config=config) as con:
            return con.execute(sql, params or []).df()
    except duckdb.CatalogException as err:
        raise WarehouseUnavailable(
            f"Lagret saknar en tabell som instrumentpanelen behöver – kör `make build`. ({err})"
        ) from err
    except duckdb.IOException as err:
        # Typically a build writing in place holds the lock; the next rerun will succeed.
        raise WarehouseUnavailable(
            f"Lagret går inte att läsa just nu – försök igen om en stund. ({err})"
        ) from err


def delivery_totals(db_path: Path | None = None) -> pd.DataFrame:
    """One row with the row counts summed over all delivered landing files."""
    sums = ",\n".join(f"coalesce(sum({c}), 0)::bigint as {c}" for c in COUNT_COLUMNS)
    return _query(
        f"""
        select
            count(*)::bigint as files_delivered,
            {sums}
        from marts.fct_landing_deliveries
        """,
        db_path=db_path,
    )


def deliveries(source_system: str | None = None, db_path: Path | None = None) -> pd.DataFrame:
    """Delivered landing files with their row counts, newest delivery first per system."""
    return _query(
        """
        select
            source_file,
            source_system,
            entity,
            delivery_stamp,
            rows_landed,
            rows_accepted,
            rows_quarantined,
            rows_superseded
        from marts.fct_landing_deliveries
        where ? is null or source_system = ?
        order by source_system, entity, delivery_stamp desc, source_file
        """,
        [source_system, source_system],
        db_path=db_path,
    )


def quarantine_counts(db_path: Path | None = None) -> pd.DataFrame:
    """Quarantined rows counted by source system and reason, with the Swedish reason label."""
    df = _query(
        """
        select
            source_system,
            reason,
            count(*)::bigint as rows_quarantined
        from marts.quarantined_rows
        group by source_system, reason
        order by rows_quarantined desc, source_system, reason
        """,
        db_path=db_path,
    )
    df.insert(2, "reason_label", df["reason"].map(reason_label))
    return df


def quarantined_rows(
    source_system: str | None = None,
    reason: str | None = None,
    file_contains: str | None = None,
    db_path: Path | None = None,
) -> pd.DataFrame:
    """Quarantined landed rows, optionally filtered; filtering in SQL keeps big lists cheap."""
    df = _query(
        """
        select
            source_system,
            source_file,
            line_number,
            reason,
            reason_detail,
            delivery_stamp
        from marts.quarantined_rows
        where (? is null or source_system = ?)
          and (? is null or reason = ?)
          and (? is null or contains(lower(source_file), lower(?)))
        order by source_file, line_number, reason
        """,
        [source_system, source_system, reason, reason, file_contains or None, file_contains],
        db_path=db_path,
    )
    df.insert(4, "reason_label", df["reason"].map(reason_label))
    return df
