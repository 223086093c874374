"""Stream a landing entity's delivery files as Arrow record batches, one row per data line.

Every column is text: parsing and validation happen in dbt staging, where they are tested.
The reader only does what SQL cannot do reliably: decode each line in its file's encoding,
split it on `;` honouring quotes, and tell which line of which file each row came from.
A line it cannot read still becomes a row, with `_row_error` saying why.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from landing_reader.entities import Entity, delivered_on

BATCH_ROWS = 50_000
BOM = b"\xef\xbb\xbf"
META_COLUMNS = (
    "_source_file",
    "_line_number",
    "_delivery_stamp",
    "_delivered_on",
    "_row_error",
    "_row_error_detail",
)


def schema(entity: Entity) -> pa.Schema:
    fields = [pa.field(name, pa.string()) for name in META_COLUMNS]
    fields[1] = pa.field("_line_number", pa.int64())
    fields += [pa.field(name, pa.string()) for name in entity.columns]
    return pa.schema(fields)


def delivery_files(landing_dir: Path, entity: Entity) -> list[Path]:
    return sorted(landing_dir.glob(entity.glob))


def _split(line: str) -> list[str] | None:
    """Split one line into fields; None when its quoting is broken."""
    if '"' not in line:
        return line.split(";")
    try:
        fields = next(csv.reader([line], delimiter=";", quotechar='"', strict=True))
    except csv.Error:
        return None
    return fields


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Yield (line number, raw bytes) per non-empty line; the header is line 1."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            raw = raw.rstrip(b"\n").rstrip(b"\r")
            if number == 1 and raw.startswith(BOM):
                raw = raw[len(BOM):]
            # An empty line holds no row (an exporter's trailing blank line); skip it.
            if raw:
                yield number, raw


def data_lines(path: Path, chunk_bytes: int = 1 << 24) -> int:
    """How many rows the reader makes of a file: its non-empty lines after the header.

    Counted apart from `_lines` (in large chunks, so it is fast) to check the reader.
    """
    non_empty = 0
    with path.open("rb") as handle:
        carry = handle.read(len(BOM))
        if carry == BOM:
            carry = b""
        while chunk := handle.read(chunk_bytes):
            lines = (carry + chunk).split(b"\n")
            carry = lines.pop()
            non_empty += sum(1 for line in lines if line.rstrip(b"\r"))
    if carry.rstrip(b"\r"):
        non_empty += 1
    return max(non_empty - 1, 0)


def read_file(landing_dir: Path, entity: Entity, path: Path) -> Iterator[tuple]:
    """Yield one tuple per data line: the meta columns, then the entity's columns."""
    source_file = path.relative_to(landing_dir).as_posix()
    stamp = entity.delivery_stamp(path.name)
    day = delivered_on(entity, stamp)
    day_text = day.isoformat() if day else None
    width = len(entity.columns)
    empty = (None,) * width
    lines = _lines(path)

    file_error: tuple[str, str] | None = None
    if stamp is None or day is None:
        file_error = ("bad_file_name", f"file name does not match {entity.stamp_pattern}")
    header = next(lines, None)
    if header is None:
        return
    header_number, header_bytes = header
    if header_number != 1:
        file_error = file_error or ("bad_header", "the first line is empty")
    else:
        try:
            names = _split(header_bytes.decode(entity.encoding))
        except UnicodeDecodeError:
            names = None
        if names is None or tuple(name.strip() for name in names) != entity.columns:
            file_error = file_error or ("bad_header", "header does not match the entity's columns")

    for number, raw in lines:
        meta = (source_file, number, stamp, day_text)
        if file_error:
            yield (*meta, *file_error, *empty)
            continue
        try:
            text = raw.decode(entity.encoding)
        except UnicodeDecodeError as exc:
            yield (*meta, "invalid_encoding", f"not valid {entity.encoding} at byte {exc.start}",
                   *empty)
            continue
        fields = _split(text)
        if fields is None:
            yield (*meta, "unparseable_row", "unbalanced quotes", *empty)
        elif len(fields) != width:
            yield (*meta, "wrong_field_count", f"{len(fields)} fields, expected {width}", *empty)
        else:
            yield (*meta, None, None, *fields)


def read_entity(landing_dir: Path, entity: Entity) -> pa.RecordBatchReader:
    """All delivery files of one entity as a stream of record batches (memory stays bounded)."""
    landing_dir = Path(landing_dir).resolve()
    arrow_schema = schema(entity)

    def batches() -> Iterator[pa.RecordBatch]:
        rows: list[tuple] = []
        for path in delivery_files(landing_dir, entity):
            for row in read_file(landing_dir, entity, path):
                rows.append(row)
                if len(rows) >= BATCH_ROWS:
                    yield _batch(rows, arrow_schema)
                    rows = []
        if rows:
            yield _batch(rows, arrow_schema)

    return pa.RecordBatchReader.from_batches(arrow_schema, batches())


def _batch(rows: list[tuple], arrow_schema: pa.Schema) -> pa.RecordBatch:
    columns = list(zip(*rows, strict=True))
    return pa.RecordBatch.from_arrays(
        [pa.array(col, type=field.type) for col, field in zip(columns, arrow_schema, strict=True)],
        schema=arrow_schema,
    )
