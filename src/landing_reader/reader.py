"""Read a landing entity's delivery files as Arrow record batches, one row per data line.

Every column is text: parsing and validation happen in dbt staging, where they are tested.
The reader only does what SQL over a typed source cannot: decode each line in its file's
encoding, split it on `;` honouring quotes, and tell which line of which file each row came
from. A line it cannot read still becomes a row, with `_row_error` saying why.

No Python loop runs per line: numpy cuts each file into lines (`lines.py`) and an embedded
DuckDB decodes and splits them (`native.py`). Python reads only file names, header lines
and the rare lines that are not valid UTF-8 (to say at which byte). The output is Arrow, so
any engine's loader can use it.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pyarrow as pa

from landing_reader.entities import Entity, delivered_on
from landing_reader.lines import BOM, Lines, data_lines, read_lines
from landing_reader.native import FileMeta, parse_lines

__all__ = ["BOM", "META_COLUMNS", "data_lines", "read_entity", "read_file", "schema"]

META_COLUMNS = (
    "_source_file",
    "_line_number",
    "_delivery_stamp",
    "_delivered_on",
    "_row_error",
    "_row_error_detail",
)
# Lines parsed per query: large enough that a query's fixed cost vanishes, small enough
# that the batch, its copy in the engine and the Arrow result fit a small machine.
BATCH_BYTES = 128 << 20


def schema(entity: Entity) -> pa.Schema:
    fields = [pa.field(name, pa.string()) for name in META_COLUMNS]
    fields[1] = pa.field("_line_number", pa.int64())
    fields += [pa.field(name, pa.string()) for name in entity.columns]
    return pa.schema(fields)


def delivery_files(landing_dir: Path, entity: Entity) -> list[Path]:
    return sorted(landing_dir.glob(entity.glob))


def _split(line: str) -> list[str] | None:
    """Split one line into fields; None when its quoting is broken (the header's rule)."""
    if '"' not in line:
        return line.split(";")
    try:
        fields = next(csv.reader([line], delimiter=";", quotechar='"', strict=True))
    except csv.Error:
        return None
    return fields


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """Yield (line number, raw bytes) per non-empty line; the header is line 1.

    The plain line walk, kept as the reference the vectorised split is tested against.
    """
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            raw = raw.rstrip(b"\n").rstrip(b"\r")
            if number == 1 and raw.startswith(BOM):
                raw = raw[len(BOM):]
            # An empty line holds no row (an exporter's trailing blank line); skip it.
            if raw:
                yield number, raw


def _header_error(entity: Entity, first_number: int, header: bytes) -> tuple[str, str] | None:
    if first_number != 1:
        return ("bad_header", "the first line is empty")
    try:
        names = _split(header.decode("utf-8"))  # read_lines gives UTF-8
    except UnicodeDecodeError:
        names = None
    if names is None or tuple(name.strip() for name in names) != entity.columns:
        return ("bad_header", "header does not match the entity's columns")
    return None


def read_file(landing_dir: Path, entity: Entity, path: Path) -> tuple[FileMeta, Lines] | None:
    """A file's meta data and data lines (the header cut off); None when it has no data."""
    source_file = path.relative_to(landing_dir).as_posix()
    stamp = entity.delivery_stamp(path.name)
    day = delivered_on(entity, stamp)
    lines = read_lines(path, entity.encoding)
    if len(lines) < 2:
        return None  # no lines, or a header only: a valid, empty delivery
    file_error = None
    if stamp is None or day is None:
        file_error = ("bad_file_name", f"file name does not match {entity.stamp_pattern}")
    file_error = file_error or _header_error(entity, int(lines.numbers[0]), lines.line(0))
    # The first non-empty line is taken as the header, even when it is not line 1.
    meta = FileMeta(source_file, stamp, day.isoformat() if day else None, file_error)
    return meta, lines.drop_first()


def read_entity(landing_dir: Path, entity: Entity) -> pa.RecordBatchReader:
    """All delivery files of one entity as a stream of record batches, parsed some files at
    a time (memory stays bounded by BATCH_BYTES, or the largest file)."""
    landing_dir = Path(landing_dir).resolve()
    arrow_schema = schema(entity)

    def parse(con: duckdb.DuckDBPyConnection, files: list) -> Iterator[pa.RecordBatch]:
        yield from parse_lines(con, entity, files, arrow_schema).to_batches()

    def batches() -> Iterator[pa.RecordBatch]:
        pending: list[tuple[FileMeta, Lines]] = []
        size = 0
        with duckdb.connect(config=engine_config()) as con:
            for path in delivery_files(landing_dir, entity):
                read = read_file(landing_dir, entity, path)
                if read is None:
                    continue
                pending.append(read)
                size += len(read[1].buf)
                if size >= BATCH_BYTES:
                    yield from parse(con, pending)
                    pending, size = [], 0
            if pending:
                yield from parse(con, pending)

    return pa.RecordBatchReader.from_batches(arrow_schema, batches())


def engine_config() -> dict[str, str | int]:
    """The embedded engine's settings: the build's thread count and a memory cap."""
    config: dict[str, str | int] = {"memory_limit": os.environ.get("READER_MEMORY_LIMIT", "1GB")}
    if threads := os.environ.get("DUCKDB_THREADS"):
        config["threads"] = int(threads)
    return config
