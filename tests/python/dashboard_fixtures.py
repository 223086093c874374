"""A tiny warehouse with the two marts the dashboard reads, and the facts tests expect.

Not a test module: test_dashboard_*.py import it. The rows are consistent with each other
(per file, landed = accepted + quarantined + superseded, and rows_quarantined equals the
number of quarantined_rows for that file) so that either table can be checked against the
other.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb

# source_file, source_system, entity, delivery_stamp, landed, accepted, quarantined, superseded
DELIVERIES: list[tuple[str, str, str, str, int, int, int, int]] = [
    ("master/organisation_2024-06-01.csv", "master", "organisation", "2024-06-01", 12, 12, 0, 0),
    ("hr/franvaro_2024-06-03.csv", "hr", "franvaro", "2024-06-03", 1250, 1180, 3, 67),
    ("hr/franvaro_2024-06-10.csv", "hr", "franvaro", "2024-06-10", 1300, 1298, 2, 0),
    ("ekonomi/bokforing_2024-06-05.csv", "ekonomi", "bokforing", "2024-06-05", 400, 396, 4, 0),
    ("bygglov/arenden_2024-06-02.csv", "bygglov", "arenden", "2024-06-02", 50, 50, 0, 0),
]

# source_file, line_number, reason, reason_detail
QUARANTINED: list[tuple[str, int, str, str | None]] = [
    ("hr/franvaro_2024-06-03.csv", 7, "invalid_personnummer", "personnummer"),
    ("hr/franvaro_2024-06-03.csv", 19, "invalid_personnummer", "personnummer"),
    ("hr/franvaro_2024-06-03.csv", 44, "invalid_date", "from_date"),
    ("hr/franvaro_2024-06-10.csv", 3, "wrong_field_count", None),
    ("hr/franvaro_2024-06-10.csv", 812, "duplicate_key_in_delivery", "employment_id"),
    ("ekonomi/bokforing_2024-06-05.csv", 2, "invalid_number", "amount_sek"),
    ("ekonomi/bokforing_2024-06-05.csv", 5, "invalid_number", "amount_sek"),
    ("ekonomi/bokforing_2024-06-05.csv", 9, "invalid_number", "amount_sek"),
    # A code the dashboard has no label for: it must still be shown, as the bare code.
    ("ekonomi/bokforing_2024-06-05.csv", 11, "not_yet_labelled", "konto"),
]

_BY_FILE = {d[0]: d for d in DELIVERIES}


def totals() -> dict[str, int]:
    """Sums the overview page must show."""
    return {
        "files_delivered": len(DELIVERIES),
        "rows_landed": sum(d[4] for d in DELIVERIES),
        "rows_accepted": sum(d[5] for d in DELIVERIES),
        "rows_quarantined": sum(d[6] for d in DELIVERIES),
        "rows_superseded": sum(d[7] for d in DELIVERIES),
    }


def quarantine_counts() -> Counter[tuple[str, str]]:
    """Quarantined rows by (source_system, reason)."""
    return Counter((_BY_FILE[f][1], reason) for f, _, reason, _ in QUARANTINED)


def build_warehouse(path: Path) -> Path:
    """Write the fixture warehouse to `path` (which must not exist) and return it."""
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute(
            """
            create table marts.fct_landing_deliveries (
                source_file varchar primary key,
                source_system varchar not null,
                entity varchar not null,
                delivery_stamp varchar not null,
                rows_landed bigint not null,
                rows_accepted bigint not null,
                rows_quarantined bigint not null,
                rows_superseded bigint not null
            )
            """
        )
        con.executemany(
            "insert into marts.fct_landing_deliveries values (?, ?, ?, ?, ?, ?, ?, ?)",
            DELIVERIES,
        )
        con.execute(
            """
            create table marts.quarantined_rows (
                quarantined_row_key varchar primary key,
                source_system varchar not null,
                entity varchar not null,
                source_file varchar not null,
                line_number integer not null,
                reason varchar not null,
                reason_detail varchar,
                delivery_stamp varchar not null
            )
            """
        )
        con.executemany(
            "insert into marts.quarantined_rows values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    f"{f}:{line}:{reason}",
                    _BY_FILE[f][1],
                    _BY_FILE[f][2],
                    f,
                    line,
                    reason,
                    detail,
                    _BY_FILE[f][3],
                )
                for f, line, reason, detail in QUARANTINED
            ],
        )
    return path


def build_warehouse_without_quarantine(path: Path) -> Path:
    """A warehouse built by an older project version: the quarantine mart is missing."""
    build_warehouse(path)
    with duckdb.connect(str(path)) as con:
        con.execute("drop table marts.quarantined_rows")
    return path
