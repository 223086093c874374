"""The dashboard's plain modules on hand-made inputs: formats, disclosure control, exports,
the build history and the query layer's guard against a swapped warehouse."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

import dashboard_fixtures as fx

REPO_ROOT = Path(__file__).resolve().parents[2]
DASHBOARDS = REPO_ROOT / "dashboards"
if str(DASHBOARDS) not in sys.path:
    sys.path.insert(0, str(DASHBOARDS))

import build_history  # noqa: E402
import disclosure  # noqa: E402
import export  # noqa: E402
import kpis  # noqa: E402
import queries  # noqa: E402
import sv_format  # noqa: E402

NB = "\u00a0"

# --- sv-SE formats ----------------------------------------------------------------------


def test_swedish_number_formats() -> None:
    assert sv_format.count(1234567) == f"1{NB}234{NB}567"
    assert sv_format.number(1234.56, 1) == f"1{NB}234,6"
    assert sv_format.percent(12.34) == f"12,3{NB}%"
    assert sv_format.percent(7) == f"7,0{NB}%"
    assert sv_format.sek(1234567.4) == f"1{NB}234{NB}567{NB}kr"
    assert sv_format.sek(-2500) == f"-2{NB}500{NB}kr"
    assert sv_format.kpi_value(36.5, "dagar") == f"36,5{NB}dagar"
    assert sv_format.kpi_value(579.0, "antal") == "579"
    assert sv_format.kpi_value(532.68, "antal") == "532,7"
    assert sv_format.kpi_value_short(461_346_250, "kronor") == f"461,3{NB}mnkr"
    assert sv_format.change(1.26, "procent") == "+1,3 procentenheter"
    assert sv_format.change(-3400, "kronor") == f"-3{NB}400{NB}kr"


def test_missing_figures_are_two_dots() -> None:
    for value in (None, float("nan"), np.nan, pd.NA):
        assert sv_format.percent(value) == ".."
        assert sv_format.sek(value) == ".."
        assert sv_format.kpi_value(value, "antal") == ".."
    assert sv_format.change(None, "procent") is None


def test_swedish_dates() -> None:
    assert sv_format.period("2024-03") == "mars 2024"
    assert sv_format.period("2024") == "2024"
    assert sv_format.date(dt.date(2024, 6, 3)) == "3 juni 2024"
    assert sv_format.datetime_(dt.datetime(2024, 12, 1, 14, 5)) == "1 december 2024 14:05"
    assert sv_format.duration(125) == "2 min 5 s"


# --- disclosure control -----------------------------------------------------------------

GENDER = disclosure.Partition("gender", "T")
ORG = disclosure.Partition("org", "ALL")


def frame(rows: list[tuple[str, str, float | None]]) -> pd.DataFrame:
    """org, gender, headcount; the figure shown is the headcount itself."""
    df = pd.DataFrame(rows, columns=["org", "gender", "n"])
    df["value"] = df["n"]
    return df


def hide(df: pd.DataFrame, partitions=(GENDER, ORG)) -> pd.DataFrame:
    return disclosure.suppress(
        df, group_size="n", value_columns=["value"], keys=["org", "gender"],
        partitions=partitions,
    )


def hidden_cells(df: pd.DataFrame) -> set[tuple[str, str]]:
    return {(r.org, r.gender) for r in df.itertuples() if r.suppressed}


def assert_no_lone_hidden_cell(df: pd.DataFrame, keys: list[str], partitions) -> None:
    """No total-and-parts group may have exactly one hidden cell (it could be recomputed)."""
    for p in partitions:
        others = [k for k in keys if k != p.column]
        for _, group in df.groupby(others):
            if (group[p.column] != p.total).any():  # a total alone gives nothing away
                assert group[disclosure.SUPPRESSED].sum() != 1, group


def test_primary_suppression_at_ten_or_fewer() -> None:
    df = hide(frame([("A", "K", 10.0), ("B", "K", 11.0), ("C", "K", None)]), partitions=())
    assert hidden_cells(df) == {("A", "K"), ("C", "K")}
    assert df["value"].isna().tolist() == [True, False, True]
    assert df[disclosure.SUPPRESSION_REASON].tolist() == ["primär", None, "primär"]


def test_secondary_suppression_hides_a_complement() -> None:
    # M (9) is hidden; shown with T = 30, K = 21 would give it away: K goes too.
    df = hide(frame([("A", "T", 30.0), ("A", "K", 21.0), ("A", "M", 9.0)]), partitions=[GENDER])
    assert hidden_cells(df) == {("A", "K"), ("A", "M")}
    assert df.set_index("gender").at["K", disclosure.SUPPRESSION_REASON] == "sekundär"
    assert df.set_index("gender").at["T", "value"] == 30


def test_secondary_picks_the_smallest_shown_part() -> None:
    df = hide(
        frame([("ALL", "T", 100.0), ("A", "T", 5.0), ("B", "T", 60.0), ("C", "T", 35.0)]),
        partitions=[ORG],
    )
    assert hidden_cells(df) == {("A", "T"), ("C", "T")}


def test_a_hidden_total_recoverable_from_its_parts_is_protected() -> None:
    # Org B: T is hidden because its part M is, but K shown + M hidden + T hidden is fine;
    # across orgs, T of A (hidden) must not be the only hidden part under ALL.
    rows = [
        ("ALL", "T", 579.0), ("ALL", "K", 473.0), ("ALL", "M", 106.0),
        ("A", "T", 380.0), ("A", "K", 300.0), ("A", "M", 80.0),
        ("B", "T", 159.0), ("B", "K", 150.0), ("B", "M", 9.0),
        ("C", "T", 35.0), ("C", "K", 20.0), ("C", "M", 15.0),
        ("U", "T", 5.0), ("U", "K", 3.0), ("U", "M", 2.0),
    ]  # fmt: skip
    df = hide(frame(rows))
    assert_no_lone_hidden_cell(df, ["org", "gender"], [GENDER, ORG])
    assert {("B", "M"), ("U", "T"), ("U", "K"), ("U", "M")} <= hidden_cells(df)
    assert ("B", "K") in hidden_cells(df)  # B's T is shown: K would give M away
    assert ("C", "T") in hidden_cells(df)  # U's T is the only hidden part of ALL otherwise
    assert ("C", "M") in hidden_cells(df)  # C's T hidden, C's K and M shown would give it
    # Nothing more than needed: the big cells stay.
    assert not {("ALL", "T"), ("A", "T"), ("A", "K"), ("A", "M")} & hidden_cells(df)


def test_nothing_hidden_when_every_group_is_large() -> None:
    df = hide(frame([("ALL", "T", 50.0), ("A", "T", 20.0), ("B", "T", 30.0)]))
    assert not df[disclosure.SUPPRESSED].any()
    assert df["value"].tolist() == [50.0, 20.0, 30.0]


def test_partition_column_must_be_a_key() -> None:
    with pytest.raises(ValueError, match="not among the keys"):
        disclosure.suppress(frame([("A", "K", 1.0)]), group_size="n", value_columns=["value"],
                            keys=["org"], partitions=[GENDER])


def test_kpi_export_disclosure(tmp_path: Path) -> None:
    path = fx.build_full_warehouse(tmp_path / "kommun.duckdb")
    raw = queries.kpi_values(path)
    shown = kpis.disclose(raw)
    assert len(shown) == len(raw)
    hr = shown[shown["kpi_id"].map(kpis.is_hr)]
    for (_, _period), block in hr.groupby(["kpi_id", "period"]):
        assert_no_lone_hidden_cell(
            block,
            kpis.KEYS,
            [disclosure.Partition("gender", "T"), disclosure.Partition("org_code", "ALL")],
        )
    cell = shown.set_index(kpis.KEYS)
    # No headcount per age band: always hidden, and said why.
    age_bands = shown[shown["kpi_id"].isin(kpis.AGE_BAND_KPIS)]
    assert len(age_bands) and age_bands[disclosure.SUPPRESSED].all()
    assert (age_bands[disclosure.SUPPRESSION_REASON] == kpis.NO_GROUP_SIZE).all()
    assert not (hr.loc[~hr["kpi_id"].isin(kpis.AGE_BAND_KPIS), disclosure.SUPPRESSION_REASON]
                == kpis.NO_GROUP_SIZE).any()
    # SOC has 9 men: every HR figure about them is hidden, and the women beside them too.
    for kpi_id in ("HR_HEADCOUNT", "HR_SICK_LEAVE_PCT", "HR_FTE"):
        assert cell.at[(kpi_id, "2024-03", "SOC", "M"), disclosure.SUPPRESSED]
        assert np.isnan(cell.at[(kpi_id, "2024-03", "SOC", "M"), "value"])
        assert np.isnan(cell.at[(kpi_id, "2024-03", "SOC", "M"), "numerator"])
        assert cell.at[(kpi_id, "2024-03", "SOC", "K"), disclosure.SUPPRESSION_REASON] == (
            "sekundär"
        )
        assert cell.at[(kpi_id, "2024-03", "BOU", "K"), "value"] == fx.kpi_value(
            kpi_id, "2024-03", "BOU", "K"
        )
    # No headcount per age band in the export: an age band's group size is unknown.
    assert shown[shown["kpi_id"].isin(kpis.AGE_BAND_KPIS)][disclosure.SUPPRESSED].all()
    # Other domains are not about employees: untouched.
    other = shown[~shown["kpi_id"].map(kpis.is_hr)]
    assert not other[disclosure.SUPPRESSED].any()
    assert cell.at[("FIN_NET_COST", "2024-03", "SOC", "T"), "value"] == fx.kpi_value(
        "FIN_NET_COST", "2024-03", "SOC", "T"
    )


def _groups(rows: list[tuple]) -> pd.DataFrame:
    """Group-mart rows: (level, org_code, parent_code, sex, age_band, employees, ordinary,
    sick) for the year 2024."""
    return pd.DataFrame(
        [("2024", lvl, org, parent, sex, band, n, ordinary, sick, sick / 2)
         for lvl, org, parent, sex, band, n, ordinary, sick in rows],
        columns=["period", "org_level", "org_code", "parent_code", "sex", "age_band",
                 "employee_count", "ordinary_hours", "sick_hours", "long_spell_sick_hours"],
    )


def test_sick_leave_groups_sum_sexes_and_bands_and_suppress_across_units() -> None:
    rows = []
    # Two units under BOU; U2's young men are 4 (hidden), U1's are 30.
    for unit, young_men in (("U1", 30), ("U2", 4)):
        for sex, band, n in [("K", "0-29", 40), ("K", "50+", 50), ("M", "0-29", young_men),
                             ("M", "50+", 25)]:
            rows.append(("unit", unit, "BOU", sex, band, n, n * 100.0, n * 5.0))
    frame = _groups(rows)
    bou = frame.groupby(["sex", "age_band"], as_index=False)[
        ["employee_count", "ordinary_hours", "sick_hours", "long_spell_sick_hours"]].sum()
    totals = bou.assign(period="2024", org_level="current_forvaltning", org_code="BOU",
                        parent_code="ALL")
    out = kpis.sick_leave_groups(pd.concat([frame, totals]), "unit", years_only=True)
    cell = out.set_index(["org_code", "gender", "age_band"])
    # T = K + M and ALL = every band, as sums of the hours and of the persons.
    assert cell.at[("U1", "T", "ALL"), "group_size"] == 40 + 50 + 30 + 25
    assert cell.at[("U1", "T", "ALL"), "HR_SICK_LEAVE_PCT"] == pytest.approx(5.0)
    assert cell.at[("ALL", "T", "ALL"), "group_size"] == 2 * (40 + 50 + 25) + 34
    # Primary: U2's 4 young men; secondary: U1's young men (else BOU − U1 gives U2 away).
    assert cell.at[("U2", "M", "0-29"), disclosure.SUPPRESSION_REASON] == disclosure.PRIMARY
    assert pd.isna(cell.at[("U1", "M", "0-29"), "HR_SICK_LEAVE_PCT"])
    assert cell.at[("U1", "M", "0-29"), disclosure.SUPPRESSION_REASON] == disclosure.SECONDARY
    # The totals over sex stay shown (two hidden parts under each).
    assert cell.at[("U1", "T", "0-29"), "HR_SICK_LEAVE_PCT"] == pytest.approx(5.0)
    assert not cell.at[("U2", "T", "ALL"), disclosure.SUPPRESSED]


def test_restated_sums_parts_and_keeps_the_export_totals() -> None:
    sums = pd.DataFrame({
        "year_month": ["2024-12"] * 4, "org_code": ["SOC", "SOC", "BOU", "BOU"],
        "sex": ["K", "M", "K", "M"], "headcount": [150, 24, 300, 80],
        "fte": [140.0, 20.0, 280.0, 70.0], "ordinary_hours": [1500.0, 240.0, 3000.0, 800.0],
        "sick_hours": [90.0, 12.0, 150.0, 40.0], "long_spell_sick_hours": [30.0, 6.0, 50.0, 8.0],
        "tillsvidare_persons": [120, 20, 240, 64], "fulltime_persons": [70, 15, 140, 50],
    })  # fmt: skip
    raw = pd.DataFrame(
        [(k, p, "ALL", g, v, None, None) for p in ("2024-12", "2024")
         for k, g, v in [("HR_HEADCOUNT", "T", 550.0), ("HR_HEADCOUNT", "K", 450.0),
                         ("HR_HEADCOUNT", "M", 100.0)]],
        columns=["kpi_id", "period", "org_code", "gender", "value", "numerator", "denominator"],
    )
    out = kpis.restated(sums, raw).set_index(["kpi_id", "period", "org_code", "gender"])
    assert out.at[("HR_HEADCOUNT", "2024-12", "SOC", "T"), "value"] == 174
    assert out.at[("HR_HEADCOUNT", "2024-12", "ALL", "T"), "value"] == 550  # the export's
    assert out.at[("HR_SICK_LEAVE_PCT", "2024-12", "SOC", "T"), "value"] == pytest.approx(
        100 * 102 / 1740)
    # The year: hours summed over its months, stock from December.
    assert out.at[("HR_HEADCOUNT", "2024", "BOU", "K"), "value"] == 300
    assert out.at[("HR_FULLTIME_SHARE_PCT", "2024", "SOC", "M"), "value"] == pytest.approx(75)
    # Periods the export does not have are left out.
    assert not any(p == "2024-11" for p in out.index.get_level_values("period"))


def test_ratio_of_sums() -> None:
    df = pd.DataFrame({"numerator": [1.0, 3.0], "denominator": [10.0, 10.0]})
    assert kpis.ratio_of_sums(df) == pytest.approx(20.0)
    assert np.isnan(kpis.ratio_of_sums(df.iloc[0:0]))


# --- exports ----------------------------------------------------------------------------

FILTERS = [("År", "2024"), ("Månad", "mars"), ("Förvaltning", "Socialförvaltningen"),
           ("Enhet", "Alla enheter"), ("Kön", "Kvinnor")]
BUILT = "3 juni 2024 14:05"


def export_frame() -> pd.DataFrame:
    df = frame([("ALL", "T", 1234567.0), ("A", "T", 9.0), ("B", "T", 1234558.0)])
    df["share"] = [12.34, 50.0, 7.5]
    df["org_name"] = ["Hela kommunen", "Liten", "Stor"]
    return hide(df, partitions=[]).assign(share=lambda d: d["share"].mask(d["suppressed"]))


COLUMNS = [
    export.Column("org_name", "Förvaltning"),
    export.Column("value", "Antal", "count"),
    export.Column("share", "Andel", "percent"),
]


def test_csv_export_carries_filters_build_time_formats_and_suppression() -> None:
    data = export.to_csv(export_frame(), COLUMNS, title="Test", filters=FILTERS, built=BUILT)
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Test"]
    assert ["Förvaltning:", "Socialförvaltningen"] in rows
    assert ["Kön:", "Kvinnor"] in rows
    assert ["Lagret byggt:", BUILT] in rows
    header = rows.index(["Förvaltning", "Antal", "Andel"])
    assert rows[header + 1] == ["Hela kommunen", f"1{NB}234{NB}567", f"12,3{NB}%"]
    assert rows[header + 2] == ["Liten", "..", ".."]
    assert any("10 anställda eller färre" in r[0] for r in rows[header + 4 :] if r)


def test_xlsx_export_has_the_same_cells() -> None:
    data = export.to_xlsx(export_frame(), COLUMNS, title="Test", filters=FILTERS, built=BUILT)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    cells = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert cells[0][0] == "Test"
    assert ("Lagret byggt:", BUILT) in [tuple(r[:2]) for r in cells]
    header = next(i for i, r in enumerate(cells) if r[:3] == ("Förvaltning", "Antal", "Andel"))
    assert cells[header + 1][:3] == ("Hela kommunen", 1234567, 12.34)
    assert cells[header + 2][:3] == ("Liten", "..", "..")
    assert sheet.cell(row=header + 2, column=2).number_format == "#,##0"
    assert any(r[0] and "10 anställda eller färre" in r[0] for r in cells[header + 4 :])


def test_no_footnote_without_suppression() -> None:
    df = frame([("A", "T", 50.0)]).assign(org_name="A", share=1.0)
    df = hide(df, partitions=[])
    text = export.to_csv(df, COLUMNS, title="T", filters=FILTERS, built=BUILT).decode("utf-8")
    assert "anställda eller färre" not in text


# --- build history ----------------------------------------------------------------------


def run_results(path: Path) -> Path:
    results = [
        {"unique_id": "model.kommun.a", "status": "success"},
        {"unique_id": "test.kommun.t1", "status": "pass"},
        {"unique_id": "test.kommun.t2", "status": "pass"},
        {"unique_id": "test.kommun.t3", "status": "warn"},
        {"unique_id": "unit_test.kommun.a.u1", "status": "fail"},
        {"unique_id": "test.kommun.t4", "status": "error"},
        {"unique_id": "seed.kommun.s", "status": "success"},
    ]
    path.write_text(json.dumps({"results": results}))
    return path


def test_history_counts_tests_and_rows(tmp_path: Path) -> None:
    counts = build_history.test_counts(run_results(tmp_path / "run_results.json"))
    assert counts == {"passed": 2, "warned": 1, "failed": 2, "models": 1}
    wh = fx.build_warehouse(tmp_path / "kommun.duckdb")
    rows = build_history.row_counts(wh)
    assert rows["hr"] == {"rows_landed": 2550, "rows_accepted": 2478, "rows_quarantined": 5,
                          "rows_superseded": 67}
    assert build_history.row_counts(tmp_path / "missing.duckdb") == {}


def test_record_script_appends_and_history_reads_back(tmp_path: Path) -> None:
    wh = fx.build_warehouse(tmp_path / "kommun.duckdb")
    results = run_results(tmp_path / "run_results.json")
    for code in (0, 2):
        subprocess.run(
            [sys.executable, str(REPO_ROOT / "scripts" / "record_build.py"), "--started", "0",
             "--exit-code", str(code), "--warehouse", str(wh), "--counts-from", str(wh),
             "--run-results", str(results)],
            check=True,
        )  # fmt: skip
    history_file = tmp_path / build_history.FILE_NAME
    history_file.write_text(history_file.read_text() + "not json\n")
    history = build_history.read(history_file)
    assert history["status"].tolist() == ["success", "failed"]
    assert history["passed"].tolist() == [2, 2]
    assert history["rows_landed"].tolist() == [fx.totals()["rows_landed"]] * 2
    assert history["started_at"].iat[0] == pd.Timestamp(0, tz="UTC")
    assert build_history.read(tmp_path / "none.jsonl").empty


# --- query layer ------------------------------------------------------------------------


def test_a_swapped_warehouse_is_refused(tmp_path: Path) -> None:
    path = fx.build_full_warehouse(tmp_path / "kommun.duckdb")
    version = queries.warehouse_version(path)
    assert len(queries.kpi_catalogue(path, version=version)) == 19
    with pytest.raises(queries.WarehouseChanged):
        queries.kpi_catalogue(path, version=version - 1)
