"""Planted bad input, so every quarantine rule of the platform has something to catch.

Each entity gets a FaultInjector with its own fault kinds. Faults are *extra* rows next
to a real row (a copy with a fresh key and one defect), except the duplicate-key fault,
which repeats the real row. Every kind is also forced once into one chosen delivery, so
even the smallest scale holds at least one of each.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from synthkoping import personnummer as pn
from synthkoping.common import Stats
from synthkoping.formats import Delivery, join

# A mutator gets (fields, rng) and returns new fields, or raw bytes for an encoding fault.
Mutator = Callable[[list[str], random.Random], "list[str] | bytes"]


class FaultInjector:
    def __init__(
        self,
        entity: str,
        rng: random.Random,
        rate: float,
        kinds: dict[str, Mutator],
        fresh_key: Callable[[list[str], str], list[str]] | None,
        stats: Stats,
    ) -> None:
        self.entity = entity
        self.rng = rng
        self.rate = rate
        self.kinds = kinds
        self.names = list(kinds)
        self.fresh_key = fresh_key
        self.stats = stats
        self._n = 0

    def _emit(self, out: Delivery, fields: list[str], kind: str) -> None:
        base = list(fields)
        if kind != "duplicate_key" and self.fresh_key is not None:
            self._n += 1
            base = self.fresh_key(base, f"F{self._n:05d}")
        result = self.kinds[kind](base, self.rng)
        if isinstance(result, bytes):
            out.raw(result)
        else:
            out.row(result)
        self.stats.add_fault(f"{self.entity}:{kind}")

    def maybe(self, out: Delivery, fields: list[str]) -> None:
        if self.rng.random() < self.rate:
            self._emit(out, fields, self.rng.choice(self.names))

    def emit_random(self, out: Delivery, fields: list[str]) -> None:
        """For callers that already drew the rate themselves (the hot loop)."""
        self._emit(out, fields, self.rng.choice(self.names))

    def force_all(self, out: Delivery, fields: list[str]) -> None:
        for kind in self.names:
            self._emit(out, fields, kind)


# ---- mutators shared by several entities -------------------------------------------


def set_field(i: int, value: str) -> Mutator:
    def mutate(f: list[str], rng: random.Random) -> list[str]:
        f[i] = value
        return f

    return mutate


def choose_field(i: int, values: list[str]) -> Mutator:
    def mutate(f: list[str], rng: random.Random) -> list[str]:
        f[i] = rng.choice(values)
        return f

    return mutate


def pnr_fault(i: int) -> Mutator:
    def mutate(f: list[str], rng: random.Random) -> list[str]:
        fn = rng.choice([pn.bad_check_digit, pn.impossible_date, pn.wrong_format])
        f[i] = fn(f[i])
        return f

    return mutate


def swap_dates(i_from: int, i_to: int) -> Mutator:
    """`till_datum` before `fran_datum`."""

    def mutate(f: list[str], rng: random.Random) -> list[str]:
        start = f[i_from] or f[i_to]
        f[i_from] = start
        y, m, d = start.split("-")
        f[i_to] = f"{int(y) - 1:04d}-{m}-{min(int(d), 28):02d}"
        return f

    return mutate


def too_many_fields(f: list[str], rng: random.Random) -> list[str]:
    return [*f, "extra"]


def too_few_fields(f: list[str], rng: random.Random) -> list[str]:
    return f[:-2]


def latin1_bytes(i: int, text: str) -> Mutator:
    """The row as a Latin-1 export would write it: `ä` becomes the lone byte 0xE4."""

    def mutate(f: list[str], rng: random.Random) -> bytes:
        f[i] = text
        return join(f).encode("latin-1")

    return mutate


def duplicate(f: list[str], rng: random.Random) -> list[str]:
    return f


BAD_DATES = ["2023-02-30", "2023/05/01", "2022-13-01", "31.12.2022"]
BAD_NUMBERS = ["7,5,0", "abc", "75%", "1O0,0"]
