"""The dashboard's query layer and pages, run headless with AppTest against a fixture."""

from __future__ import annotations

import os
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

import build_history  # noqa: E402
import queries  # noqa: E402
import sv_format  # noqa: E402
import ui  # noqa: E402

PAGES = ["views/personal.py", "views/ekonomi.py", "views/verksamhet.py", "views/data_quality.py"]
TOTAL_LABELS = {
    "Levererade rader": "rows_landed",
    "Godkända": "rows_accepted",
    "I karantän": "rows_quarantined",
    "Ersatta av senare leverans": "rows_superseded",
}
NB = "\u00a0"


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = fx.build_full_warehouse(tmp_path / "kommun.duckdb")
    monkeypatch.setenv("DUCKDB_PATH", str(path))
    yield path


@pytest.fixture
def no_warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "inte_byggt" / "kommun.duckdb"
    monkeypatch.setenv("DUCKDB_PATH", str(path))
    return path


def run_page(page: str | None = None, **params: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
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


def test_data_quality_page(warehouse: Path) -> None:
    at = run_page("views/data_quality.py")
    assert at.title[0].value == "Datakvalitet"
    assert len(at.get("vega_lite_chart")) == 1
    shown = {m.label: m.value for m in at.metric}
    t = fx.totals()
    assert {k: shown[k] for k in TOTAL_LABELS} == {
        label: ui.format_count(t[key]) for label, key in TOTAL_LABELS.items()
    }
    assert shown["Levererade rader"] == "3\u00a0012"

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
    assert (row["Godkända"], row["I karantän"], row["Ersatta av senare leverans"]) == (
        "1\u00a0180",
        "3",
        "67",
    )

    # Counts by system and reason, labelled in Swedish with the code kept.
    counts = next(
        df.value
        for df in at.dataframe
        if "Orsak" in df.value.columns and "Rader i karantän" in df.value.columns
    )
    assert sum(int(v) for v in counts["Rader i karantän"]) == fx.totals()["rows_quarantined"]
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
    assert list(at.dataframe[-1].value["Rad"]) == ["7", "19"]
    at.text_input[0].input("2024-06-10").run()
    assert at.dataframe[-1].value.empty
    assert not at.exception


@pytest.mark.parametrize("page", [None, *PAGES])
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


# --- key-figure pages ---------------------------------------------------------------------


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def footnote_shown(at: AppTest) -> bool:
    return any("10 anställda eller färre" in c.value for c in at.caption)


def table_with(at: AppTest, column: str):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def test_overview_tiles_equal_the_export(warehouse: Path) -> None:
    at = run_page(ar="2024", manad="3", forvaltning="BOU", kon="K")
    shown = metrics(at)
    assert len(shown) == 19  # every KPI of the catalogue
    # HR and finance tiles follow the filters; services and population are whole-town.
    assert shown["Antal månadsavlönade anställda"] == "300"
    assert shown["Sjukfrånvaro av ordinarie arbetstid"] == sv_format.percent(
        fx.kpi_value("HR_SICK_LEAVE_PCT", "2024-03", "BOU", "K")
    )
    assert shown["Nettokostnad"] == sv_format.kpi_value_short(
        fx.kpi_value("FIN_NET_COST", "2024-03", "BOU"), "kronor"
    )
    assert shown["Folkmängd 31 december"] == sv_format.count(
        fx.kpi_value("POP_TOTAL", "2024", "ALL", "K")
    )
    assert shown["Förskoleplats erbjuden inom garantitiden"] == sv_format.percent(
        fx.kpi_value("SVC_FORSKOLA_ON_TIME_PCT", "2024")
    )
    # Change against March 2023, in percentage points for a percentage.
    tile = next(m for m in at.metric if m.label == "Förskoleplats erbjuden inom garantitiden")
    assert tile.delta == "+2,5 procentenheter"
    # A tile links to its domain page.
    links = [p.proto.page for p in at.get("page_link")]
    assert links.count("personal") == 9 and links.count("verksamhet") == 5
    assert links.count("ekonomi") == 5  # FIN_* and POP_*


def test_overview_suppresses_small_groups(warehouse: Path) -> None:
    at = run_page(ar="2024", manad="3", forvaltning="SOC", kon="M")
    shown = metrics(at)
    for label in ("Antal månadsavlönade anställda", "Sjukfrånvaro av ordinarie arbetstid",
                  "Årsarbetare (summa sysselsättningsgrad)"):
        assert shown[label] == "..", label
    # Secondary: the women of SOC would give the 9 men away from SOC's total.
    at = run_page(ar="2024", manad="3", forvaltning="SOC", kon="K")
    assert metrics(at)["Antal månadsavlönade anställda"] == ".."
    assert footnote_shown(at)
    at = run_page(ar="2024", manad="3", forvaltning="SOC", kon="T")
    assert metrics(at)["Antal månadsavlönade anställda"] == "159"


def test_overview_says_why_age_band_tiles_are_hidden(warehouse: Path) -> None:
    """The export has no headcount per age band: those tiles are always `..`, and each says
    where they are shown instead, so that `..` is not read as missing data."""
    at = run_page(ar="2024", manad="3")
    age_band_tiles = [m for m in at.metric
                      if m.label.startswith("Sjukfrånvaro") and " år" in m.label]
    reason = [c.value for c in at.caption if c.value.startswith("Visas inte i översikten")]
    assert len(reason) == 3 and all("Personal" in r for r in reason)
    assert len(age_band_tiles) == 3 and all(m.value == ".." for m in age_band_tiles)


def test_filters_live_in_the_url_and_persist_across_pages(warehouse: Path) -> None:
    at = run_page(ar="2023", manad="6", forvaltning="SOC", kon="K")
    by_label = {s.label: s for s in at.selectbox}
    assert (by_label["År"].value, by_label["Månad"].value) == (2023, 6)
    assert by_label["Förvaltning"].value == "SOC"
    assert by_label["Kön"].value == "K"
    by_label["Förvaltning"].set_value("BOU").run()
    assert at.query_params["forvaltning"] == ["BOU"] or at.query_params["forvaltning"] == "BOU"
    at.switch_page("views/ekonomi.py").run()
    assert not at.exception
    by_label = {s.label: s for s in at.selectbox}
    assert by_label["Förvaltning"].value == "BOU" and by_label["År"].value == 2023
    assert any("Barn- och utbildningsförvaltningen" in h.value for h in at.subheader)
    # A link with values the warehouse does not have falls back to the defaults.
    at = run_page(ar="1999", forvaltning="NOPE", kon="X")
    by_label = {s.label: s for s in at.selectbox}
    assert by_label["År"].value == 2024 and by_label["Förvaltning"].value == "ALL"


def test_personal_page_breakdown_equals_export_and_is_suppressed(warehouse: Path) -> None:
    at = run_page("views/personal.py", ar="2024", manad="3", kon="T")
    assert at.title[0].value == "Personal"
    assert len(at.get("vega_lite_chart")) == 2  # trend, breakdown
    table = table_with(at, "Förvaltning").set_index("Förvaltning")
    col = "Antal månadsavlönade anställda"
    assert table.at["Barn- och utbildningsförvaltningen", col] == "380"
    assert table.at["Socialförvaltningen", col] == "159"
    assert table.at["Hela kommunen", col] == sv_format.count(
        fx.kpi_value("HR_HEADCOUNT", "2024-03")
    )
    # UNMAPPED has 5 employees; KSF's total is hidden so UNMAPPED's cannot be recomputed.
    assert table.at["Okänd förvaltning", col] == ".."
    assert table.at["Kommunstyrelseförvaltningen", col] == ".."
    assert footnote_shown(at)

    at.radio[0].set_value("HR_SICK_LEAVE_PCT").run()
    table = table_with(at, "Förvaltning").set_index("Förvaltning")
    col = "Sjukfrånvaro av ordinarie arbetstid"
    assert table.at["Socialförvaltningen", col] == sv_format.percent(
        fx.kpi_value("HR_SICK_LEAVE_PCT", "2024-03", "SOC", "T")
    )
    assert table.at["Socialförvaltningen", "Antal anställda"] == "159"
    # The age bands come from the group mart with each group's size (whole town here).
    bands = table_with(at, "Grupp").set_index("Grupp")
    pct, _ = group_expected(sexes=("K",), bands=("0-29",))
    assert bands.at["29 år och yngre", "Kvinnor"] == sv_format.percent(pct)
    pct, n = group_expected()
    assert bands.at["Alla åldrar", "Totalt"] == sv_format.percent(pct)
    assert bands.at["Alla åldrar", "Antal anställda"] == sv_format.count(n) == "579"


def group_expected(
    keep=lambda cell: True, sexes=("K", "M"), bands=tuple(fx.AGE_SPLIT)
) -> tuple[float, int]:
    """Sick leave % (Σ sick / Σ ordinary hours) and the number of employees of the fixture's
    finest group cells that pass `keep`, for some sexes and age bands."""
    cells = [c for c in fx.group_cells()
             if keep(c) and c["sex"] in sexes and c["age_band"] in bands]
    pct = 100 * sum(c["sick_hours"] for c in cells) / sum(c["ordinary_hours"] for c in cells)
    return pct, sum(c["employee_count"] for c in cells)


def test_personal_age_bands_follow_the_selection_with_suppression(warehouse: Path) -> None:
    col = "Sjukfrånvaro av ordinarie arbetstid"
    # SOC as it was (E200): 9 men, so every men's cell is hidden (primary), and the women's
    # too (secondary: the total minus the women would give the men away).
    at = run_page("views/personal.py", ar="2024", forvaltning="SOC", kon="T")
    at.radio[0].set_value("HR_SICK_LEAVE_PCT").run()
    bands = table_with(at, "Grupp").set_index("Grupp")
    assert set(bands["Män"]) == {".."} and set(bands["Kvinnor"]) == {".."}
    in_soc = lambda c: c["then"] == "SOC"  # noqa: E731
    pct, n = group_expected(in_soc, bands=("30-49",))
    assert bands.at["30–49 år", "Totalt"] == sv_format.percent(pct)
    assert bands.at["30–49 år", "Antal anställda"] == sv_format.count(n) == "72"
    assert bands.at["Alla åldrar", "Antal anställda"] == "159"
    assert footnote_shown(at)
    assert any("Sjukfrånvaro per kön och åldersgrupp – Socialförvaltningen, 2024" in h.value
               for h in at.subheader)

    # Restated, SOC has E200 and Kansliet (E300): 194 employees, but in every cell UNMAPPED
    # (5 employees) is hidden and SOC is the smaller of the parts left, so SOC is hidden
    # too, or the town minus BOU would give UNMAPPED away.
    next(r for r in at.radio if r.label == "Organisation").set_value(True).run()
    bands = table_with(at, "Grupp").set_index("Grupp")
    assert set(bands["Totalt"]) == {".."} and set(bands["Antal anställda"]) == {".."}

    # A unit: Ekskolan's figures are its own; its men and women are hidden because
    # Björkens förskola (8 men) is hidden beside it under BOU.
    at = run_page("views/personal.py", ar="2024", forvaltning="BOU", enhet="E101", kon="T")
    at.radio[0].set_value("HR_SICK_LEAVE_PCT").run()
    bands = table_with(at, "Grupp").set_index("Grupp")
    pct, n = group_expected(lambda c: c["unit_id"] == "E101")
    assert bands.at["Alla åldrar", "Totalt"] == sv_format.percent(pct)
    assert bands.at["Alla åldrar", "Antal anställda"] == sv_format.count(n) == "172"
    assert bands.at["Alla åldrar", "Män"] == ".." and bands.at["50 år och äldre", "Kvinnor"] == ".."
    assert table_with(at, "Förvaltning").columns[1] == col


def test_personal_restated_trend_and_breakdown_equal_the_unit_mart(warehouse: Path) -> None:
    at = run_page("views/personal.py", ar="2024", manad="3", forvaltning="SOC", kon="T")
    toggle = next(r for r in at.radio if r.label == "Organisation")
    assert toggle.value is False
    assert at.query_params["organisation"] in ("som-da", ["som-da"])
    table = table_with(at, "Förvaltning").set_index("Förvaltning")
    col = "Antal månadsavlönade anställda"
    assert table.at["Socialförvaltningen", col] == "159"

    toggle.set_value(True).run()
    assert at.query_params["organisation"] in ("idag", ["idag"])
    table = table_with(at, "Förvaltning").set_index("Förvaltning")
    # Σ of the unit mart over today's SOC (E200 and E300, which was KSF's): 159 + 35.
    assert table.at["Socialförvaltningen", col] == "194"
    assert "Kommunstyrelseförvaltningen" not in table.index  # no unit of its own today
    assert table.at["Hela kommunen", col] == sv_format.count(
        fx.kpi_value("HR_HEADCOUNT", "2024-03"))  # the town does not change
    trend = table_with(at, "Kön")
    march = trend[trend["Period"] == "mars 2024"].set_index("Kön")
    assert march.at["Totalt", col] == "194" and march.at["Män", col] == "24"

    at.radio[0].set_value("HR_SICK_LEAVE_PCT").run()
    table = table_with(at, "Förvaltning").set_index("Förvaltning")
    soc = [fx.hr_unit_sums(n, sex) for _, _, _, today, sex, n in fx.HR_UNITS if today == "SOC"]
    expected = 100 * sum(m["sick_hours"] for m in soc) / sum(m["ordinary_hours"] for m in soc)
    assert table.at["Socialförvaltningen", "Sjukfrånvaro av ordinarie arbetstid"] == (
        sv_format.percent(expected))
    assert any("dagens organisation" in c.value for c in at.caption)

    # The choice lives in the URL and survives a visit to another page.
    at.switch_page("views/ekonomi.py").run()
    assert at.query_params["organisation"] in ("idag", ["idag"])
    at.switch_page("views/personal.py").run()
    assert next(r for r in at.radio if r.label == "Organisation").value is True
    # A link with the choice opens the restated view.
    at = run_page("views/personal.py", ar="2024", manad="3", forvaltning="SOC",
                  organisation="idag")
    assert table_with(at, "Förvaltning").set_index("Förvaltning").at[
        "Socialförvaltningen", col] == "194"


def test_unit_filter_on_ekonomi_verksamhet_and_overview(warehouse: Path) -> None:
    at = run_page("views/ekonomi.py", ar="2024", manad="4", forvaltning="BOU", enhet="E101")
    shown = metrics(at)
    months = range(1, 5)
    outcome = sum(c * (1 + m / 100) for m in months for c in fx.UNIT_LEDGER.values())
    budget = sum(fx.UNIT_BUDGET.values()) * len(months)
    assert shown["Utfall hittills 2024"] == sv_format.sek(outcome)
    assert shown["Budget samma period"] == sv_format.sek(budget)
    assert shown["Avvikelse hittills"] == sv_format.sek(budget - outcome)
    assert shown["Budget helår 2024"] == sv_format.sek(sum(fx.UNIT_BUDGET.values()) * 12)
    by_activity = table_with(at, "Verksamhet").set_index("Verksamhet")
    assert by_activity.at["Förskola (407)", "Utfall hittills"] == sv_format.sek(
        sum(fx.UNIT_LEDGER["407"] * (1 + m / 100) for m in months))
    assert any("Ekskolan (E101)" in h.value for h in at.subheader)
    assert any("Enhetsfilter gäller inte helårsprognosen" in i.value for i in at.info)
    # Without a unit, the förvaltning's follow-up as before.
    at = run_page("views/ekonomi.py", ar="2024", manad="4", forvaltning="BOU")
    assert not any("Enhetsfilter" in i.value for i in at.info)
    assert "Helårsprognos 2024" in metrics(at)

    for page in ("views/verksamhet.py", None):
        at = run_page(page, ar="2024", forvaltning="BOU", enhet="E101")
        assert any(i.value.startswith("Enhetsfilter gäller inte") for i in at.info), page
        at = run_page(page, ar="2024", forvaltning="BOU")
        assert not any("Enhetsfilter" in i.value for i in at.info), page


def test_ekonomi_page_equals_export(warehouse: Path) -> None:
    at = run_page("views/ekonomi.py", ar="2023", manad="0", forvaltning="SOC")
    assert at.title[0].value == "Ekonomi"
    shown = metrics(at)
    year_to_date = sum(fx.kpi_value("FIN_NET_COST", f"2023-{m:02d}", "SOC") for m in range(1, 13))
    assert year_to_date == pytest.approx(fx.kpi_value("FIN_NET_COST", "2023", "SOC"))
    assert shown["Utfall hittills 2023"] == sv_format.sek(year_to_date)
    assert shown["Budget helår 2023"] == sv_format.sek(fx.BUDGET["2023"]["SOC"])
    deviations = table_with(at, "Avvikelse (budget − utfall)")
    values = [fx.kpi_value("FIN_BUDGET_DEVIATION", "2023", c) for c in fx.NET_COST_PER_MONTH]
    expected = sorted(values)  # the largest overspend first, the whole town last
    assert list(deviations["Avvikelse (budget − utfall)"])[:-1] == [
        sv_format.sek(v) for v in expected
    ]
    assert deviations["Förvaltning"].iat[-1] == "Hela kommunen"
    # Outcome against budget by month, net cost by activity, net cost per inhabitant.
    assert len(at.get("vega_lite_chart")) == 3


def follow_up_sum(column: str, period: str, org: str | None = None,
                  activity: str | None = None) -> float:
    return sum(r[column] for r in fx.follow_up_rows()
               if r["year_month"] == period and org in (None, r["forvaltning_code"])
               and activity in (None, r["activity_code"]))


def test_ekonomi_follow_up_equals_the_mart(warehouse: Path) -> None:
    at = run_page("views/ekonomi.py", ar="2024", manad="3", forvaltning="BOU")
    shown = metrics(at)
    month = "2024-03"
    assert shown["Utfall hittills 2024"] == sv_format.sek(
        follow_up_sum("outcome_ytd_sek", month, "BOU"))
    # The mart agrees with the KPI export it feeds.
    assert follow_up_sum("outcome_ytd_sek", month, "BOU") == pytest.approx(
        sum(fx.kpi_value("FIN_NET_COST", f"2024-{m:02d}", "BOU") for m in (1, 2, 3)))
    assert shown["Budget samma period"] == sv_format.sek(fx.BUDGET["2024"]["BOU"] * 3 / 12)
    assert shown["Avvikelse hittills"] == sv_format.sek(
        follow_up_sum("deviation_ytd_sek", month, "BOU"))
    assert shown["Budget helår 2024"] == sv_format.sek(fx.BUDGET["2024"]["BOU"])
    assert shown["Helårsprognos 2024"] == sv_format.sek(
        follow_up_sum("forecast_full_year_sek", month, "BOU"))

    by_month = table_with(at, "Helårsprognos").set_index("Månad")
    assert list(by_month.index) == ["januari 2024", "februari 2024", "mars 2024"]
    assert by_month.at["februari 2024", "Utfall"] == sv_format.sek(
        follow_up_sum("outcome_month_sek", "2024-02", "BOU"))
    assert by_month.at["februari 2024", "Budget samma period"] == sv_format.sek(
        fx.BUDGET["2024"]["BOU"] * 2 / 12)

    # Deviations per förvaltning and activity: only BOU's, the largest overspend first.
    cells = table_with(at, "Prognostiserad avvikelse helår")
    assert set(cells["Förvaltning"]) == {fx.FORVALTNINGAR["BOU"]}
    expected = sorted(
        (follow_up_sum("deviation_ytd_sek", month, "BOU", a), a) for a in ("407", "425"))
    assert list(cells["Verksamhet"]) == [
        f"{fx.ACTIVITIES[a][0]} ({a})" for _, a in expected]
    assert list(cells["Avvikelse hittills"]) == [sv_format.sek(v) for v, _ in expected]

    # Net cost per inhabitant of the age group: Förskola's two account groups added up.
    activities = table_with(at, "Utfall hittills per invånare i åldersgruppen").set_index(
        "Verksamhet")
    preschool = follow_up_sum("outcome_ytd_sek", month, "BOU", "407")
    assert activities.at["Förskola (407)", "Utfall hittills"] == sv_format.sek(preschool)
    assert activities.at["Förskola (407)", "Invånare i åldersgruppen 31 december"] == (
        sv_format.count(fx.SERVED_POPULATION["2024"]["1-5"]))
    assert activities.at["Förskola (407)", "Utfall hittills per invånare i åldersgruppen"] == (
        sv_format.sek(preschool / fx.SERVED_POPULATION["2024"]["1-5"]))


def test_ekonomi_whole_town_by_activity_and_whole_year(warehouse: Path) -> None:
    at = run_page("views/ekonomi.py", ar="2023", manad="0")
    activities = table_with(at, "Utfall hittills per invånare i åldersgruppen").set_index(
        "Verksamhet")
    col = "Utfall hittills per invånare i åldersgruppen"
    # The whole year: as of the year's last month; KSF and UNMAPPED share activity 100.
    politics = follow_up_sum("outcome_ytd_sek", "2023-12", activity="100")
    assert activities.at["Politisk verksamhet (100)", "Utfall hittills"] == sv_format.sek(
        politics)
    assert activities.at["Politisk verksamhet (100)", col] == ".."  # serves no age group
    elderly = follow_up_sum("outcome_ytd_sek", "2023-12", activity="510")
    assert activities.at["Vård och omsorg om äldre (510)", col] == sv_format.sek(
        elderly / fx.SERVED_POPULATION["2023"]["80+"])
    assert metrics(at)["Utfall hittills 2023"] == sv_format.sek(
        fx.kpi_value("FIN_NET_COST", "2023"))


def test_verksamhet_page_equals_export(warehouse: Path) -> None:
    at = run_page("views/verksamhet.py", ar="2023")
    shown = metrics(at)
    assert shown["Förskoleplats erbjuden inom garantitiden, 2023"] == sv_format.percent(
        fx.kpi_value("SVC_FORSKOLA_ON_TIME_PCT", "2023")
    )
    assert shown[
        "Handläggningstid bygglov från komplett ansökan (median), 2023"
    ] == f"36,0{NB}dagar"
    # Five KPI trends; planned against performed hours; 80+ per district; the projection.
    assert len(at.get("vega_lite_chart")) == 8


def test_verksamhet_demand_and_projection_equal_the_marts(warehouse: Path) -> None:
    at = run_page("views/verksamhet.py", ar="2023", manad="6")
    by_month = table_with(at, "Besök som inte utfördes").set_index("Månad")
    assert list(by_month.index) == [sv_format.month(2023, m) for m in range(1, 7)]
    assert by_month.at["juni 2023", "Utförda timmar"] == sv_format.count(
        fx.homecare_hours("2023-06"))
    assert by_month.at["juni 2023", "Utförda timmar"] == sv_format.count(
        fx.kpi_value("SVC_HEMTJANST_HOURS", "2023-06"))
    assert by_month.at["juni 2023", "Planerade timmar (beräknade)"] == sv_format.count(
        fx.homecare_hours("2023-06") * 1.05)

    districts = table_with(at, "Område").set_index("Område")
    assert list(districts.index) == ["Centrum", "Norrby", "Hela kommunen"]
    pop = sum(fx.POP_80["2023"].values())
    assert districts.at["Centrum", "Invånare 80 år och äldre"] == sv_format.count(
        round(pop * fx.DISTRICT_SHARE_80["D01"]))
    assert districts.at["Centrum", "Utförda timmar"] == ".."  # visits have no district
    assert districts.at["Hela kommunen", "Utförda timmar per invånare 80 år och äldre"] == (
        sv_format.number(fx.homecare_hours("2023-06") / pop, 2))

    projection = table_with(at, "Behov av timmar (prognos)")
    latest = [r for r in fx.projection_rows() if r[-1]]
    assert len(projection) == len(latest)  # the back-test origin is not shown
    town = projection[projection["Område"] == "Hela kommunen"].set_index("År")
    expected = next(r for r in latest if r[0] == "ALL" and r[2] == 2026)
    assert town.at["2026", "Behov av timmar (prognos)"] == sv_format.count(expected[6])
    assert list(projection["Område"])[-3:] == ["Hela kommunen"] * 3


@pytest.mark.parametrize("page", ["views/ekonomi.py", "views/verksamhet.py"])
def test_pages_without_the_domain_marts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: str
) -> None:
    path = fx.add_kpis(fx.build_warehouse(tmp_path / "kpis_only.duckdb"))
    monkeypatch.setenv("DUCKDB_PATH", str(path))
    at = run_page(page)
    assert any("visas när" in i.value for i in at.info)
    assert at.dataframe  # the KPI-export parts are still shown


