"""Service systems: building permits (bygglov) and preschool applications (förskola).

Both are small entities (a few thousand cases a year), so cases are built up front and
delivered monthly: each delivery holds the cases that arrived or changed that month, in
the state they had at month end.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from synthkoping import faults as ft
from synthkoping import personnummer as pn
from synthkoping.common import (
    Config,
    Stats,
    add_months,
    delivery_day,
    month_end,
    months,
    random_date,
    rng_for,
    scaled,
)
from synthkoping.formats import Delivery
from synthkoping.population import DISTRICTS

BYGG_HEADER = ["diarienummer", "arendetyp", "inkom_datum", "komplett_datum", "beslut_datum",
               "beslut", "distrikt_kod"]
FSK_HEADER = ["ansokan_id", "barn_personnummer", "ansokningsdatum", "onskat_startdatum",
              "erbjudet_datum", "status", "distrikt_kod"]

ARENDETYPER = [("Nybyggnad", 30), ("Tillbyggnad", 25), ("Ändrad användning", 8),
               ("Fasadändring", 10), ("Rivning", 5), ("Marklov", 5),
               ("Strandskyddsdispens", 4), ("Skylt", 8), ("Förhandsbesked", 5)]
BYGG_SEASON = {1: 0.6, 2: 0.75, 3: 1.2, 4: 1.45, 5: 1.45, 6: 1.2, 7: 0.7, 8: 1.0, 9: 1.1,
               10: 1.0, 11: 0.85, 12: 0.6}
FSK_SEASON = {1: 1.5, 2: 1.5, 3: 1.4, 4: 1.2, 5: 0.9, 6: 0.7, 7: 0.5, 8: 0.9, 9: 1.0, 10: 1.0,
              11: 0.8, 12: 0.6}
FAMILY_DISTRICTS = {"D05": 1.5, "D06": 1.4, "D07": 1.5}


def _iso(d: date | None) -> str:
    return d.isoformat() if d else ""


def _monthly_counts(rng: random.Random, per_year: int, season: dict[int, float],
                    cfg: Config) -> list[tuple[int, int, int]]:
    mean = sum(season.values()) / 12
    out = []
    for y, m in months(cfg.start_year, cfg.end_year):
        expected = per_year / 12 * season[m] / mean
        out.append((y, m, int(expected) + (1 if rng.random() < expected % 1 else 0)))
    return out


def _district(rng: random.Random, family: bool) -> str:
    codes = [d[0] for d in DISTRICTS]
    weights = [d[2] * (FAMILY_DISTRICTS.get(d[0], 1.0) if family else 1.0) for d in DISTRICTS]
    return rng.choices(codes, weights)[0]


# ---- bygglov ------------------------------------------------------------------------


@dataclass
class Case:
    dnr: str
    typ: str
    inkom: date
    komplett: date | None
    beslut_datum: date | None
    beslut: str
    distrikt: str

    def row(self, as_of: date) -> list[str]:
        komplett = self.komplett if self.komplett and self.komplett <= as_of else None
        decided = self.beslut_datum is not None and self.beslut_datum <= as_of
        return [self.dnr, self.typ, _iso(self.inkom), _iso(komplett),
                _iso(self.beslut_datum if decided else None), self.beslut if decided else "",
                self.distrikt]


def _bygglov_cases(cfg: Config) -> list[Case]:
    rng = rng_for(cfg.seed, "bygglov")
    cases: list[Case] = []
    seq: dict[int, int] = {}
    for y, m, n in _monthly_counts(rng, scaled(1500, cfg.scale, 80), BYGG_SEASON, cfg):
        for _ in range(n):
            inkom = random_date(rng, date(y, m, 1), month_end(y, m))
            while inkom.weekday() >= 5:
                inkom -= timedelta(days=1)
            seq[y] = seq.get(y, 0) + 1
            typ = rng.choices([t for t, _ in ARENDETYPER], [w for _, w in ARENDETYPER])[0]
            u = rng.random()
            if u < 0.05:  # never completed: written off
                komplett, beslut = None, "Avskrivet"
                beslut_datum = inkom + timedelta(days=rng.randint(60, 200))
            else:
                complete_at_once = rng.random() < 0.24
                wait = 0 if complete_at_once else 3 + int(rng.expovariate(1 / 25))
                komplett = inkom + timedelta(days=wait)
                if rng.random() < 0.94:
                    days = int(rng.triangular(3, 70, 28))
                else:
                    days = rng.randint(71, 160)
                beslut_datum = komplett + timedelta(days=days)
                beslut = "Avslag" if rng.random() < 0.05 else (
                    "Avskrivet" if rng.random() < 0.02 else "Beviljat")
            cases.append(Case(f"BN {y}-{seq[y]:04d}", typ, inkom, komplett, beslut_datum, beslut,
                              _district(rng, False)))
    return cases


def _events_by_month(dates: list[tuple[object, list[date | None]]]) -> dict[tuple[int, int],
                                                                             list[object]]:
    out: dict[tuple[int, int], list[object]] = {}
    for obj, ds in dates:
        seen = set()
        for d in ds:
            if d is not None and (d.year, d.month) not in seen:
                seen.add((d.year, d.month))
                out.setdefault((d.year, d.month), []).append(obj)
    return out


def _write_monthly(cfg: Config, stats: Stats, faults: ft.FaultInjector,
                   events: dict[tuple[int, int], list[object]], kind: str, header: list[str],
                   delivery_dom: int, sort_key: Callable[[Any], str],
                   after_month: Callable[[int, int, list[object]], None]) -> None:
    """Monthly deliveries of the cases that changed in the month, each as it stood at
    month-end; one delivery (the first with rows after the first year) carries one fault of
    every kind, the rest at the injector's random rate."""
    forced = False
    for y, m in months(cfg.start_year, cfg.end_year):
        as_of = month_end(y, m)
        day = delivery_day(y, m, delivery_dom)
        batch = sorted(events.get((y, m), []), key=sort_key)
        with Delivery(cfg.out, f"{kind}_{day.isoformat()}.csv", header,
                      kind=kind, stats=stats, bom=True) as out:
            for i, item in enumerate(batch):
                fields = item.row(as_of)  # type: ignore[attr-defined]
                out.row(fields)
                if not forced and i == 0 and y > cfg.start_year:
                    faults.force_all(out, fields)
                    forced = True
                else:
                    faults.maybe(out, fields)
        after_month(y, m, batch)


