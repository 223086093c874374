"""Home care (hemtjänst): planned and performed visits, one delivery per month.

This is the big entity (~2 M visits a year at scale 1.0). The recipient roster is small
and built first; each month is then generated independently from (seed, month), so months
can run in parallel processes and rows are streamed straight to the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from synthkoping import faults as ft
from synthkoping import personnummer as pn
from synthkoping.common import Config, Stats, month_end, months, rng_for, scaled
from synthkoping.formats import Delivery
from synthkoping.population import old_age_totals

HEADER = ["besok_id", "brukare_personnummer", "personal_id", "insatstyp", "planerad_start",
          "utford_start", "utford_slut"]
AREAS = 5
OMV, TILL, MAT, SERV, DUSCH = ("Personlig omvårdnad", "Tillsyn", "Matdistribution", "Service",
                               "Dusch")
# Care levels: daily (minute of day, insatstyp, minutes); about 2 visits per recipient-day.
LEVELS: list[list[tuple[int, str, int]]] = [
    [],
    [(480, OMV, 30)],
    [(480, OMV, 35), (1170, TILL, 15)],
    [(450, OMV, 40), (720, MAT, 10), (900, TILL, 15), (1200, OMV, 30)],
    [(420, OMV, 45), (630, TILL, 15), (720, MAT, 10), (960, TILL, 15), (1200, OMV, 35),
     (1380, TILL, 10)],
]
LEVEL_WEIGHTS = [30, 25, 23, 15, 7]
HHMM = [f"{h:02d}:{m:02d}" for h in range(24) for m in range(60)]


@dataclass(frozen=True)
class Recipient:
    pnr12: str
    birth: date
    start: date
    end: date
    level: int
    area: int
    offset: int  # personal shift of planned times, minutes
    service_day: int
    core: tuple[str, ...]


def staff_pool(area: int, scale: float) -> list[str]:
    size = scaled(150, scale, 20)
    return [f"P{area}{i:04d}" for i in range(size)]


def roster(cfg: Config) -> list[Recipient]:
    rng = rng_for(cfg.seed, "homecare-roster")
    first, last = cfg.first_day, cfg.last_day
    stock = scaled(3000, cfg.scale, 25)
    pools = [staff_pool(a, cfg.scale) for a in range(AREAS)]
    people: list[Recipient] = []

    def add(start: date, end: date) -> None:
        age = 50 + rng.randint(0, 14) if rng.random() < 0.04 else (
            100 + rng.randint(0, 4) if rng.random() < 0.015 else int(rng.triangular(65, 100, 87)))
        birth = start - timedelta(days=age * 365 + rng.randint(0, 364))
        female = rng.random() < 0.64
        area = rng.randrange(AREAS)
        level = rng.choices(range(len(LEVELS)), LEVEL_WEIGHTS)[0]
        core = tuple(rng.sample(pools[area], min(len(pools[area]), rng.randint(5, 8))))
        people.append(Recipient(pn.make(rng, birth, female, samordning=rng.random() < 0.003),
                                birth, start, end, level, area, rng.randint(-30, 30),
                                rng.randrange(5), core))

    for _ in range(stock):
        add(first - timedelta(days=rng.randint(30, 1500)),
            first + timedelta(days=int(rng.expovariate(1 / 900))))
    # New recipients follow the 80+ population: the care need grows as the town ages.
    base_80 = old_age_totals(cfg.start_year, 1.0)[(80, 100)]
    for y, m in months(cfg.start_year, cfg.end_year):
        ageing = old_age_totals(y, 1.0)[(80, 100)] / base_80
        for _ in range(round(stock / 30 * rng.uniform(0.8, 1.2) * ageing)):
            start = date(y, m, rng.randint(1, month_end(y, m).day))
            add(start, start + timedelta(days=int(rng.expovariate(1 / 900))))
    return [p for p in people if p.end >= first and p.start <= last]


_ROSTER: list[Recipient] = []


def _hundredth_birthday(birth: date) -> date:
    try:
        return birth.replace(year=birth.year + 100)
    except ValueError:  # 29 February
        return date(birth.year + 100, 3, 1)


def _faults(cfg: Config, y: int, m: int, stats: Stats) -> ft.FaultInjector:
    def fresh(f: list[str], key: str) -> list[str]:
        f[0] = f"B{y}{m:02d}9{key[1:]}"
        return f

    def bad_ts(f: list[str], r) -> list[str]:
        day = f[4][:10]
        f[5] = r.choice([f"{day} 25:61", f"{day}T08:00", f"{day[8:10]}/{day[5:7]}/{day[:4]}"])
        return f

    kinds: dict[str, ft.Mutator] = {
        "pnr_check_digit": lambda f, r: [f[0], pn.bad_check_digit(f[1]), *f[2:]],
        "pnr_impossible_date": lambda f, r: [f[0], pn.impossible_date(f[1]), *f[2:]],
        "pnr_wrong_format": lambda f, r: [f[0], pn.wrong_format(f[1]), *f[2:]],
        "bad_timestamp": bad_ts,
        "bad_date": ft.set_field(4, f"{y}-02-30 08:00"),
        "duplicate_key": ft.duplicate,
        "invalid_encoding": ft.latin1_bytes(3, OMV),
        "too_many_fields": ft.too_many_fields,
        "too_few_fields": ft.too_few_fields,
    }
    return ft.FaultInjector("omsorg/besok", rng_for(cfg.seed, "homecare-faults", y, m), 0.0001,
                            kinds, fresh, stats)


def write_month(cfg: Config, y: int, m: int) -> tuple[Stats, list[str]]:
    """Write omsorg/besok_<y>-<m>.csv; return stats and next month's correction lines."""
    rng = rng_for(cfg.seed, "homecare", y, m)
    stats = Stats()
    faults = _faults(cfg, y, m, stats)
    force = (y, m) == (cfg.start_year + min(1, cfg.end_year - cfg.start_year), 3)
    pools = [staff_pool(a, cfg.scale) for a in range(AREAS)]
    d0, d1 = date(y, m, 1), month_end(y, m)
    days = [(d0 + timedelta(days=i)) for i in range(d1.day)]
    day_str = [d.isoformat() for d in days]
    corrections: list[str] = []
    n = 0
    rnd = rng.random
    randrange = rng.randrange
    with Delivery(cfg.out, f"omsorg/besok_{y}-{m:02d}.csv", HEADER, kind="omsorg/besok",
                  stats=stats, bom=True) as out:
        for p in _ROSTER:
            if p.end < d0 or p.start > d1:
                continue
            pool = pools[p.area]
            core = p.core
            hundred = _hundredth_birthday(p.birth)
            ten_minus = p.pnr12[2:8] + "-" + p.pnr12[9:]
            ten_plus = p.pnr12[2:8] + "+" + p.pnr12[9:]
            daily = LEVELS[p.level]
            for i, d in enumerate(days):
                if d < p.start or d > p.end:
                    continue
                wd = d.weekday()
                slots = list(daily)
                if wd == p.service_day:
                    slots.append((600, SERV, 60))
                if p.level < 4 and wd == (p.service_day + 2) % 7:
                    slots.append((630, DUSCH, 45))
                pnr = ten_plus if d >= hundred else ten_minus
                ds = day_str[i]
                for minute, insats, dur in slots:
                    n += 1
                    planned = min(1439, max(0, minute + p.offset + randrange(-10, 11)))
                    staff = core[randrange(len(core))] if rnd() < 0.65 else pool[
                        randrange(len(pool))]
                    bid = f"B{y}{m:02d}{n:07d}"
                    if rnd() < 0.02:
                        line = f"{bid};{pnr};{staff};{insats};{ds} {HHMM[planned]};;"
                    else:
                        start = min(1439, max(0, planned + int(rng.gauss(3, 8))))
                        end = min(1439, start + max(3, int(dur * (0.7 + 0.7 * rnd()))))
                        line = (f"{bid};{pnr};{staff};{insats};{ds} {HHMM[planned]};"
                                f"{ds} {HHMM[start]};{ds} {HHMM[end]}")
                        if rnd() < 0.0005:
                            later = min(1439, end + randrange(5, 46))
                            corrections.append(line[: -5] + HHMM[later])
                    out.line(line)
                    if force and n == 1:
                        faults.force_all(out, line.split(";"))
                    elif rnd() < faults.rate:
                        faults.emit_random(out, line.split(";"))
    return stats, corrections


def append_corrections(cfg: Config, y: int, m: int, lines: list[str], stats: Stats) -> None:
    """Corrected visits of the previous month, re-delivered at the end of this month's file."""
    if not lines:
        return
    path: Path = cfg.out / f"omsorg/besok_{y}-{m:02d}.csv"
    with open(path, "ab") as fh:
        fh.write(("\n".join(lines) + "\n").encode("utf-8"))
    stats.add("omsorg/besok", 0, len(lines))