def test_every_table_offers_csv_and_excel(warehouse: Path) -> None:
    for page in [None, *PAGES]:
        at = run_page(page)
        buttons = [b.proto.label for b in at.get("download_button")]
        assert buttons and buttons.count("Ladda ned CSV") == buttons.count("Ladda ned Excel")


def test_data_quality_shows_the_build_history(warehouse: Path) -> None:
    history = build_history.history_path(warehouse)
    build_history.append(history, {
        "started_at": "2024-06-03T12:00:00+00:00", "finished_at": "2024-06-03T12:02:05+00:00",
        "duration_s": 125.0, "status": "success",
        "tests": {"passed": 310, "warned": 4, "failed": 0, "models": 60},
        "systems": {"hr": {"rows_landed": 10, "rows_accepted": 9, "rows_quarantined": 1,
                           "rows_superseded": 0}},
    })  # fmt: skip
    at = run_page("views/data_quality.py")
    shown = metrics(at)
    assert shown["Startade"] == "3 juni 2024 14:00"  # Swedish summer time
    assert shown["Tid"] == "2 min 5 s"
    assert shown["Status"] == "Lyckades"
    assert shown["Tester godkända"] == "310"
    assert len(at.get("vega_lite_chart")) == 2


def test_personal_drills_down_to_units_with_suppression(warehouse: Path) -> None:
    at = run_page("views/personal.py", ar="2024", manad="3", forvaltning="BOU", kon="T")
    at.radio[0].set_value("HR_SICK_LEAVE_PCT").run()
    units = table_with(at, "Enhet").set_index("Enhet")
    col = "Sjukfrånvaro av ordinarie arbetstid"
    # Σ sick hours / Σ ordinary hours over the unit's rows in the mart.
    e101 = [fx.hr_unit_sums(n, sex) for u, *_, sex, n in fx.HR_UNITS if u == "E101"]
    expected = 100 * sum(m["sick_hours"] for m in e101) / sum(m["ordinary_hours"] for m in e101)
    assert units.at["Ekskolan (E101)", col] == sv_format.percent(expected)
    assert units.at["Ekskolan (E101)", "Antal anställda"] == "172"
    # E100 has 8 men: its men and (by complement) its women are hidden, not its total.
    assert units.at["Björkens förskola (E100)", "Antal anställda"] == "208"
    at = run_page("views/personal.py", ar="2024", manad="3", forvaltning="BOU", kon="M")
    at.radio[0].set_value("HR_SICK_LEAVE_PCT").run()
    units = table_with(at, "Enhet").set_index("Enhet")
    assert units.at["Björkens förskola (E100)", col] == ".."
    assert units.at["Ekskolan (E101)", col] == ".."  # else BOU's men minus E101 gives E100
    assert footnote_shown(at)

    # Restated on today's organisation, Kansliet (KSF then) is among SOC's units.
    at = run_page("views/personal.py", ar="2024", manad="3", forvaltning="SOC", kon="T")
    assert "Kansliet (E300)" not in set(table_with(at, "Enhet")["Enhet"])
    next(r for r in at.radio if r.label == "Organisation").set_value(True).run()
    assert "Kansliet (E300)" in set(table_with(at, "Enhet")["Enhet"])