def write_bygglov(cfg: Config, stats: Stats) -> None:
    cases = _bygglov_cases(cfg)
    events = _events_by_month([(c, [c.inkom, c.komplett, c.beslut_datum]) for c in cases])
    frng = rng_for(cfg.seed, "bygglov-faults")

    def fresh(f: list[str], key: str) -> list[str]:
        f[0] = f"BN 9999-{key[1:]}"
        return f

    kinds: dict[str, ft.Mutator] = {
        "bad_date": ft.choose_field(2, ft.BAD_DATES),
        "unknown_enum": ft.choose_field(5, ["Bevilj", "Godkänt", "Avslaget"]),
        "duplicate_key": ft.duplicate,
        "invalid_encoding": ft.latin1_bytes(1, "Ändrad användning"),
        "too_many_fields": ft.too_many_fields,
        "too_few_fields": ft.too_few_fields,
    }
    faults = ft.FaultInjector("bygglov/arenden", frng, 0.002, kinds, fresh, stats)
    bad_header_month = (min(cfg.start_year + 2, cfg.end_year), 5)

    def bad_header_export(y: int, m: int, batch: list[object]) -> None:
        if (y, m) != bad_header_month:
            return
        # A manual re-export mid-month from a changed report: one column renamed.
        bad = [*BYGG_HEADER[:4], "beslutsdatum", *BYGG_HEADER[5:]]
        with Delivery(cfg.out, f"bygglov/arenden_{y}-{m:02d}-16.csv", bad,
                      kind="bygglov/arenden", stats=stats, bom=True) as out:
            for case in batch or cases[:1]:
                out.row(case.row(date(y, m, 15)))  # type: ignore[attr-defined]
        stats.add_fault("bygglov/arenden:bad_header")

    _write_monthly(cfg, stats, faults, events, "bygglov/arenden", BYGG_HEADER, 2,
                   lambda c: c.dnr, bad_header_export)  # type: ignore[attr-defined]


# ---- förskola -----------------------------------------------------------------------


