"""Population on 31 December by district, sex and single year of age (table 7.1)."""

from __future__ import annotations

import random

from synthkoping.common import Config, Stats, rng_for
from synthkoping.formats import Delivery

HEADER = ["ar", "distrikt_kod", "distrikt_namn", "kon", "alder", "antal"]

# (code, name, size weight, profile). Profiles tilt the age mix: families in the suburbs,
# young adults in the centre, older people in the villa areas and the countryside.
DISTRICTS = [
    ("D01", "Centrum", 1.30, "young"),
    ("D02", "Norrmalm", 1.10, "mixed"),
    ("D03", "Söderstaden", 1.15, "young"),
    ("D04", "Östermalm", 0.95, "old"),
    ("D05", "Västerby", 1.00, "family"),
    ("D06", "Ekbacken", 0.90, "family"),
    ("D07", "Hageby", 1.05, "family"),
    ("D08", "Skogsås", 0.80, "old"),
    ("D09", "Strandvik", 0.85, "mixed"),
    ("D10", "Landsbygden", 0.70, "old"),
]
DISTRICT_CODES = [d[0] for d in DISTRICTS]

# Table 7.1, scale 1.0: (first age, last age) -> totals 2021..2025.
BANDS: list[tuple[int, int, list[int]]] = [
    (0, 0, [1500, 1510, 1515, 1520, 1530]),
    (1, 5, [7580, 7615, 7650, 7685, 7715]),
    (6, 15, [16445, 16525, 16605, 16675, 16745]),
    (16, 18, [5005, 5030, 5055, 5075, 5095]),
    (19, 64, [83010, 83420, 83830, 84175, 84520]),
    (65, 79, [21450, 21555, 21660, 21750, 21840]),
    (80, 100, [8010, 8045, 8085, 8120, 8155]),
]

_TILT = {
    "young": lambda a: 1.6 if 19 <= a <= 34 else (0.8 if a >= 65 else 0.9),
    "family": lambda a: 1.35 if a <= 15 or 30 <= a <= 45 else (0.8 if a >= 65 else 1.0),
    "old": lambda a: 1.45 if a >= 65 else (0.85 if a <= 34 else 1.0),
    "mixed": lambda a: 1.0,
}


def _age_shape(age: int) -> float:
    """Relative size of one age year within its band."""
    if age >= 80:
        return 0.86 ** (age - 80) * (0.6 if age == 100 else 1.0)  # 100 = the 100+ group
    if age >= 65:
        return 1.0 - (age - 65) * 0.03
    if 19 <= age <= 64:
        return 1.0 + 0.25 * (1 - abs(age - 35) / 30)
    return 1.0


def _male_share(age: int) -> float:
    if age < 65:
        return 0.51
    if age < 80:
        return 0.48
    return max(0.2, 0.44 - (age - 80) * 0.012)  # women ~57-60 % of 80+


def year_cells(
    year_index: int, scale: float, rng: random.Random
) -> dict[tuple[str, int, int], int]:
    """(district, kon, age) -> count; age 100 stands for 100+."""
    cells: dict[tuple[str, int, int], int] = {}
    for lo, hi, totals in BANDS:
        total = totals[min(year_index, len(totals) - 1)] * scale
        weights = {}
        for code, _name, size, profile in DISTRICTS:
            for age in range(lo, hi + 1):
                base = size * _TILT[profile](age) * _age_shape(age)
                weights[(code, 1, age)] = base * _male_share(age)
                weights[(code, 2, age)] = base * (1 - _male_share(age))
        norm = total / sum(weights.values())
        for key, w in weights.items():
            x = w * norm
            # Stochastic rounding keeps small scales unbiased without a cell of 0.4 people.
            cells[key] = int(x) + (1 if rng.random() < x - int(x) else 0)
    return cells


def write(cfg: Config, stats: Stats) -> None:
    names = {c: n for c, n, _s, _p in DISTRICTS}
    for yi, year in enumerate(range(cfg.start_year, cfg.end_year + 1)):
        rng = rng_for(cfg.seed, "population", year)
        cells = year_cells(yi, cfg.scale, rng)
        with Delivery(
            cfg.out, f"scb/befolkning_{year}.csv", HEADER, kind="scb/befolkning", stats=stats
        ) as out:
            for code in DISTRICT_CODES:
                for kon in (1, 2):
                    for age in range(0, 101):
                        label = "100+" if age == 100 else str(age)
                        out.row([str(year), code, names[code], str(kon), label,
                                 str(cells[(code, kon, age)])])
            if yi == min(2, cfg.end_year - cfg.start_year):
                # SCB never sends kon 3: a hand-edited extract did.
                out.row([str(year), "D05", names["D05"], "3", "44", "1"])
                stats.add_fault("scb/befolkning:unknown_enum")