BUILT = Path(os.environ.get("DUCKDB_PATH", "/nonexistent"))


@pytest.mark.skipif(not BUILT.is_file(), reason="needs the warehouse make test builds")
@pytest.mark.parametrize("page", [None, *PAGES])
def test_every_page_on_the_built_warehouse(page: str | None) -> None:
    """The real warehouse (generated data, faults included), whatever marts it has yet: a
    page shows its figures or says in Swedish what is missing, never a stack trace."""
    at = run_page(page)
    assert at.title, "the page must at least have its title"


@pytest.mark.skipif(not BUILT.is_file(), reason="needs the warehouse make test builds")
def test_follow_up_mart_agrees_with_the_export_on_the_built_warehouse() -> None:
    """What the Ekonomi page sums from the follow-up mart (outcome to the year's last month,
    the full-year budget) is what the KPI export says for the year, for the whole town."""
    follow_up = queries.finance_bundle()["follow_up"]
    if follow_up is None:
        pytest.skip("the warehouse has no budget follow-up mart yet")
    kv = queries.kpi_values()
    for year, rows in follow_up.groupby("year"):
        last = rows[rows["year_month"] == rows["year_month"].max()]
        export_row = kv[(kv["kpi_id"] == "FIN_BUDGET_DEVIATION") & (kv["period"] == str(year))
                        & (kv["org_code"] == "ALL")]
        if export_row.empty:
            continue
        assert last["outcome_ytd_sek"].sum() == pytest.approx(
            export_row["denominator"].iat[0], abs=0.01)
        assert last["budget_full_year_sek"].sum() == pytest.approx(
            export_row["numerator"].iat[0], abs=0.01)


