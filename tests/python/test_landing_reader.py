"""The landing reader keeps every line: good rows as text fields, bad ones flagged."""

from __future__ import annotations

import random
from pathlib import Path

from landing_reader.entities import ENTITIES, delivered_on, entity_by_table
from landing_reader.inventory import inventory
from landing_reader.reader import BOM, _lines, data_lines, read_entity

FRANVARO = entity_by_table("hr__franvaro")
HEADER = ";".join(FRANVARO.columns)


def _write(root: Path, name: str, data: bytes) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _rows(root: Path, table: str = "hr__franvaro") -> list[dict]:
    return read_entity(root, entity_by_table(table)).read_all().to_pylist()


def test_bom_crlf_quotes_and_line_numbers(tmp_path: Path) -> None:
    body = (
        "\ufeff" + HEADER + "\r\n"
        "F1;A1;Sjuk;2024-01-02;2024-01-05;100;N\r\n"
        "\r\n"
        'F2;A1;"Sjuk;x ""y""";2024-01-02;;50;N\r\n'
    )
    _write(tmp_path, "hr/franvaro_2024-02-03.csv", body.encode("utf-8"))
    rows = _rows(tmp_path)
    assert [(r["_line_number"], r["franvaro_id"], r["_row_error"]) for r in rows] == [
        (2, "F1", None),
        (4, "F2", None),
    ]
    assert rows[1]["orsak"] == 'Sjuk;x "y"'
    assert rows[0]["_source_file"] == "hr/franvaro_2024-02-03.csv"
    assert rows[0]["_delivery_stamp"] == "2024-02-03"
    assert rows[0]["_delivered_on"] == "2024-02-03"


def test_bad_bytes_and_field_counts_are_flagged_not_fatal(tmp_path: Path) -> None:
    body = (
        HEADER.encode() + b"\n"
        b"F1;A1;Sjuk;2024-01-02;2024-01-05;100;N\n"
        b"F2;A1;Sj\xe4k;2024-01-02;2024-01-05;100;N\n"
        b"F3;A1;Sjuk;2024-01-02\n"
        b"F4;A1;Sjuk;2024-01-02;2024-01-05;100;N;extra\n"
        b'F5;A1;"Sjuk;2024-01-02;2024-01-05;100;N\n'
        b"F6;A1;Sjuk;2024-01-02;2024-01-05;100;N\n"
    )
    _write(tmp_path, "hr/franvaro_2024-02-03.csv", body)
    errors = [(r["_line_number"], r["_row_error"]) for r in _rows(tmp_path)]
    assert errors == [
        (2, None),
        (3, "invalid_encoding"),
        (4, "wrong_field_count"),
        (5, "wrong_field_count"),
        (6, "unparseable_row"),
        (7, None),
    ]


def test_bad_header_quarantines_the_whole_file(tmp_path: Path) -> None:
    body = HEADER.replace("orsak", "reason") + "\nF1;A1;Sjuk;2024-01-02;2024-01-05;100;N\n"
    _write(tmp_path, "hr/franvaro_2024-02-03.csv", body.encode())
    rows = _rows(tmp_path)
    assert [(r["_row_error"], r["franvaro_id"]) for r in rows] == [("bad_header", None)]


def test_header_only_file_is_an_empty_delivery(tmp_path: Path) -> None:
    _write(tmp_path, "hr/franvaro_2024-02-03.csv", (HEADER + "\r\n").encode())
    assert _rows(tmp_path) == []


def test_bad_file_name_is_flagged(tmp_path: Path) -> None:
    body = HEADER + "\nF1;A1;Sjuk;2024-01-02;2024-01-05;100;N\n"
    _write(tmp_path, "hr/franvaro_2024-13-45.csv", body.encode())
    assert [r["_row_error"] for r in _rows(tmp_path)] == ["bad_file_name"]


def test_finance_is_latin1_with_period_and_delivery_stamps(tmp_path: Path) -> None:
    entity = entity_by_table("ekonomi__huvudbok")
    line = "V1;1;2024-01-15;202401;5020;21001;510;;;-1\xa0234,50;Lön"
    body = ";".join(entity.columns) + "\r\n" + line + "\r\n"
    _write(tmp_path, "ekonomi/huvudbok_202401_20240205.csv", body.encode("latin-1"))
    (row,) = _rows(tmp_path, "ekonomi__huvudbok")
    assert row["text"] == "Lön"
    assert row["belopp"] == "-1\xa0234,50"
    assert row["_delivery_stamp"] == "202401_20240205"
    assert row["_delivered_on"] == "2024-02-05"


def test_every_entity_has_a_delivery_day_rule() -> None:
    stamps = {"huvudbok": "202401_20240205", "besok": "2024-12", "budget": "2024",
              "befolkning": "2024"}
    for entity in ENTITIES:
        day = delivered_on(entity, stamps.get(entity.name, "2024-02-03"))
        assert day is not None, entity.name
    assert str(delivered_on(entity_by_table("omsorg__besok"), "2024-12")) == "2025-01-01"


def test_inventory_lists_every_file_with_its_data_lines(tmp_path: Path) -> None:
    one_row = HEADER + "\nF1;A1;Sjuk;2024-01-02;;50;N\n\n"
    _write(tmp_path, "hr/franvaro_2024-02-03.csv", one_row.encode())
    _write(tmp_path, "hr/franvaro_2024-03-03.csv", (HEADER + "\r\n").encode())
    _write(tmp_path, "hr/franvaro_2024-02-30.csv", (HEADER + "\n").encode())
    _write(tmp_path, "hr/loner_2024.csv", b"x;y\n1;2\n")
    _write(tmp_path, ".DS_Store", b"junk")
    rows = {r["source_file"]: r for r in inventory(tmp_path).to_pylist()}
    assert sorted(rows) == [
        "hr/franvaro_2024-02-03.csv",
        "hr/franvaro_2024-02-30.csv",
        "hr/franvaro_2024-03-03.csv",
        "hr/loner_2024.csv",
    ]
    assert rows["hr/franvaro_2024-02-03.csv"]["data_lines"] == 1
    assert rows["hr/franvaro_2024-03-03.csv"]["data_lines"] == 0
    assert rows["hr/franvaro_2024-02-30.csv"]["file_status"] == "bad_file_name"
    assert rows["hr/loner_2024.csv"]["file_status"] == "unrecognised_file"
    assert rows["hr/loner_2024.csv"]["entity"] is None


def test_line_count_agrees_with_the_reader_on_odd_bytes(tmp_path: Path) -> None:
    """data_lines counts in chunks; it must agree with the reader's own line walk."""
    rng = random.Random(7)
    cases = [b"", BOM, b"h", b"h\r\n\r\n", BOM + b"h\na\n\nb", b"\n\nh\na\r\n", b"h\na\n" + BOM]
    cases += [bytes(rng.choice(b"a;\r\n\xef\xbb\xbf") for _ in range(rng.randint(0, 30)))
              for _ in range(200)]
    for number, data in enumerate(cases):
        path = tmp_path / f"f{number}.csv"
        path.write_bytes(data)
        expected = max(sum(1 for _ in _lines(path)) - 1, 0)
        for chunk_bytes in (1, 2, 5, 1 << 20):
            assert data_lines(path, chunk_bytes) == expected, (data, chunk_bytes)