@dataclass
class Application:
    id: str
    pnr: str
    ansokt: date
    onskat: date
    erbjudet: date | None
    decided: date | None  # when the offer was made
    withdrawn: date | None
    distrikt: str

    def row(self, as_of: date) -> list[str]:
        if self.withdrawn and self.withdrawn <= as_of:
            offered = self.decided is not None and self.decided <= as_of
            return [self.id, self.pnr, _iso(self.ansokt), _iso(self.onskat),
                    _iso(self.erbjudet if offered else None), "Återtagen", self.distrikt]
        if self.decided and self.decided <= as_of:
            return [self.id, self.pnr, _iso(self.ansokt), _iso(self.onskat),
                    _iso(self.erbjudet), "Erbjuden", self.distrikt]
        return [self.id, self.pnr, _iso(self.ansokt), _iso(self.onskat), "", "Väntar",
                self.distrikt]


def _applications(cfg: Config) -> list[Application]:
    rng = rng_for(cfg.seed, "forskola")
    apps: list[Application] = []
    for y, m, n in _monthly_counts(rng, scaled(2000, cfg.scale, 80), FSK_SEASON, cfg):
        for _ in range(n):
            ansokt = random_date(rng, date(y, m, 1), month_end(y, m))
            age_days = int(rng.triangular(120, 5 * 365, 300))
            birth = ansokt - timedelta(days=age_days)
            female = rng.random() < 0.49
            pnr = pn.make(rng, birth, female, samordning=rng.random() < 0.005)
            onskat = ansokt + timedelta(days=rng.randint(30, 240))
            if rng.random() < 0.5:
                onskat = date(onskat.year, onskat.month, 1 if onskat.day < 16 else 15)
            guarantee = max(add_months(ansokt, 4), onskat)
            withdrawn = None
            if rng.random() < 0.07:
                withdrawn = ansokt + timedelta(days=rng.randint(14, 150))
            u = rng.random()
            if u < 0.72:
                erbjudet = onskat
            elif u < 0.90:
                erbjudet = random_date(rng, onskat, guarantee)
            else:
                erbjudet = guarantee + timedelta(days=rng.randint(5, 120))
            decided = max(ansokt + timedelta(days=7),
                          erbjudet - timedelta(days=rng.randint(20, 75)))
            if withdrawn and withdrawn <= decided:
                decided, erbjudet = None, None
            apps.append(Application(f"FA{len(apps) + 1:07d}", pnr, ansokt, onskat, erbjudet,
                                    decided, withdrawn, _district(rng, True)))
    return apps


def write_forskola(cfg: Config, stats: Stats) -> None:
    apps = _applications(cfg)
    events = _events_by_month([(a, [a.ansokt, a.decided, a.withdrawn]) for a in apps])
    frng = rng_for(cfg.seed, "forskola-faults")

    def fresh(f: list[str], key: str) -> list[str]:
        f[0] = "FA9" + key[1:]
        return f

    kinds: dict[str, ft.Mutator] = {
        "pnr_check_digit": lambda f, r: [f[0], pn.bad_check_digit(f[1]), *f[2:]],
        "pnr_impossible_date": lambda f, r: [f[0], pn.impossible_date(f[1]), *f[2:]],
        "pnr_wrong_format": lambda f, r: [f[0], pn.wrong_format(f[1]), *f[2:]],
        "bad_date": ft.choose_field(3, ft.BAD_DATES),
        "unknown_enum": ft.choose_field(5, ["Erbj.", "Placerad", "Avböjd"]),
        "duplicate_key": ft.duplicate,
        "invalid_encoding": ft.latin1_bytes(5, "Väntar"),
        "too_many_fields": ft.too_many_fields,
        "too_few_fields": ft.too_few_fields,
    }
    faults = ft.FaultInjector("forskola/ansokningar", frng, 0.002, kinds, fresh, stats)
    def empty_rerun(y: int, m: int, batch: list[object]) -> None:
        if (y, m) == (min(cfg.start_year + 1, cfg.end_year), 7):
            # The summer batch job ran twice; the second run found nothing new.
            Delivery(cfg.out, f"forskola/ansokningar_{y}-{m:02d}-20.csv", FSK_HEADER,
                     kind="forskola/ansokningar", stats=stats, bom=True).close()

    _write_monthly(cfg, stats, faults, events, "forskola/ansokningar", FSK_HEADER, 4,
                   lambda a: a.id, empty_rerun)  # type: ignore[attr-defined]
