"""The organisation of Synthköping kommun: förvaltningar, units and one reorganisation."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from synthkoping.common import Config, Stats
from synthkoping.formats import Delivery

HEADER = [
    "ansvar", "enhet_id", "enhetsnamn", "forvaltning_kod", "forvaltning_namn",
    "giltig_fran", "giltig_till",
]


@dataclass(frozen=True)
class Forvaltning:
    code: str
    name: str
    namnd_digit: int
    employees: int  # table 7.2, scale 1.0
    sick_women: float  # table 7.4, % of ordinary hours
    sick_men: float
    long_share: float


FORVALTNINGAR = [
    Forvaltning("UBF", "Utbildningsförvaltningen", 4, 4300, 8.8, 5.5, 0.40),
    Forvaltning("GVF", "Gymnasie- och vuxenutbildningsförvaltningen", 6, 750, 6.0, 4.0, 0.38),
    Forvaltning("VOF", "Vård- och omsorgsförvaltningen", 7, 2900, 10.0, 7.0, 0.45),
    Forvaltning("FSF", "Funktionsstödsförvaltningen", 8, 1700, 9.5, 6.5, 0.45),
    Forvaltning("SOF", "Socialförvaltningen", 5, 750, 8.0, 5.0, 0.42),
    Forvaltning("SBF", "Samhällsbyggnadsförvaltningen", 3, 650, 5.5, 4.0, 0.35),
    Forvaltning("KFF", "Kultur- och fritidsförvaltningen", 1, 450, 6.5, 4.5, 0.38),
    Forvaltning("KLF", "Kommunledningsförvaltningen", 2, 500, 5.0, 3.5, 0.35),
]
FORV = {f.code: f for f in FORVALTNINGAR}

REORG_DATE = date(2024, 1, 1)
NEW_UNIT_DATE = date(2022, 8, 1)
HISTORIC_START = date(2019, 1, 1)

# (name, förvaltning, HR kind, {verksamhet: weight}). Order is fixed: it decides the codes.
_UNITS: list[tuple[str, str, str, dict[str, float]]] = [
    ("Förskoleområde Centrum", "UBF", "forskola", {"407": 0.9, "400": 0.1}),
    ("Förskoleområde Norr", "UBF", "forskola", {"407": 1.0}),
    ("Förskoleområde Söder", "UBF", "forskola", {"407": 0.85, "412": 0.15}),
    ("Förskoleområde Öster", "UBF", "forskola", {"407": 1.0}),
    ("Förskoleområde Väster", "UBF", "forskola", {"407": 1.0}),
    ("Ekbackeskolan F-6", "UBF", "skola", {"440": 0.6, "425": 0.3, "435": 0.1}),
    ("Hagebyskolan F-6", "UBF", "skola", {"440": 0.6, "425": 0.3, "435": 0.1}),
    ("Strandviksskolan F-9", "UBF", "skola", {"440": 0.7, "425": 0.2, "435": 0.1}),
    ("Norrmalmsskolan 7-9", "UBF", "skola", {"440": 1.0}),
    ("Södra skolan 7-9", "UBF", "skola", {"440": 1.0}),
    ("Anpassad grundskola", "UBF", "skola", {"443": 1.0}),
    ("Barn- och elevhälsan", "UBF", "stab", {"440": 0.7, "407": 0.3}),
    ("Hagagymnasiet", "GVF", "gymnasium", {"450": 1.0}),
    ("Tekniska gymnasiet", "GVF", "gymnasium", {"450": 1.0}),
    ("Anpassad gymnasieskola", "GVF", "gymnasium", {"453": 1.0}),
    ("Komvux Synthköping", "GVF", "vux", {"470": 0.3, "472": 0.6, "474": 0.1}),
    ("SFI-centrum", "GVF", "vux", {"476": 1.0}),
    ("Hemtjänst Centrum", "VOF", "hemtjanst", {"510": 1.0}),
    ("Hemtjänst Norr", "VOF", "hemtjanst", {"510": 1.0}),
    ("Hemtjänst Söder", "VOF", "hemtjanst", {"510": 1.0}),
    ("Hemtjänst Öster", "VOF", "hemtjanst", {"510": 1.0}),
    ("Hemtjänst Väster", "VOF", "hemtjanst", {"510": 1.0}),
    ("Särskilt boende Lärkan", "VOF", "sabo", {"510": 1.0}),
    ("Särskilt boende Solgården", "VOF", "sabo", {"510": 1.0}),
    ("Särskilt boende Björkhagen", "VOF", "sabo", {"510": 1.0}),
    ("Särskilt boende Ekbacken", "VOF", "sabo", {"510": 1.0}),
    ("Hemsjukvården", "VOF", "hsl", {"510": 1.0}),
    ("Biståndsenheten äldre", "VOF", "handlaggning", {"510": 1.0}),
    ("Gruppbostäder LSS", "FSF", "lss", {"513": 1.0}),
    ("Daglig verksamhet", "FSF", "lss", {"513": 1.0}),
    ("Personlig assistans", "FSF", "lss", {"513": 1.0}),
    ("Korttidsboende och avlösning", "FSF", "lss", {"513": 1.0}),
    ("Socialpsykiatri", "FSF", "lss", {"520": 1.0}),
    ("LSS-handläggning", "FSF", "handlaggning", {"513": 1.0}),
    ("Barn och unga", "SOF", "ifo", {"569": 1.0}),
    ("Försörjningsstöd", "SOF", "ifo", {"575": 1.0}),
    ("Vuxenenheten", "SOF", "ifo", {"559": 0.6, "571": 0.4}),
    ("Familjerätt och familjerådgivning", "SOF", "ifo", {"585": 1.0}),
    ("Färdtjänst", "SOF", "handlaggning", {"530": 1.0}),
    ("Arbetsmarknadsenheten", "SOF", "handlaggning", {"610": 1.0}),
    ("Plan- och bygglovsavdelningen", "SBF", "teknik", {"215": 1.0}),
    ("Gata och park", "SBF", "teknik", {"249": 0.7, "250": 0.3}),
    ("Miljö- och hälsoskydd", "SBF", "teknik", {"261": 0.6, "263": 0.3, "267": 0.1}),
    ("Räddningstjänsten", "SBF", "raddning", {"270": 0.9, "275": 0.1}),
    ("VA-enheten", "SBF", "teknik", {"865": 1.0}),
    ("Avfallsenheten", "SBF", "teknik", {"870": 1.0}),
    ("Biblioteken", "KFF", "kultur", {"320": 1.0}),
    ("Kulturskolan", "KFF", "kultur", {"330": 1.0}),
    ("Kulturenheten", "KFF", "kultur", {"315": 0.85, "310": 0.15}),
    ("Fritidsgårdar", "KFF", "kultur", {"350": 1.0}),
    ("Idrotts- och fritidsanläggningar", "KFF", "kultur", {"340": 0.8, "300": 0.2}),
    ("Kommunstyrelsens kansli", "KLF", "admin", {"100": 0.7, "110": 0.1, "120": 0.1,
                                                  "130": 0.1}),
    ("Ekonomiavdelningen", "KLF", "admin", {"100": 1.0}),
    ("HR-avdelningen", "KLF", "admin", {"100": 1.0}),
    ("IT-avdelningen", "KLF", "admin", {"100": 1.0}),
    ("Kontaktcenter", "KLF", "admin", {"100": 1.0}),
    ("Näringsliv och turism", "KLF", "admin", {"220": 0.7, "230": 0.3}),
    ("Flyktingmottagning", "KLF", "handlaggning", {"600": 1.0}),
    ("Finansförvaltning", "KLF", "finans", {}),
]
_NEW_UNIT = ("Förskolan Hagebyhöjden", "UBF", "forskola", {"407": 1.0})
# Units that change förvaltning at REORG_DATE, and the one that closes the day before.
MOVES = {"Arbetsmarknadsenheten": "GVF", "Socialpsykiatri": "SOF", "Flyktingmottagning": "SOF"}
CLOSES = "Särskilt boende Ekbacken"
RENAMED = ("Kontaktcenter", "Kontaktcenter och växel")


@dataclass
class Version:
    forvaltning: str
    fran: date
    till: date | None
    name: str


@dataclass
class Unit:
    ansvar: str
    enhet_id: str
    name: str
    kind: str
    verksamheter: dict[str, float]
    versions: list[Version] = field(default_factory=list)

    def forvaltning_on(self, d: date) -> str | None:
        for v in self.versions:
            if v.fran <= d and (v.till is None or d <= v.till):
                return v.forvaltning
        return None

    def active_on(self, d: date) -> bool:
        return self.forvaltning_on(d) is not None

    @property
    def start(self) -> date:
        return self.versions[0].fran

    @property
    def end(self) -> date | None:
        return self.versions[-1].till


class Organisation:
    def __init__(self) -> None:
        self.units: list[Unit] = []
        counters: dict[str, int] = {}
        for i, (name, forv, kind, verks) in enumerate([*_UNITS, _NEW_UNIT]):
            digit = FORV[forv].namnd_digit
            counters[forv] = counters.get(forv, 0) + 1
            ansvar = f"{digit}{counters[forv] * 10 + 1000:04d}"
            unit = Unit(ansvar, f"E{1001 + i * 7}", name, kind, verks)
            start = NEW_UNIT_DATE if (name, forv) == _NEW_UNIT[:2] else HISTORIC_START
            if name in MOVES:
                unit.versions = [
                    Version(forv, start, REORG_DATE - timedelta(days=1), name),
                    Version(MOVES[name], REORG_DATE, None, name),
                ]
            elif name == CLOSES:
                unit.versions = [Version(forv, start, REORG_DATE - timedelta(days=1), name)]
            else:
                unit.versions = [Version(forv, start, None, name)]
            self.units.append(unit)
        self.by_enhet = {u.enhet_id: u for u in self.units}
        self.by_ansvar = {u.ansvar: u for u in self.units}

    def units_of(self, forv: str, d: date, kinds: set[str] | None = None) -> list[Unit]:
        return [
            u for u in self.units
            if u.forvaltning_on(d) == forv and (kinds is None or u.kind in kinds)
        ]

    def hr_units(self, d: date) -> list[Unit]:
        return [u for u in self.units if u.active_on(d) and u.kind != "finans"]

    def unit(self, name: str) -> Unit:
        return next(u for u in self.units if u.name == name)

    def _rows(self, as_of: date, renamed: bool) -> list[list[str]]:
        """A full snapshot as the master-data system knows it on `as_of`."""
        rows = []
        for u in self.units:
            if u.start > as_of + timedelta(days=60):
                continue  # not yet decided
            for v in u.versions:
                if v.fran > as_of + timedelta(days=60):
                    continue
                till = v.till
                # Before the reorganisation is decided, moved and closed units look open.
                if till is not None and till >= as_of + timedelta(days=60):
                    till = None
                name = RENAMED[1] if renamed and u.name == RENAMED[0] else v.name
                rows.append([
                    u.ansvar, u.enhet_id, name, v.forvaltning, FORV[v.forvaltning].name,
                    v.fran.isoformat(), till.isoformat() if till else "",
                ])
        return rows

    def write(self, cfg: Config, stats: Stats) -> None:
        snapshots = [
            (date(cfg.start_year, 1, 1), False),
            (date(2022, 6, 15), False),
            (date(2023, 11, 15), False),
            (date(2024, 3, 1), True),
        ]
        for as_of, renamed in snapshots:
            if as_of > cfg.last_day:
                continue
            with Delivery(
                cfg.out, f"master/organisation_{as_of.isoformat()}.csv", HEADER,
                kind="master/organisation", stats=stats,
            ) as out:
                for row in self._rows(as_of, renamed):
                    out.row(row)
