"""HR: employments and absences, simulated month by month (Heroma-style monthly extracts).

Per-person state is kept in memory (about 15 000 people at scale 1.0); rows are written
to one delivery per month and never collected for the whole period.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from synthkoping import faults as ft
from synthkoping import personnummer as pn
from synthkoping.common import (
    Config,
    Stats,
    age_on,
    delivery_day,
    month_end,
    months,
    next_month,
    random_date,
    rng_for,
    scaled,
)
from synthkoping.formats import Delivery, dec
from synthkoping.organisation import FORV, FORVALTNINGAR, REORG_DATE, Organisation, Unit

EMP_HEADER = [
    "anstallnings_id", "personnummer", "enhet_id", "befattning", "yrkesgrupp",
    "anstallningsform", "sysselsattningsgrad", "heltidsmatt_timmar", "manadslon",
    "fran_datum", "till_datum",
]
ABS_HEADER = ["franvaro_id", "anstallnings_id", "orsak", "fran_datum", "till_datum",
              "omfattning", "makulerad"]

TV, VI, TIM = "Tillsvidare", "Visstid", "Timavlönad"
FORM_SHARE = {TV: 0.82, VI: 0.08, TIM: 0.10}

# kind -> [(befattning, yrkesgrupp, weight, monthly salary 2021 at full time)]
JOBS: dict[str, list[tuple[str, str, float, int]]] = {
    "forskola": [("Förskollärare", "Förskollärare", 45, 34500), ("Barnskötare", "Barnskötare",
                 45, 27500), ("Rektor förskola", "Chef", 4, 52000), ("Kock", "Måltidspersonal",
                 6, 27000)],
    "skola": [("Grundskollärare", "Lärare", 55, 38500), ("Lärare i fritidshem", "Lärare", 12,
              34500), ("Elevassistent", "Elevassistent", 15, 26000), ("Rektor", "Chef", 3,
              56000), ("Skolsköterska", "Sjuksköterska", 3, 41000), ("Kurator", "Kurator", 3,
              37000), ("Måltidsbiträde", "Måltidspersonal", 9, 26000)],
    "stab": [("Skolpsykolog", "Psykolog", 20, 46000), ("Specialpedagog", "Lärare", 30, 42000),
             ("Skolsköterska", "Sjuksköterska", 20, 41000), ("Administratör", "Administratör",
             30, 31000)],
    "gymnasium": [("Gymnasielärare", "Lärare", 75, 40500), ("Studie- och yrkesvägledare",
                  "Handläggare", 5, 37000), ("Elevassistent", "Elevassistent", 8, 26000),
                  ("Rektor", "Chef", 4, 58000), ("Administratör", "Administratör", 8, 31000)],
    "vux": [("Lärare i vuxenutbildning", "Lärare", 80, 38000), ("Studie- och yrkesvägledare",
            "Handläggare", 10, 37000), ("Administratör", "Administratör", 10, 31000)],
    "hemtjanst": [("Undersköterska", "Undersköterska", 60, 29500), ("Vårdbiträde",
                  "Vårdbiträde", 30, 26500), ("Enhetschef", "Chef", 3, 47000),
                  ("Samordnare hemtjänst", "Administratör", 7, 31000)],
    "sabo": [("Undersköterska", "Undersköterska", 65, 29500), ("Vårdbiträde", "Vårdbiträde",
             20, 26500), ("Sjuksköterska", "Sjuksköterska", 8, 42000), ("Enhetschef", "Chef",
             3, 47000), ("Kock", "Måltidspersonal", 4, 27000)],
    "hsl": [("Sjuksköterska", "Sjuksköterska", 65, 42000), ("Fysioterapeut", "Rehabpersonal",
            15, 37000), ("Arbetsterapeut", "Rehabpersonal", 15, 36500), ("Enhetschef", "Chef",
            5, 52000)],
    "handlaggning": [("Biståndshandläggare", "Handläggare", 70, 36000), ("Handläggare",
                     "Handläggare", 20, 35000), ("Enhetschef", "Chef", 10, 50000)],
    "lss": [("Stödassistent", "Stödassistent", 45, 28000), ("Personlig assistent",
            "Personlig assistent", 30, 26500), ("Boendestödjare", "Stödassistent", 10, 29000),
            ("Undersköterska", "Undersköterska", 10, 29500), ("Enhetschef", "Chef", 5, 47000)],
    "ifo": [("Socialsekreterare", "Socialsekreterare", 65, 38500), ("Behandlingsassistent",
            "Behandlingsassistent", 15, 31500), ("Familjebehandlare", "Socialsekreterare", 10,
            37000), ("Enhetschef", "Chef", 5, 54000), ("Administratör", "Administratör", 5,
            31000)],
    "teknik": [("Ingenjör", "Ingenjör", 25, 41000), ("Handläggare", "Handläggare", 15, 37000),
               ("Bygglovshandläggare", "Handläggare", 10, 39000), ("Miljöinspektör",
               "Inspektör", 10, 38000), ("Anläggningsarbetare", "Hantverkare", 30, 29500),
               ("Avdelningschef", "Chef", 5, 58000), ("Administratör", "Administratör", 5,
               31000)],
    "raddning": [("Brandman", "Brandman", 80, 31000), ("Styrkeledare", "Brandman", 12, 36000),
                 ("Räddningschef", "Chef", 3, 60000), ("Administratör", "Administratör", 5,
                 31000)],
    "kultur": [("Bibliotekarie", "Bibliotekarie", 25, 34000), ("Fritidsledare", "Fritidsledare",
               30, 28500), ("Musiklärare", "Lärare", 20, 35000), ("Kulturhandläggare",
               "Handläggare", 10, 35000), ("Vaktmästare", "Hantverkare", 10, 28000),
               ("Enhetschef", "Chef", 5, 50000)],
    "admin": [("Ekonom", "Ekonom", 20, 42000), ("HR-specialist", "HR-specialist", 15, 43000),
              ("IT-tekniker", "IT-personal", 15, 38000), ("Systemförvaltare", "IT-personal", 10,
              44000), ("Kommunikatör", "Kommunikatör", 8, 40000), ("Handläggare",
              "Handläggare", 12, 37000), ("Kundtjänstmedarbetare", "Administratör", 12, 29500),
              ("Avdelningschef", "Chef", 8, 65000)],
}
KIND_SIZE = {"forskola": 1.0, "skola": 1.2, "stab": 0.3, "gymnasium": 1.0, "vux": 0.5,
             "hemtjanst": 1.0, "sabo": 1.1, "hsl": 0.5, "handlaggning": 0.3, "lss": 1.0,
             "ifo": 1.0, "teknik": 1.0, "raddning": 1.0, "kultur": 1.0, "admin": 1.0}
WOMEN_SHARE = {"forskola": 0.93, "skola": 0.76, "stab": 0.85, "gymnasium": 0.55, "vux": 0.65,
               "hemtjanst": 0.88, "sabo": 0.88, "hsl": 0.9, "handlaggning": 0.8, "lss": 0.72,
               "ifo": 0.82, "teknik": 0.38, "raddning": 0.12, "kultur": 0.6, "admin": 0.66}
CARE_KINDS = {"hemtjanst", "sabo", "lss"}
SHIFT_JOBS = {"Undersköterska", "Vårdbiträde", "Stödassistent", "Personlig assistent",
              "Boendestödjare"}
TEACHERS = {"Lärare"}  # ferietjänst: no semester rows

SICK_SEASON = {1: 1.35, 2: 1.4, 3: 1.25, 4: 1.0, 5: 0.85, 6: 0.75, 7: 0.55, 8: 0.75, 9: 0.95,
               10: 1.05, 11: 1.15, 12: 1.3}
_SEASON_MEAN = sum(SICK_SEASON.values()) / 12
VAB_SEASON = {1: 1.6, 2: 1.7, 3: 1.4, 4: 1.0, 5: 0.8, 6: 0.5, 7: 0.2, 8: 0.5, 9: 1.0, 10: 1.2,
              11: 1.4, 12: 1.3}
YEAR_SICK = {2021: 7.7 / 8.1, 2022: 1.0, 2023: 7.8 / 8.1, 2024: 7.6 / 8.1, 2025: 7.6 / 8.1}
SHORT_MEAN = 5.2  # mean sick-day equivalents of a short spell (length x omfattning)
LONG_MEAN = 86.0


@dataclass
class Person:
    pnr: str
    birth: date
    female: bool
    left_on: date | None = None


@dataclass
class Emp:
    id: str
    person: Person
    unit: Unit
    forv: str
    befattning: str
    yrkesgrupp: str
    form: str
    grad: float
    hours: str
    lon: int
    fran: date
    till: date | None
    busy_until: date = date(1900, 1, 1)
    parent: bool = False

    def active(self, d: date) -> bool:
        return self.fran <= d and (self.till is None or self.till >= d)

    def row(self) -> list[str]:
        return [
            self.id, self.person.pnr, self.unit.enhet_id, self.befattning, self.yrkesgrupp,
            self.form, dec(self.grad, 1), self.hours,
            "" if self.form == TIM else str(self.lon),
            self.fran.isoformat(), self.till.isoformat() if self.till else "",
        ]


def poisson(rng: random.Random, lam: float) -> int:
    limit, k, p = math.exp(-lam), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def _workday(d: date) -> date:
    while d.weekday() >= 5:
        d += timedelta(days=1)
    return d


@dataclass
class HrSim:
    cfg: Config
    org: Organisation
    stats: Stats
    rng: random.Random = field(init=False)
    arng: random.Random = field(init=False)
    emps: list[Emp] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    leavers: list[Person] = field(default_factory=list)
    n_emp: int = 0
    n_abs: int = 0

    def __post_init__(self) -> None:
        self.rng = rng_for(self.cfg.seed, "hr")
        self.arng = rng_for(self.cfg.seed, "hr-absence")
        self.targets = {f.code: scaled(f.employees, self.cfg.scale, 15) for f in FORVALTNINGAR}
        self.pending_abs: dict[tuple[int, int], list[list[str]]] = {}

    # ---- people and employments ------------------------------------------------------

    def new_person(self, kind: str, on: date) -> Person:
        r = self.rng
        age = min(66, max(20, int(r.triangular(20, 67, 45))))
        birth = on - timedelta(days=age * 365 + r.randint(0, 364))
        female = r.random() < WOMEN_SHARE[kind]
        person = Person(pn.make(r, birth, female, samordning=r.random() < 0.01), birth, female)
        self.people.append(person)
        return person

    def pick_unit(self, forv: str, d: date) -> Unit:
        units = [u for u in self.org.units_of(forv, d) if u.kind in KIND_SIZE]
        return self.rng.choices(units, [KIND_SIZE[u.kind] for u in units])[0]

    def new_emp(self, person: Person, unit: Unit, form: str, fran: date,
                till: date | None, template: Emp | None = None) -> Emp:
        r = self.rng
        self.n_emp += 1
        forv = unit.forvaltning_on(fran) or unit.versions[-1].forvaltning
        if template is not None:
            bef, grp, lon, hours = (template.befattning, template.yrkesgrupp, template.lon,
                                    template.hours)
            grad = template.grad
        else:
            jobs = JOBS[unit.kind]
            bef, grp, _w, lon = r.choices(jobs, [j[2] for j in jobs])[0]
            years = max(0, fran.year - self.cfg.start_year)
            lon = int(round(lon * (1.03 ** years) * r.uniform(0.92, 1.12), -2))
            hours = "40,00"
            if bef in SHIFT_JOBS and unit.kind in CARE_KINDS:
                hours = r.choices(["38,25", "40,00", "37,00"], [6, 3, 1])[0]
            elif unit.kind == "raddning" and bef == "Brandman":
                hours = "42,00"
            if form == TIM:
                grad = 0.0
            else:
                full = 0.70 if unit.kind in CARE_KINDS else 0.90
                if form == VI:
                    full = 0.75
                grad = 100.0 if r.random() < full else float(r.choice([50, 60, 75, 80, 90]))
        emp = Emp(f"A{self.n_emp:06d}", person, unit, forv, bef, grp, form, grad, hours, lon,
                  fran, till)
        emp.parent = 25 <= age_on(person.birth, fran) <= 50 and r.random() < 0.6
        self.emps.append(emp)
        return emp

    def hire(self, forv: str, form: str, fran: date) -> Emp:
        r = self.rng
        unit = self.pick_unit(forv, fran)
        rehire = [p for p in self.leavers[-200:]
                  if p.left_on and (fran - p.left_on).days > 90
                  and age_on(p.birth, fran) < 63]
        if rehire and r.random() < 0.12:
            person = r.choice(rehire)
            self.leavers.remove(person)
            person.left_on = None
        else:
            person = self.new_person(unit.kind, fran)
        till = None
        if form == VI:
            till = fran + timedelta(days=r.randint(60, 365))
        elif form == TIM:
            till = fran + timedelta(days=r.randint(30, 540))
        return self.new_emp(person, unit, form, fran, till)

    def initial_stock(self) -> list[Emp]:
        r = self.rng
        start = self.cfg.first_day
        for forv, n in self.targets.items():
            for _ in range(n):
                form = r.choices(list(FORM_SHARE), list(FORM_SHARE.values()))[0]
                unit = self.pick_unit(forv, start)
                person = self.new_person(unit.kind, start)
                first = max(person.birth + timedelta(days=365 * 20), date(1990, 1, 1))
                if form == TV:
                    fran = random_date(r, first, start - timedelta(days=30))
                    till = None
                else:
                    fran = random_date(r, start - timedelta(days=200), start - timedelta(days=1))
                    till = start + timedelta(days=r.randint(10, 300 if form == VI else 540))
                self.new_emp(person, unit, form, fran, till)
        # A few people hold two employments at once: extra hours in another unit.
        for emp in list(self.emps):
            if emp.form != TIM and r.random() < 0.03:
                other = self.pick_unit(r.choice(list(self.targets)), start)
                self.new_emp(emp.person, other, TIM, start - timedelta(days=r.randint(1, 300)),
                             start + timedelta(days=r.randint(30, 700)))
        return list(self.emps)

    # ---- the monthly flows -----------------------------------------------------------

    def month_flows(self, y: int, m: int) -> dict[str, Emp]:
        r = self.rng
        d0, d1 = date(y, m, 1), month_end(y, m)
        changed: dict[str, Emp] = {}
        active = [e for e in self.emps if e.active(d0) or d0 <= e.fran <= d1]
        for e in active:
            if e.form != TV or e.till is not None or e.fran > d0:
                continue
            age = age_on(e.person.birth, d1)
            q = 0.15 if age < 30 else (0.085 if age < 50 else 0.06)
            q = 0.45 if age >= 65 else q
            if age >= 67 or r.random() < q / 12:
                e.till = d1 if r.random() < 0.5 else random_date(r, d0, d1)
                e.person.left_on = e.till
                self.leavers.append(e.person)
                changed[e.id] = e
            elif r.random() < 0.02 / 12:
                # Moves to another unit in the same förvaltning: not a leaver.
                e.till = d1
                new = self.new_emp(e.person, self.pick_unit(e.forv, d1 + timedelta(days=1)),
                                   TV, d1 + timedelta(days=1), None, template=e)
                changed[e.id] = e
                changed[new.id] = new
        # Fixed-term contracts ending: some get a new contract or a permanent job.
        for e in active:
            if e.form == VI and e.till and d0 <= e.till <= d1 and r.random() < 0.35:
                form = TV if r.random() < 0.5 else VI
                till = None if form == TV else e.till + timedelta(days=r.randint(90, 365))
                new = self.new_emp(e.person, e.unit, form, e.till + timedelta(days=1), till,
                                   template=e)
                new.form = form
                changed[new.id] = new
        if d1 + timedelta(days=1) == REORG_DATE:
            self._close_unit(d1, changed)
            for e in self.emps:
                e.forv = e.unit.forvaltning_on(REORG_DATE) or e.forv
        # Recruit towards the target, which grows ~0.75 %/yr; the form with the biggest
        # shortfall against its share gets the hire, which keeps the mix stable.
        years = (d1 - self.cfg.first_day).days / 365.25
        for forv, base in self.targets.items():
            target = base * 1.0075 ** years
            now = [e for e in self.emps if e.forv == forv and e.active(d1)]
            by_form = {f: sum(1 for e in now if e.form == f) for f in FORM_SHARE}
            for _ in range(max(0, round(target - len(now)))):
                form = max(FORM_SHARE, key=lambda f: FORM_SHARE[f] * target - by_form[f])
                by_form[form] += 1
                new = self.hire(forv, form, random_date(r, d0, d1))
                changed[new.id] = new
        if m == 4:
            # Löneöversyn: every monthly-paid employment gets a new salary, re-delivered.
            pct = {2021: 0.022, 2022: 0.024, 2023: 0.034, 2024: 0.032, 2025: 0.03}.get(y, 0.03)
            for e in self.emps:
                if e.form != TIM and e.active(d0):
                    e.lon = int(round(e.lon * (1 + pct + r.uniform(-0.008, 0.012)), -1))
                    changed[e.id] = e
        return changed

    def _close_unit(self, d1: date, changed: dict[str, Emp]) -> None:
        closing = [u for u in self.org.units if u.end == d1]
        for unit in closing:
            forv = unit.versions[-1].forvaltning
            for e in self.emps:
                if e.unit is unit and e.active(d1) and (e.till is None or e.till > d1):
                    old_till, e.till = e.till, d1
                    target = self.pick_unit(forv, d1 + timedelta(days=1))
                    new = self.new_emp(e.person, target, e.form, d1 + timedelta(days=1),
                                       old_till, template=e)
                    changed[e.id] = e
                    changed[new.id] = new

    # ---- absences --------------------------------------------------------------------

    def _abs_row(self, emp: Emp, orsak: str, fran: date, till: date, omf: int,
                 mak: str = "N") -> list[str]:
        self.n_abs += 1
        return [f"F{self.n_abs:07d}", emp.id, orsak, fran.isoformat(), till.isoformat(),
                str(omf), mak]

    def _queue(self, row: list[str], when: tuple[int, int]) -> None:
        self.pending_abs.setdefault(when, []).append(row)

    def absences(self, y: int, m: int) -> list[list[str]]:
        r = self.arng
        d0, d1 = date(y, m, 1), month_end(y, m)
        ndays = d1.day
        rows: list[list[str]] = self.pending_abs.pop((y, m), [])
        season = SICK_SEASON[m] / _SEASON_MEAN
        yf = YEAR_SICK.get(y, 0.95)
        last = self.cfg.last_day
        nxt = next_month(y, m)
        for e in self.emps:
            if e.form == TIM or not e.active(d1) and not e.active(d0):
                continue
            f = FORV[e.forv]
            age = age_on(e.person.birth, d0)
            p = (f.sick_women if e.person.female else f.sick_men) / 100 * yf
            p *= 0.9 if age < 30 else (1.1 if age >= 50 else 1.0)
            end_cap = e.till or date(9999, 12, 31)
            # Short spells.
            for _ in range(poisson(r, (1 - f.long_share) * p / SHORT_MEAN * season * ndays)):
                start = _workday(d0 + timedelta(days=r.randrange(ndays)))
                if start <= e.busy_until or start > d1 or start > end_cap:
                    continue
                length = r.choices([1, 2, 3, 5, 7, 10, 14, 30], [15, 15, 15, 18, 17, 10, 5, 5])[0]
                till = min(start + timedelta(days=length - 1), end_cap)
                omf = 100 if r.random() < 0.9 else 50
                rows.append(self._abs_row(e, "Sjuk", start, till, omf))
                e.busy_until = till
            # Long spells (>= 60 days), as touching rows with falling omfattning.
            if r.random() < f.long_share * p / LONG_MEAN * ndays * (0.5 + season / 2):
                start = _workday(d0 + timedelta(days=r.randrange(ndays)))
                if start > e.busy_until and start <= min(d1, end_cap):
                    total = r.randint(60, 300)
                    parts = r.choice([[100], [100, 50], [100, 75, 25], [50], [100, 50, 25]])
                    cur = start
                    for i, omf in enumerate(parts):
                        seg = total // len(parts) if i < len(parts) - 1 else (
                            total - (total // len(parts)) * (len(parts) - 1))
                        till = min(cur + timedelta(days=seg - 1), end_cap)
                        row = self._abs_row(e, "Sjuk", cur, till, omf)
                        when = (cur.year, cur.month)
                        if i == 0 and till > d1 and nxt[0] <= self.cfg.end_year:
                            # First sick note: the end is not known yet; corrected next month.
                            prelim = list(row)
                            prelim[4] = min(cur + timedelta(days=13), till).isoformat()
                            rows.append(prelim)
                            self._queue(row, nxt)
                        elif cur <= last:
                            if when == (y, m):
                                rows.append(row)
                            else:
                                self._queue(row, when)
                        cur = till + timedelta(days=1)
                        if cur > end_cap:
                            break
                    e.busy_until = cur - timedelta(days=1)
            if e.parent and r.random() < 2.8 / 12 * VAB_SEASON[m]:
                start = _workday(d0 + timedelta(days=r.randrange(ndays)))
                if e.busy_until < start <= min(d1, end_cap):
                    till = min(start + timedelta(days=r.choice([0, 0, 1, 2])), end_cap)
                    omf = r.choice([100] * 8 + [50, 25])
                    rows.append(self._abs_row(e, "VAB", start, till, omf))
                    e.busy_until = till
            if 25 <= age <= 42 and r.random() < (0.06 if e.person.female else 0.035) / 12:
                start = d0 + timedelta(days=r.randrange(ndays))
                if e.busy_until < start <= end_cap:
                    span = r.randint(90, 365) if e.person.female else r.randint(30, 120)
                    till = min(start + timedelta(days=span), end_cap)
                    rows.append(self._abs_row(e, "Föräldraledig", start, till,
                                              r.choice([100, 100, 100, 75, 50])))
                    e.busy_until = till
            if r.random() < 0.012 / 12:
                start = d0 + timedelta(days=r.randrange(ndays))
                if e.busy_until < start <= end_cap:
                    till = min(start + timedelta(days=r.randint(30, 180)), end_cap)
                    rows.append(self._abs_row(e, "Tjänstledig", start, till, r.choice([100, 50])))
                    e.busy_until = till
            if m == 6 and e.yrkesgrupp not in TEACHERS:
                start = date(y, 6, 20) + timedelta(days=r.randrange(30))
                start -= timedelta(days=start.weekday())
                if e.busy_until < start and start + timedelta(days=27) <= end_cap:
                    till = start + timedelta(days=r.choice([20, 25, 27]))
                    row = self._abs_row(e, "Semester", start, till, 100)
                    if (start.year, start.month) == (y, m):
                        rows.append(row)
                    else:
                        self._queue(row, (start.year, start.month))
                    e.busy_until = till
            elif m in (2, 10, 12) and e.yrkesgrupp not in TEACHERS and r.random() < 0.15:
                start = _workday(d0 + timedelta(days=r.randrange(ndays - 7)))
                if e.busy_until < start and start + timedelta(days=6) <= end_cap:
                    till = start + timedelta(days=4)
                    rows.append(self._abs_row(e, "Semester", start, till, 100))
                    e.busy_until = till
        # Cancellations: mostly a later re-delivery with makulerad = J, some at once.
        out = []
        for row in rows:
            u = r.random()
            if u < 0.002:
                row[6] = "J"
            elif u < 0.007 and nxt[0] <= self.cfg.end_year:
                self._queue([*row[:6], "J"], nxt)
            out.append(row)
        return out

    def initial_absences(self) -> list[list[str]]:
        """Spells already running when the first extract is taken."""
        r = self.arng
        start = self.cfg.first_day
        rows = []
        for e in self.emps:
            if e.form != TIM and r.random() < 0.03:
                fran = _workday(start - timedelta(days=r.randint(20, 150)))
                till = start + timedelta(days=r.randint(10, 120))
                if e.till is not None:
                    till = min(till, e.till)
                rows.append(self._abs_row(e, "Sjuk", fran, till, r.choice([100, 50, 25])))
                e.busy_until = till
        return rows


def _emp_faults(org: Organisation, rng: random.Random, stats: Stats) -> ft.FaultInjector:
    def fresh(f: list[str], key: str) -> list[str]:
        f[0] = "A9" + key[1:]
        return f

    kinds: dict[str, ft.Mutator] = {
        "pnr_check_digit": lambda f, r: [*f[:1], pn.bad_check_digit(f[1]), *f[2:]],
        "pnr_impossible_date": lambda f, r: [*f[:1], pn.impossible_date(f[1]), *f[2:]],
        "pnr_wrong_format": lambda f, r: [*f[:1], pn.wrong_format(f[1]), *f[2:]],
        "bad_number": ft.choose_field(6, ft.BAD_NUMBERS),
        "bad_date": ft.choose_field(9, ft.BAD_DATES),
        "till_before_fran": ft.swap_dates(9, 10),
        "unknown_enum": ft.choose_field(5, ["Provanställd", "TV", "tillsvidare "]),
        "duplicate_key": ft.duplicate,
        "invalid_encoding": ft.latin1_bytes(3, "Förskollärare"),
        "too_many_fields": ft.too_many_fields,
        "too_few_fields": ft.too_few_fields,
        "unknown_org": ft.choose_field(2, ["E0999", "E9001"]),
    }
    return ft.FaultInjector("hr/anstallningar", rng, 0.0015, kinds, fresh, stats)


def _abs_faults(rng: random.Random, stats: Stats) -> ft.FaultInjector:
    def fresh(f: list[str], key: str) -> list[str]:
        f[0] = "F9" + key[1:]
        return f

    kinds: dict[str, ft.Mutator] = {
        "bad_number": ft.choose_field(5, ["5O", "abc", "50,0,0"]),
        "bad_date": ft.choose_field(3, ft.BAD_DATES),
        "till_before_fran": ft.swap_dates(3, 4),
        "unknown_enum": ft.choose_field(2, ["Sjk", "Sjukdom", "Ledig"]),
        "unknown_makulerad": ft.set_field(6, "X"),
        "duplicate_key": ft.duplicate,
        "invalid_encoding": ft.latin1_bytes(2, "Föräldraledig"),
        "too_many_fields": ft.too_many_fields,
        "too_few_fields": ft.too_few_fields,
    }
    return ft.FaultInjector("hr/franvaro", rng, 0.0015, kinds, fresh, stats)


def write(cfg: Config, org: Organisation, stats: Stats) -> None:
    sim = HrSim(cfg, org, stats)
    frng = rng_for(cfg.seed, "hr-faults")
    emp_faults = _emp_faults(org, frng, stats)
    abs_faults = _abs_faults(frng, stats)
    force_after = date(cfg.start_year + 1, 5, 1) if cfg.end_year > cfg.start_year else None
    forced = {"emp": False, "abs": False}

    def deliver(day: date, emps: list[Emp], absences: list[list[str]]) -> None:
        force = force_after is None or day >= force_after
        with Delivery(cfg.out, f"hr/anstallningar_{day.isoformat()}.csv", EMP_HEADER,
                      kind="hr/anstallningar", stats=stats, bom=True, crlf=True) as out:
            for i, e in enumerate(emps):
                fields = e.row()
                out.row(fields)
                if i == 0 and force and not forced["emp"]:
                    emp_faults.force_all(out, fields)
                    forced["emp"] = True
                else:
                    emp_faults.maybe(out, fields)
        with Delivery(cfg.out, f"hr/franvaro_{day.isoformat()}.csv", ABS_HEADER,
                      kind="hr/franvaro", stats=stats, bom=True, crlf=True) as out:
            for i, row in enumerate(absences):
                out.row(row)
                if i == 0 and force and not forced["abs"]:
                    abs_faults.force_all(out, row)
                    forced["abs"] = True
                else:
                    abs_faults.maybe(out, row)

    stock = sim.initial_stock()
    deliver(date(cfg.start_year, 1, 3), stock, sim.initial_absences())
    for y, m in months(cfg.start_year, cfg.end_year):
        changed = sim.month_flows(y, m)
        rows = sim.absences(y, m)
        deliver(delivery_day(y, m, 3), list(changed.values()), rows)
        if m == 12:
            # Keep memory bounded over long ranges: drop long-gone employments.
            horizon = date(y, 1, 1)
            sim.emps = [e for e in sim.emps if e.till is None or e.till >= horizon]
            sim.leavers = sim.leavers[-500:]
