"""Write the landing zone as parquet for Spark, where dbt's sources point (schema `landing`).

On DuckDB the landing plugin streams the reader's rows into the warehouse while dbt runs;
on PostgreSQL load_postgres COPYs them to the server. Spark reads files, so here the same
reader (read_entity and the file inventory) writes one parquet folder per landing table:
the same rows, meta columns and read errors, and so the same quarantine, as on DuckDB.
Arrow batches go straight to parquet with pyarrow (no JVM, no row-by-row path); dbt's
on-run-start hook (macro register_landing_tables) registers each folder as the external
table landing.<system>__<entity>, and on-run-end empties and drops them again (they hold
raw personnummer, which may not outlive staging).

    python -m landing_reader.load_spark [--landing-dir DIR] [--out DIR]

--out defaults to $SPARK_DIR/landing. The new landing zone is written beside the old one
and swapped in at the end, so a failed load leaves the previous one (or none), never half.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from landing_reader.entities import ENTITIES
from landing_reader.inventory import inventory
from landing_reader.reader import read_entity

INVENTORY_TABLE = "files"
# One file per table; row groups of this many rows keep Spark's scan split into a few tasks.
ROW_GROUP_ROWS = 256 * 1024
PART_FILE = "part-00000.parquet"


def write_table(folder: Path, reader: pa.RecordBatchReader) -> int:
    """Write a stream of record batches as folder/part-00000.parquet; returns the rows.

    A table with no rows still gets a file with the schema: Spark needs one to know the
    columns of an entity that has no delivery yet.
    """
    folder.mkdir(parents=True, exist_ok=True)
    rows = 0
    with pq.ParquetWriter(folder / PART_FILE, reader.schema, compression="snappy") as writer:
        for batch in reader:
            if batch.num_rows:
                writer.write_batch(batch, row_group_size=ROW_GROUP_ROWS)
                rows += batch.num_rows
    return rows


def load(landing_dir: Path, out: Path, log=print) -> dict[str, int]:
    """Replace `out` with one parquet folder per landing table; returns rows per table."""
    landing_dir = Path(landing_dir)
    if not landing_dir.is_dir():
        raise FileNotFoundError(f"landing directory {landing_dir} does not exist (set LANDING_DIR)")
    out = Path(out)
    building = out.with_name(out.name + ".loading")
    shutil.rmtree(building, ignore_errors=True)
    counts: dict[str, int] = {}
    try:
        files = inventory(landing_dir)
        counts[INVENTORY_TABLE] = write_table(
            building / INVENTORY_TABLE,
            pa.RecordBatchReader.from_batches(files.schema, files.to_batches()))
        for entity in ENTITIES:
            started = time.perf_counter()
            counts[entity.table] = write_table(building / entity.table,
                                               read_entity(landing_dir, entity))
            log(f"  landing/{entity.table:<24} {counts[entity.table]:>10,} rows "
                f"{time.perf_counter() - started:6.1f} s")
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    shutil.rmtree(out, ignore_errors=True)
    building.rename(out)
    return counts


def default_out() -> Path:
    return Path(os.environ.get("SPARK_DIR", "warehouse/spark")) / "landing"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--landing-dir", type=Path,
                        default=Path(os.environ.get("LANDING_DIR", "data/landing")))
    parser.add_argument("--out", type=Path, default=None,
                        help="where the parquet folders go (default $SPARK_DIR/landing)")
    args = parser.parse_args(argv)
    out = args.out or default_out()
    started = time.perf_counter()
    counts = load(args.landing_dir, out)
    total = sum(v for k, v in counts.items() if k != INVENTORY_TABLE)
    print(f"Wrote {total:,} landing rows from {args.landing_dir} as parquet into {out} "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
