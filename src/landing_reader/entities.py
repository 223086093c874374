"""The landing-zone contract as data: one entry per source entity (source-contract.md)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Entity:
    system: str
    name: str
    file_prefix: str
    # Regex over the file name; its groups make the delivery stamp (joined by "_").
    stamp_pattern: str
    encoding: str
    columns: tuple[str, ...]

    @property
    def table(self) -> str:
        """Name of the landing table (schema `landing`) that dbt's source points at."""
        return f"{self.system}__{self.name}"

    @property
    def glob(self) -> str:
        return f"{self.system}/{self.file_prefix}_*.csv"

    def delivery_stamp(self, file_name: str) -> str | None:
        match = re.fullmatch(self.stamp_pattern, file_name)
        return "_".join(match.groups()) if match else None


_DAY = r"(\d{4}-\d{2}-\d{2})"

ENTITIES: tuple[Entity, ...] = (
    Entity(
        "master", "organisation", "organisation", rf"organisation_{_DAY}\.csv", "utf-8",
        ("ansvar", "enhet_id", "enhetsnamn", "forvaltning_kod", "forvaltning_namn",
         "giltig_fran", "giltig_till"),
    ),
    Entity(
        "hr", "anstallningar", "anstallningar", rf"anstallningar_{_DAY}\.csv", "utf-8",
        ("anstallnings_id", "personnummer", "enhet_id", "befattning", "yrkesgrupp",
         "anstallningsform", "sysselsattningsgrad", "heltidsmatt_timmar", "manadslon",
         "fran_datum", "till_datum"),
    ),
    Entity(
        "hr", "franvaro", "franvaro", rf"franvaro_{_DAY}\.csv", "utf-8",
        ("franvaro_id", "anstallnings_id", "orsak", "fran_datum", "till_datum", "omfattning",
         "makulerad"),
    ),
    Entity(
        "ekonomi", "huvudbok", "huvudbok", r"huvudbok_(\d{6})_(\d{8})\.csv", "latin-1",
        ("verifikation", "rad", "bokforingsdatum", "period", "konto", "ansvar", "verksamhet",
         "aktivitet", "motpart", "belopp", "text"),
    ),
    Entity(
        "ekonomi", "budget", "budget", r"budget_(\d{4})\.csv", "latin-1",
        ("ar", "ansvar", "verksamhet", "konto", "belopp"),
    ),
    Entity(
        "bygglov", "arenden", "arenden", rf"arenden_{_DAY}\.csv", "utf-8",
        ("diarienummer", "arendetyp", "inkom_datum", "komplett_datum", "beslut_datum", "beslut",
         "distrikt_kod"),
    ),
    Entity(
        "forskola", "ansokningar", "ansokningar", rf"ansokningar_{_DAY}\.csv", "utf-8",
        ("ansokan_id", "barn_personnummer", "ansokningsdatum", "onskat_startdatum",
         "erbjudet_datum", "status", "distrikt_kod"),
    ),
    Entity(
        "omsorg", "besok", "besok", r"besok_(\d{4}-\d{2})\.csv", "utf-8",
        ("besok_id", "brukare_personnummer", "personal_id", "insatstyp", "planerad_start",
         "utford_start", "utford_slut"),
    ),
    Entity(
        "scb", "befolkning", "befolkning", r"befolkning_(\d{4})\.csv", "utf-8",
        ("ar", "distrikt_kod", "distrikt_namn", "kon", "alder", "antal"),
    ),
)


def entity_by_table(table: str) -> Entity:
    for entity in ENTITIES:
        if entity.table == table:
            return entity
    raise KeyError(f"no landing entity called {table!r}")


def delivered_on(entity: Entity, stamp: str | None) -> date | None:
    """The day a delivery arrived, as far as its file name tells (used for source freshness).

    Monthly visit files and yearly files carry no delivery day: we take the first day after
    the period they cover (visits, population) or the first day of the budget year.
    """
    if stamp is None:
        return None
    try:
        if entity.name == "huvudbok":
            day = stamp.split("_")[1]
            return date(int(day[:4]), int(day[4:6]), int(day[6:]))
        if len(stamp) == 10:
            return date.fromisoformat(stamp)
        if len(stamp) == 7:
            year, month = int(stamp[:4]), int(stamp[5:])
            return date(year + month // 12, month % 12 + 1, 1)
        if entity.name == "budget":
            return date(int(stamp), 1, 1)
        return date(int(stamp) + 1, 1, 1)
    except ValueError:
        return None
