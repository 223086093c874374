"""The dashboard's query layer and pages, run headless with AppTest against a fixture."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import dashboard_fixtures as fx

REPO_ROOT = Path(__file__).resolve().parents[2]
DASHBOARDS = REPO_ROOT / "dashboards"
APP = str(DASHBOARDS / "app.py")
TIMEOUT = 30  # seconds; the first run imports pandas, altair and duckdb

# The pages import their siblings the way `streamlit run` allows (script dir on sys.path).
if str(DASHBOARDS) not in sys.path:
    sys.path.insert(0, str(DASHBOARDS))

import queries  # noqa: E402
import ui  # noqa: E402


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = fx.build_warehouse(tmp_path / "kommun.duckdb")
    monkeypatch.setenv("DUCKDB_PATH", str(path))
    yield path


@pytest.fixture
def no_warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "inte_byggt" / "kommun.duckdb"
    monkeypatch.setenv("DUCKDB_PATH", str(path))
    return path


def run_page(page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    if page:
        at.switch_page(page).run()
    assert not at.exception, [e.message for e in at.exception]
    return at


# --- query layer ------------------------------------------------------------------------


def test_warehouse_path_default_is_relative_to_repo_root(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DUCKDB_PATH", raising=False)
    monkeypatch.chdir(tmp_path)
    assert queries.warehouse_path() == REPO_ROOT / "warehouse" / "kommun.duckdb"
    monkeypatch.setenv("DUCKDB_PATH", "warehouse/other.duckdb")
    assert queries.warehouse_path() == REPO_ROOT / "warehouse" / "other.duckdb"


def test_delivery_totals_equal_fixture_sums(warehouse: Path) -> None:
    row = queries.delivery_totals().iloc[0]
    assert {k: int(row[k]) for k in fx.totals()} == fx.totals()


def test_deliveries_filter_by_system(warehouse: Path) -> None:
    assert len(queries.deliveries()) == len(fx.DELIVERIES)
    hr = queries.deliveries("hr")
    assert set(hr["source_system"]) == {"hr"}
    # Newest delivery first within an entity.
    assert list(hr["source_file"]) == ["hr/franvaro_2024-06-10.csv", "hr/franvaro_2024-06-03.csv"]


def test_quarantine_counts_match_fixture(warehouse: Path) -> None:
    df = queries.quarantine_counts()
    got = {(r.source_system, r.reason): r.rows_quarantined for r in df.itertuples()}
    assert got == dict(fx.quarantine_counts())
    labels = dict(zip(df["reason"], df["reason_label"], strict=True))
    assert labels["invalid_personnummer"] == "Ogiltigt personnummer (invalid_personnummer)"
    assert labels["not_yet_labelled"] == "not_yet_labelled"


def test_quarantined_rows_filters(warehouse: Path) -> None:
    assert len(queries.quarantined_rows()) == len(fx.QUARANTINED)
    assert len(queries.quarantined_rows(source_system="ekonomi")) == 4
    assert len(queries.quarantined_rows(reason="invalid_personnummer")) == 2
    hits = queries.quarantined_rows(file_contains="FRANVARO_2024-06-10")
    assert list(hits["line_number"]) == [3, 812]
    assert queries.quarantined_rows(source_system="hr", reason="invalid_number").empty


def test_missing_warehouse_raises_swedish_message(no_warehouse: Path) -> None:
    with pytest.raises(queries.WarehouseUnavailable, match="Lagret är inte byggt ännu"):
        queries.delivery_totals()
    assert not no_warehouse.parent.exists(), "a read must not create the warehouse folder"


def test_missing_table_raises_swedish_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = fx.build_warehouse_without_quarantine(tmp_path / "old.duckdb")
    monkeypatch.setenv("DUCKDB_PATH", str(path))
    with pytest.raises(queries.WarehouseUnavailable, match="saknar en tabell"):
        queries.quarantine_counts()


def test_connection_is_not_held(warehouse: Path) -> None:
    # The build swaps the file underneath; a writer must be able to open it between reads.
    import duckdb

    queries.delivery_totals()
    with duckdb.connect(str(warehouse)) as con:
        con.execute("update marts.fct_landing_deliveries set rows_superseded = 0")
    assert int(queries.delivery_totals().iloc[0]["rows_superseded"]) == 0


# --- pages ------------------------------------------------------------------------------


def test_overview_shows_fixture_totals(warehouse: Path) -> None:
    at = run_page()
    assert at.title[0].value == "Synthköping – nyckeltal"
    shown = {m.label: m.value for m in at.metric}
    t = fx.totals()
    assert shown == {
        "Levererade rader": ui.format_count(t["rows_landed"]),
        "Godkända": ui.format_count(t["rows_accepted"]),
        "I karantän": ui.format_count(t["rows_quarantined"]),
        "Ersatta av senare leverans": ui.format_count(t["rows_superseded"]),
    }
    assert shown["Levererade rader"] == "3\u00a0012"


def test_data_quality_page(warehouse: Path) -> None:
    at = run_page("views/data_quality.py")
    assert at.title[0].value == "Datakvalitet"
    assert len(at.get("vega_lite_chart")) == 1

    # One delivery table per source system that delivered, with all its files.
    subheaders = [s.value for s in at.subheader]
    systems = sorted({d[1] for d in fx.DELIVERIES})
    assert sorted(s.split(" (`")[1].rstrip("`)") for s in subheaders) == systems
    delivery_tables = [df.value for df in at.dataframe if "Källfil" in df.value.columns][
        : len(systems)
    ]
    files = sorted(f for t in delivery_tables for f in t["Källfil"])
    assert files == sorted(d[0] for d in fx.DELIVERIES)
    hr = next(t for t in delivery_tables if "hr/franvaro_2024-06-03.csv" in set(t["Källfil"]))
    row = hr.set_index("Källfil").loc["hr/franvaro_2024-06-03.csv"]
    assert (row["Godkända"], row["I karantän"], row["Ersatta av senare leverans"]) == (1180, 3, 67)

    # Counts by system and reason, labelled in Swedish with the code kept.
    counts = next(
        df.value
        for df in at.dataframe
        if "Orsak" in df.value.columns and "Rader i karantän" in df.value.columns
    )
    assert int(counts["Rader i karantän"].sum()) == fx.totals()["rows_quarantined"]
    assert "Ogiltigt personnummer (invalid_personnummer)" in set(counts["Orsak"])

    # The quarantined-row list starts unfiltered.
    rows = at.dataframe[-1].value
    assert list(rows.columns) == ["Källfil", "Rad", "Orsak", "Detalj", "Leverans"]
    assert len(rows) == len(fx.QUARANTINED)


def test_data_quality_filters(warehouse: Path) -> None:
    at = run_page("views/data_quality.py")
    by_label = {s.label: s for s in at.selectbox}
    by_label["Källsystem"].set_value("hr").run()
    rows = at.dataframe[-1].value
    assert len(rows) == 5 and set(rows["Källfil"]) == {
        "hr/franvaro_2024-06-03.csv",
        "hr/franvaro_2024-06-10.csv",
    }
    by_label = {s.label: s for s in at.selectbox}
    by_label["Orsak"].set_value("invalid_personnummer").run()
    assert list(at.dataframe[-1].value["Rad"]) == [7, 19]
    at.text_input[0].input("2024-06-10").run()
    assert at.dataframe[-1].value.empty
    assert not at.exception


@pytest.mark.parametrize("page", [None, "views/data_quality.py"])
def test_missing_warehouse_shows_swedish_message(no_warehouse: Path, page: str | None) -> None:
    at = run_page(page)
    assert any("Lagret är inte byggt ännu" in i.value for i in at.info)
    assert not at.metric and not at.get("vega_lite_chart")


def test_missing_table_shows_swedish_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = fx.build_warehouse_without_quarantine(tmp_path / "old.duckdb")
    monkeypatch.setenv("DUCKDB_PATH", str(path))
    at = run_page("views/data_quality.py")
    assert any("saknar en tabell" in i.value for i in at.info)
