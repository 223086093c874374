"""The shared filters: year and month, förvaltning then unit, sex.

They are drawn by the entry script on every run, so they keep their state when the manager
moves between pages, and they are mirrored into the URL's query parameters (`?ar=2024&
manad=3&forvaltning=SOC&enhet=ALL&kon=K`) so that a copied link opens the same view. A value
in the URL that the warehouse does not have (an old link) falls back to the default.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import streamlit as st

import kpis
import sv_format

PARAMS = {"year": "ar", "month": "manad", "forvaltning": "forvaltning", "unit": "enhet",
          "gender": "kon"}
STATE = {name: f"filter_{name}" for name in PARAMS}
ALL = kpis.ALL_ORGS
# Page controls that live in the URL too (`?organisation=idag`): kept when render() rewrites
# the filters' parameters, so a link to a page opens it with the same view.
PAGE_PARAMS = ["organisation"]
ORGANISATION_VALUES = {False: "som-da", True: "idag"}


@dataclass(frozen=True)
class Filters:
    year: int
    month: int  # 0 = the whole year
    forvaltning: str  # a forvaltning_code or ALL
    unit: str  # a unit_id or ALL
    gender: str  # T, K or M
    forvaltning_name: str = "Hela kommunen"
    unit_name: str = "Alla enheter"

    @property
    def period(self) -> str:
        return f"{self.year}-{self.month:02d}" if self.month else str(self.year)

    def describe(self) -> list[tuple[str, str]]:
        """The active filters in Swedish, for captions and exported files."""
        return [
            ("År", str(self.year)),
            ("Månad", sv_format.month_name(self.month) if self.month else "Hela året"),
            ("Förvaltning", self.forvaltning_name),
            ("Enhet", self.unit_name),
            ("Kön", kpis.GENDER_LABELS[self.gender]),
        ]


def _from_url(name: str, options: list) -> object | None:
    raw = st.query_params.get(PARAMS[name])
    if raw is None:
        return None
    for option in options:
        if str(option) == raw:
            return option
    return None


def _seed(name: str, options: list, default: object) -> None:
    """Give the widget its first value from the URL, and drop a value no longer offered."""
    key = STATE[name]
    if key not in st.session_state:
        from_url = _from_url(name, options)
        st.session_state[key] = default if from_url is None else from_url
    elif st.session_state[key] not in options:
        st.session_state[key] = default


def render(years: list[int], orgs: pd.DataFrame, units: pd.DataFrame) -> Filters:
    """Draw the filters in the sidebar and return the selection.

    orgs: forvaltning_code, forvaltning_name. units: unit_id, unit_name, forvaltning_code.
    """
    years = sorted(years, reverse=True) or [pd.Timestamp.today().year]
    org_names = dict(zip(orgs["forvaltning_code"], orgs["forvaltning_name"], strict=True))
    org_options = [ALL, *org_names]
    months = list(range(13))
    genders = list(kpis.GENDER_LABELS)

    st.sidebar.header("Urval")
    _seed("year", years, years[0])
    year = st.sidebar.selectbox("År", years, key=STATE["year"])
    _seed("month", months, 0)
    month = st.sidebar.selectbox(
        "Månad",
        months,
        key=STATE["month"],
        format_func=lambda m: sv_format.month_name(m).capitalize() if m else "Hela året",
    )
    _seed("forvaltning", org_options, ALL)
    forvaltning = st.sidebar.selectbox(
        "Förvaltning",
        org_options,
        key=STATE["forvaltning"],
        format_func=lambda c: "Hela kommunen" if c == ALL else org_names.get(c, c),
    )
    unit_rows = units[units["forvaltning_code"] == forvaltning] if forvaltning != ALL else (
        units.iloc[0:0]
    )
    unit_names = dict(zip(unit_rows["unit_id"], unit_rows["unit_name"], strict=True))
    unit_options = [ALL, *unit_names]
    _seed("unit", unit_options, ALL)
    unit = st.sidebar.selectbox(
        "Enhet",
        unit_options,
        key=STATE["unit"],
        format_func=lambda u: "Alla enheter" if u == ALL else f"{unit_names.get(u, u)} ({u})",
        disabled=forvaltning == ALL,
        help="Välj först en förvaltning.",
    )
    _seed("gender", genders, kpis.TOTAL_GENDER)
    gender = st.sidebar.selectbox(
        "Kön", genders, key=STATE["gender"], format_func=kpis.GENDER_LABELS.get
    )

    selection = Filters(
        year=int(year),
        month=int(month),
        forvaltning=forvaltning,
        unit=unit,
        gender=gender,
        forvaltning_name="Hela kommunen" if forvaltning == ALL else org_names[forvaltning],
        unit_name="Alla enheter" if unit == ALL else unit_names[unit],
    )
    kept = {p: st.query_params[p] for p in PAGE_PARAMS if p in st.query_params}
    st.query_params.from_dict(
        {
            **kept,
            PARAMS["year"]: str(selection.year),
            PARAMS["month"]: str(selection.month),
            PARAMS["forvaltning"]: selection.forvaltning,
            PARAMS["unit"]: selection.unit,
            PARAMS["gender"]: selection.gender,
        }
    )
    return selection


def current() -> Filters:
    """The selection made by the entry script in this run (pages call this)."""
    return st.session_state["filters"]


def restated_control(key: str = "personal_restated") -> bool:
    """The radio "as the organisation was / restated on today's organisation", drawn where
    the page puts it, seeded from the URL and mirrored into it like the shared filters."""
    options = list(ORGANISATION_VALUES)
    if key not in st.session_state:
        raw = st.query_params.get("organisation")
        st.session_state[key] = next(
            (o for o, v in ORGANISATION_VALUES.items() if v == raw), False)
    restated = st.radio(
        "Organisation",
        options,
        format_func=lambda r: "Omräknad till dagens organisation" if r
        else "Som den var vid varje tidpunkt",
        horizontal=True,
        key=key,
        help="Som den var: varje uppgift redovisas på förvaltningen enheten hörde till då. "
        "Omräknad: historiken redovisas på enheternas förvaltning i dag.",
    )
    st.query_params["organisation"] = ORGANISATION_VALUES[bool(restated)]
    return bool(restated)
