"""The native path (numpy line split + DuckDB decode and split) on each edge case of the
contract, and against the plain per-line reference (Python's csv module) on random input."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from landing_reader.entities import Entity, entity_by_table
from landing_reader.reader import _lines, _split, read_entity

FRANVARO = entity_by_table("hr__franvaro")
HUVUDBOK = entity_by_table("ekonomi__huvudbok")
HEADER = ";".join(FRANVARO.columns).encode()
GOOD = b"F1;A1;Sjuk;2024-01-02;2024-01-05;100;N"
NAME = "hr/franvaro_2024-02-03.csv"


def _read(root: Path, data: bytes, name: str = NAME, entity: Entity = FRANVARO) -> list[tuple]:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    rows = read_entity(root, entity).read_all().to_pylist()
    return [(r["_line_number"], r["_row_error"], r[entity.columns[0]]) for r in rows]


def test_crlf_file(tmp_path: Path) -> None:
    data = HEADER + b"\r\n" + GOOD + b"\r\n" + GOOD.replace(b"F1", b"F2") + b"\r\n"
    assert _read(tmp_path, data) == [(2, None, "F1"), (3, None, "F2")]


def test_bom(tmp_path: Path) -> None:
    assert _read(tmp_path, b"\xef\xbb\xbf" + HEADER + b"\n" + GOOD + b"\n") == [(2, None, "F1")]


def test_latin1_byte_is_invalid_utf8(tmp_path: Path) -> None:
    data = HEADER + b"\n" + GOOD.replace(b"Sjuk", b"Sj\xe4k") + b"\n" + GOOD + b"\n"
    path = tmp_path / NAME
    assert _read(tmp_path, data) == [(2, "invalid_encoding", None), (3, None, "F1")]
    row = read_entity(tmp_path, FRANVARO).read_all().to_pylist()[0]
    assert row["_row_error_detail"] == "not valid utf-8 at byte 8"
    assert path.exists()


def test_latin1_file_reads_every_byte(tmp_path: Path) -> None:
    line = "V1;1;2024-01-15;202401;5020;21001;510;;;-1\xa0234,50;Lön \xff"
    data = (";".join(HUVUDBOK.columns) + "\n" + line + "\n").encode("latin-1")
    rows = read_entity_rows(tmp_path, data, "ekonomi/huvudbok_202401_20240205.csv", HUVUDBOK)
    assert rows[0]["text"] == "Lön \xff"
    assert rows[0]["belopp"] == "-1\xa0234,50"


def read_entity_rows(root: Path, data: bytes, name: str, entity: Entity) -> list[dict]:
    _read(root, data, name, entity)
    return read_entity(root, entity).read_all().to_pylist()


def test_quoted_semicolon(tmp_path: Path) -> None:
    data = HEADER + b'\nF1;A1;"Sjuk;""x""";2024-01-02;;50;N\n'
    rows = read_entity_rows(tmp_path, data, NAME, FRANVARO)
    assert (rows[0]["_row_error"], rows[0]["orsak"]) == (None, 'Sjuk;"x"')


def test_unbalanced_quote_loses_only_its_line(tmp_path: Path) -> None:
    data = HEADER + b'\nF1;A1;"Sjuk;2024-01-02;2024-01-05;100;N\n' + GOOD + b"\n" + GOOD + b"\n"
    assert _read(tmp_path, data) == [(2, "unparseable_row", None), (3, None, "F1"),
                                      (4, None, "F1")]


def test_short_and_long_lines(tmp_path: Path) -> None:
    data = HEADER + b"\nF1;A1;Sjuk\n" + GOOD + b";extra\n" + GOOD + b"\n"
    rows = read_entity_rows(tmp_path, data, NAME, FRANVARO)
    assert [(r["_line_number"], r["_row_error"], r["_row_error_detail"]) for r in rows] == [
        (2, "wrong_field_count", "3 fields, expected 7"),
        (3, "wrong_field_count", "8 fields, expected 7"),
        (4, None, None),
    ]


def test_empty_line_mid_file_is_skipped_and_counted(tmp_path: Path) -> None:
    data = HEADER + b"\n" + GOOD + b"\n\r\n\n" + GOOD + b"\n\n"
    assert _read(tmp_path, data) == [(2, None, "F1"), (5, None, "F1")]


def test_header_only_file(tmp_path: Path) -> None:
    assert _read(tmp_path, HEADER + b"\r\n") == []


def test_bad_header(tmp_path: Path) -> None:
    data = HEADER.replace(b"orsak", b"reason") + b"\n" + GOOD + b"\n\n" + GOOD + b"\n"
    assert _read(tmp_path, data) == [(2, "bad_header", None), (4, "bad_header", None)]


def _reference(path: Path, entity: Entity) -> list[tuple]:
    """The per-line reader the native path replaced (header assumed good)."""
    rows = []
    for number, raw in list(_lines(path))[1:]:
        try:
            text = raw.decode(entity.encoding)
        except UnicodeDecodeError:
            rows.append((number, "invalid_encoding", None))
            continue
        fields = _split(text)
        if fields is None:
            rows.append((number, "unparseable_row", None))
        elif len(fields) != len(entity.columns):
            rows.append((number, "wrong_field_count", None))
        else:
            rows.append((number, None, tuple(fields)))
    return rows


@pytest.mark.parametrize("seed", range(5))
def test_random_lines_match_the_per_line_reference(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    alphabet = [b"a", b";", b'"', b'""', b"\r", b"\n", b"\r\n", b"\xe4", b"\xc3\xa4", b" ", b"\x00"]
    fields = [b"".join(rng.choice(alphabet[:-4] if rng.random() < 0.8 else alphabet)
                       for _ in range(rng.randint(0, 4))) for _ in range(3000)]
    # Mostly six fields a line (the entity's width), so that many lines are good rows.
    body = b"".join(field + (b";" if rng.random() < 0.83 else b"\n") for field in fields)
    entity = entity_by_table("scb__befolkning")
    path = tmp_path / "scb/befolkning_2024.csv"
    path.parent.mkdir(parents=True)
    path.write_bytes(";".join(entity.columns).encode() + b"\n" + body)
    got = [(r["_line_number"], r["_row_error"],
            None if r["_row_error"] else tuple(r[c] for c in entity.columns))
           for r in read_entity(tmp_path, entity).read_all().to_pylist()]
    assert sorted(got, key=lambda r: r[0]) == _reference(path, entity)