@pytest.mark.skipif(not BUILT.is_file(), reason="needs the warehouse make test builds")
def test_age_bands_and_restated_agree_with_the_export_on_the_built_warehouse() -> None:
    """What the Personal page shows for the whole town from the group mart (each age band,
    and every age) and from the restated sums (the town) is the KPI export's figure."""
    import kpis

    groups = queries.hr_sick_leave_groups()
    if groups is None:
        pytest.skip("the warehouse has no sick-leave group mart yet")
    kv = queries.kpi_values()
    cells = kpis.sick_leave_groups(groups, "forvaltning", years_only=True)
    town = cells[(cells["org_code"] == "ALL") & (cells["parent_code"] == "ALL")]
    compared = 0
    for row in town.itertuples(index=False):
        kpi_id = ("HR_SICK_LEAVE_PCT" if row.age_band == kpis.ALL_AGES
                  else kpis.AGE_BANDS[row.age_band])
        export_row = kv[(kv["kpi_id"] == kpi_id) & (kv["period"] == row.period)
                        & (kv["org_code"] == "ALL") & (kv["gender"] == row.gender)]
        assert len(export_row) == 1, (kpi_id, row.period, row.gender)
        if not row.suppressed:
            assert row.HR_SICK_LEAVE_PCT == pytest.approx(export_row["value"].iat[0], rel=1e-9)
            compared += 1
    assert compared
    # The restated view's sums per förvaltning of today add up to the town's figures.
    sums = queries.hr_restated_sums().groupby("year_month")[
        ["sick_hours", "ordinary_hours", "fte"]].sum()
    for kpi_id, column, field in [("HR_SICK_LEAVE_PCT", "sick_hours", "numerator"),
                                  ("HR_SICK_LEAVE_PCT", "ordinary_hours", "denominator"),
                                  ("HR_FTE", "fte", "value")]:
        export = kv[(kv["kpi_id"] == kpi_id) & (kv["org_code"] == "ALL")
                    & (kv["gender"] == "T")].set_index("period")[field]
        common = sums.index.intersection(export.index)
        assert len(common) >= 12, kpi_id
        assert sums.loc[common, column].to_numpy() == pytest.approx(
            export[common].to_numpy(), rel=1e-9), (kpi_id, column)
    restated = kpis.restated(queries.hr_restated_sums(), kv)
    assert set(restated["org_code"]) - {"ALL"}  # today's förvaltningar, not only the town
