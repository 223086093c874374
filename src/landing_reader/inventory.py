"""The landing zone's file inventory: every file, whether the contract knows it, its size
and how many data lines it holds. A delivery with no rows, or a file no entity claims,
would otherwise leave no trace in the warehouse."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

import pyarrow as pa

from landing_reader.entities import ENTITIES, Entity, delivered_on
from landing_reader.reader import data_lines

SCHEMA = pa.schema([
    pa.field("source_file", pa.string()),
    pa.field("source_system", pa.string()),
    pa.field("entity", pa.string()),
    pa.field("delivery_stamp", pa.string()),
    pa.field("delivered_on", pa.string()),
    pa.field("file_status", pa.string()),
    pa.field("size_bytes", pa.int64()),
    pa.field("data_lines", pa.int64()),
])


def _entity_of(relative: str) -> Entity | None:
    for entity in ENTITIES:
        if fnmatch(relative, entity.glob):
            return entity
    return None


def inventory(landing_dir: Path) -> pa.Table:
    """One row per file below the landing root (hidden files such as .DS_Store left out)."""
    landing_dir = Path(landing_dir).resolve()
    rows = []
    for path in sorted(landing_dir.rglob("*")):
        relative = path.relative_to(landing_dir).as_posix()
        if not path.is_file() or any(part.startswith(".") for part in relative.split("/")):
            continue
        system = relative.split("/")[0] if "/" in relative else "root"
        entity = _entity_of(relative)
        if entity is None:
            rows.append((relative, system, None, None, None, "unrecognised_file",
                         path.stat().st_size, None))
            continue
        stamp = entity.delivery_stamp(path.name)
        day = delivered_on(entity, stamp)
        status = "ok" if day else "bad_file_name"
        rows.append((relative, system, entity.name, stamp, day.isoformat() if day else None,
                     status, path.stat().st_size, data_lines(path)))
    columns = list(zip(*rows, strict=True)) if rows else [[] for _ in SCHEMA]
    return pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, SCHEMA,
                                                                         strict=True)],
                                schema=SCHEMA)
