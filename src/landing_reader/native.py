"""Decode and split a file's lines inside DuckDB: vectorised, in parallel, no Python per line.

The rules are those of a `;`-separated file quoted as Excel writes it, and they match
Python's `csv` module in strict mode line by line (tests/python/test_native_reader.py
checks this on random input): a field that starts with `"` is quoted, a `"` inside it is
doubled, and the closing `"` is followed by `;` or the end of the line; a `"` later in an
unquoted field is an ordinary character. A line whose quoting breaks these rules is
`unparseable_row`; it never swallows the lines after it, because each line is split alone.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from landing_reader.entities import Entity
from landing_reader.lines import Lines

# One field: quoted (doubled quotes inside, may hold `;`), or unquoted (no `;`, no `\r`,
# not starting with `"`), or empty. Python's csv rejects a `\r` outside quotes mid-line.
_FIELD = r'"(?:[^"]|"")*"|[^;"\r][^;\r]*|'
_LINE = rf"(?:{_FIELD})(?:;(?:{_FIELD}))*"

_SQL = """
with

decoded as (
    select
        file,
        n,
        -- A line's value carries its terminator (lines.py): cut it after decoding. A regex,
        -- because DuckDB's rtrim with a character set costs 4 times as much (7 CPU-s for the
        -- 11 M visit lines); RE2's `$` is the end of the text only.
        regexp_replace(try(decode(line)), '[\\r\\n]+$', '') as text
    from lines
),

split as (
    select
        file,
        n,
        text,
        case
            when text is null then null
            -- Most lines hold no quote: a plain split is exact for them.
            when not contains(text, '"') then string_split(text, ';')
            when regexp_full_match(text, {line_pattern}) then list_transform(
                -- Each field followed by `;` (one appended): every match is non-empty.
                regexp_extract_all(text || ';', {field_pattern}, 1),
                lambda f: case
                    when starts_with(f, '"') then replace(f[2:-2], '""', '"')
                    else f
                end
            )
        end as fields
    from decoded
),

checked as (
    select
        file,
        n,
        fields,
        case
            when text is null then 'invalid_encoding'
            when fields is null then 'unparseable_row'
            when len(fields) <> {width} then 'wrong_field_count'
        end as row_error,
        case
            when text is null then null  -- filled in later, with the byte position
            when fields is null then 'unbalanced quotes'
            when len(fields) <> {width}
                then cast(len(fields) as varchar) || ' fields, expected {width}'
        end as row_error_detail
    from split
)

select
    file,
    n as _line_number,
    row_error as _row_error,
    row_error_detail as _row_error_detail,
    {columns}
from checked
"""


@dataclass(frozen=True)
class FileMeta:
    """What the file name and header tell about one file, for each of its rows."""

    source_file: str
    stamp: str | None
    day: str | None
    file_error: tuple[str, str] | None


def parse_lines(
    con: duckdb.DuckDBPyConnection,
    entity: Entity,
    files: list[tuple[FileMeta, Lines]],
    arrow_schema: pa.Schema,
) -> pa.Table:
    """Rows of the reader's schema for the data lines of some files of one entity.

    One query for many files: a query costs tens of milliseconds however small its input.
    """
    good = [(meta, lines) for meta, lines in files if meta.file_error is None]
    tables = [_rejected_file(meta, lines, arrow_schema) for meta, lines in files
              if meta.file_error is not None]
    if good:
        tables.append(_parse(con, entity, good, arrow_schema))
    return pa.concat_tables(tables)


def _parse(
    con: duckdb.DuckDBPyConnection,
    entity: Entity,
    files: list[tuple[FileMeta, Lines]],
    arrow_schema: pa.Schema,
) -> pa.Table:
    columns = ",\n    ".join(
        f'case when row_error is null then fields[{i}] end as "{name}"'
        for i, name in enumerate(entity.columns, start=1)
    )
    line_table = pa.concat_tables(
        pa.table({
            "file": np.full(len(lines), index, dtype=np.int32),
            "n": lines.numbers,
            "line": lines.column(),
        })
        for index, (_, lines) in enumerate(files)
    )
    # Patterns as literals, not parameters: a constant pattern is compiled once.
    sql = _SQL.format(columns=columns, width=len(entity.columns),
                      line_pattern=_literal(_LINE), field_pattern=_literal(f"({_FIELD});"))
    cursor = con.cursor()
    try:
        cursor.register("lines", line_table)
        table = cursor.sql(sql).to_arrow_table()
    finally:
        cursor.close()
    table = _with_encoding_details(table, entity, files)
    # The file's own columns, looked up by file index (vectorised, no join in the query).
    file_index = table["file"]
    table = table.drop_columns(["file"])
    for name, values in [
        ("_source_file", [meta.source_file for meta, _ in files]),
        ("_delivery_stamp", [meta.stamp for meta, _ in files]),
        ("_delivered_on", [meta.day for meta, _ in files]),
    ]:
        column = pc.take(pa.array(values, pa.string()), file_index)
        table = table.append_column(name, column)
    return table.select(arrow_schema.names).cast(arrow_schema)


def _rejected_file(meta: FileMeta, lines: Lines, arrow_schema: pa.Schema) -> pa.Table:
    """Every data line of a rejected file (bad name or header) as a row with the error."""
    n = len(lines)
    assert meta.file_error is not None
    values = {
        "_source_file": meta.source_file,
        "_delivery_stamp": meta.stamp,
        "_delivered_on": meta.day,
        "_row_error": meta.file_error[0],
        "_row_error_detail": meta.file_error[1],
    }
    columns = []
    for field in arrow_schema:
        if field.name == "_line_number":
            columns.append(pa.array(lines.numbers, pa.int64()))
        else:
            columns.append(pa.repeat(pa.scalar(values.get(field.name), pa.string()), n))
    return pa.Table.from_arrays(columns, schema=arrow_schema)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _with_encoding_details(
    table: pa.Table, entity: Entity, files: list[tuple[FileMeta, Lines]]
) -> pa.Table:
    """Say at which byte each invalid line breaks its encoding (Python, bad lines only)."""
    bad = pc.and_(pc.equal(table["_row_error"], "invalid_encoding"),
                  pc.is_null(table["_row_error_detail"]))
    bad = pc.fill_null(bad, False)
    if not pc.any(bad).as_py():
        return table
    details = []
    for file, number in zip(pc.filter(table["file"], bad).to_pylist(),
                            pc.filter(table["_line_number"], bad).to_pylist(), strict=True):
        lines = files[file][1]
        try:
            lines.line(int(np.searchsorted(lines.numbers, number))).decode("utf-8")
            details.append(None)
        except UnicodeDecodeError as exc:
            details.append(f"not valid {entity.encoding} at byte {exc.start}")
    column = table.schema.get_field_index("_row_error_detail")
    filled = pc.replace_with_mask(table["_row_error_detail"].combine_chunks(),
                                  bad.combine_chunks(), pa.array(details, pa.string()))
    return table.set_column(column, "_row_error_detail", filled)
