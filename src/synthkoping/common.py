"""Shared helpers: seeded randomness, calendar arithmetic, run configuration."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path


def rng_for(seed: int, *parts: object) -> random.Random:
    # sha256 rather than hash(): str hashing is salted per process, which would break
    # byte-identical output across runs and across worker processes.
    key = "|".join([str(seed), *map(str, parts)]).encode()
    return random.Random(int.from_bytes(hashlib.sha256(key).digest()[:8], "big"))


def scaled(value: float, scale: float, minimum: int = 0) -> int:
    return max(minimum, round(value * scale))


def month_start(year: int, month: int) -> date:
    return date(year, month, 1)


def month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)


def add_months(d: date, n: int) -> date:
    # Clamped to month end, the same rule as the KPI definition of the 4-month guarantee.
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, month_end(year, month).day))


def months(start_year: int, end_year: int) -> list[tuple[int, int]]:
    return [(y, m) for y in range(start_year, end_year + 1) for m in range(1, 13)]


def next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def delivery_day(year: int, month: int, day: int) -> date:
    """The delivery date in the month after (year, month)."""
    y, m = next_month(year, month)
    return date(y, m, day)


def age_on(birth: date, d: date) -> int:
    return d.year - birth.year - ((d.month, d.day) < (birth.month, birth.day))


def random_date(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randint(0, max(0, (end - start).days)))


@dataclass
class Config:
    out: Path
    scale: float = 0.02
    seed: int = 42
    start_year: int = 2021
    end_year: int = 2025
    jobs: int = 1

    @property
    def first_day(self) -> date:
        return date(self.start_year, 1, 1)

    @property
    def last_day(self) -> date:
        return date(self.end_year, 12, 31)


@dataclass
class Stats:
    """Files and rows written per file kind (e.g. `hr/franvaro`)."""

    files: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    faults: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, files: int, rows: int) -> None:
        self.files[kind] = self.files.get(kind, 0) + files
        self.rows[kind] = self.rows.get(kind, 0) + rows

    def add_fault(self, name: str, n: int = 1) -> None:
        self.faults[name] = self.faults.get(name, 0) + n

    def merge(self, other: Stats) -> None:
        for k in other.files:
            self.add(k, other.files[k], other.rows[k])
        for k, v in other.faults.items():
            self.add_fault(k, v)
