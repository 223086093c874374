"""Population on 31 December by district, sex and single year of age (table 7.1).

Ages under 65 follow the band totals of table 7.1. Ages 65 and over are built from birth
cohorts: the number aged a in year t is proportional to the Swedish births of year t - a
times the chance of surviving from 65 to a. The small cohorts of the 1920s and 1930s die
out while the large ones of 1942-1948 turn 80, so the 80+ population grows about 3.5 % a
year in the 2020s and 65-79 shrinks a little, as SCB counts and projects (domain-facts
§7.1).
"""

from __future__ import annotations

import math
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
]
# The 65+ bands: their totals and age shape come from the cohorts below.
OLD_BANDS: list[tuple[int, int]] = [(65, 79), (80, 100)]

# Live births in Sweden by year, thousands, rounded [E] (after SCB's series "Levande
# födda 1749-"): the peaks of 1920-21 and 1942-48, the trough of 1933-35.
BIRTHS: dict[int, int] = {
    1905: 137, 1906: 136, 1907: 136, 1908: 138, 1909: 138, 1910: 136, 1911: 131, 1912: 126,
    1913: 123, 1914: 122, 1915: 115, 1916: 114, 1917: 113, 1918: 116, 1919: 108, 1920: 130,
    1921: 126, 1922: 115, 1923: 113, 1924: 106, 1925: 104, 1926: 100, 1927: 96, 1928: 95,
    1929: 91, 1930: 94, 1931: 90, 1932: 89, 1933: 85, 1934: 86, 1935: 86, 1936: 88,
    1937: 88, 1938: 93, 1939: 97, 1940: 96, 1941: 100, 1942: 113, 1943: 126, 1944: 134,
    1945: 136, 1946: 133, 1947: 128, 1948: 126, 1949: 121, 1950: 116, 1951: 111, 1952: 111,
    1953: 111, 1954: 105, 1955: 107, 1956: 108, 1957: 107, 1958: 106, 1959: 108, 1960: 102,
    1961: 105, 1962: 107, 1963: 113, 1964: 123, 1965: 123, 1966: 123, 1967: 121, 1968: 114,
    1969: 108, 1970: 110, 1971: 114, 1972: 112, 1973: 110, 1974: 110, 1975: 104,
}
OLDEST = 110  # the 100+ group sums ages 100..110
# Gompertz mortality from 65 [E]: 1 %/year at 65, doubling about every 6.5 years (about 5 %
# at 80, 14 % at 90, 40 % at 100), near Swedish life tables for both sexes together.
GOMPERTZ_A, GOMPERTZ_B = 0.0098, 0.107
# Table 7.1 anchor: 65+ on 31 December 2021 at scale 1 (21 450 aged 65-79 + 8 010 aged 80+).
ANCHOR_YEAR, ANCHOR_65_PLUS = 2021, 29460

_TILT = {
    "young": lambda a: 1.6 if 19 <= a <= 34 else (0.8 if a >= 65 else 0.9),
    "family": lambda a: 1.35 if a <= 15 or 30 <= a <= 45 else (0.8 if a >= 65 else 1.0),
    "old": lambda a: 1.45 if a >= 65 else (0.85 if a <= 34 else 1.0),
    "mixed": lambda a: 1.0,
}


def _survival_from_65(age: float) -> float:
    return math.exp(-GOMPERTZ_A / GOMPERTZ_B * (math.exp(GOMPERTZ_B * (age - 65)) - 1))


def _cohort_weight(year: int, age: int) -> float:
    """Relative number aged `age` (100 = 100+) on 31 December of `year`: births of the
    cohort times survival to mid-year of age. Years outside the table count 100 000."""
    ages = range(100, OLDEST + 1) if age == 100 else (age,)
    return sum(BIRTHS.get(year - a, 100) * _survival_from_65(a + 0.5) for a in ages)


def old_age_totals(year: int, scale: float) -> dict[tuple[int, int], float]:
    """(first age, last age) -> expected total of each 65+ band in `year`."""
    anchor = sum(_cohort_weight(ANCHOR_YEAR, a) for a in range(65, 101))
    k = ANCHOR_65_PLUS / anchor
    return {(lo, hi): k * scale * sum(_cohort_weight(year, a) for a in range(lo, hi + 1))
            for lo, hi in OLD_BANDS}


def _age_shape(age: int, year: int) -> float:
    """Relative size of one age year within its band."""
    if age >= 65:
        return _cohort_weight(year, age)
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
    year_index: int, year: int, scale: float, rng: random.Random
) -> dict[tuple[str, int, int], int]:
    """(district, kon, age) -> count; age 100 stands for 100+."""
    cells: dict[tuple[str, int, int], int] = {}
    old = old_age_totals(year, scale)
    bands = [(lo, hi, totals[min(year_index, len(totals) - 1)] * scale)
             for lo, hi, totals in BANDS] + [(lo, hi, old[(lo, hi)]) for lo, hi in OLD_BANDS]
    for lo, hi, total in bands:
        weights = {}
        for code, _name, size, profile in DISTRICTS:
            for age in range(lo, hi + 1):
                base = size * _TILT[profile](age) * _age_shape(age, year)
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
        cells = year_cells(yi, year, cfg.scale, rng)
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
