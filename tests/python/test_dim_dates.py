"""dim_dates against the `holidays` library (Sweden, public and de facto holidays): on
every weekday from 2005 (the year 6 June became a public holiday and Whit Monday stopped
being one) to 2040, a day is a working day in the warehouse exactly when the library
knows no holiday on it. Easter, Ascension Day and Midsummer Eve are computed in SQL; this
is the independent check of those computations."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import duckdb
import holidays
import pytest

WAREHOUSE = os.environ.get("DUCKDB_PATH")

pytestmark = pytest.mark.skipif(
    not (WAREHOUSE and Path(WAREHOUSE).exists()),
    reason="needs a built warehouse: run `make test` (sets DUCKDB_PATH)",
)

FIRST_YEAR, LAST_YEAR = 2005, 2040


@pytest.fixture(scope="module")
def weekdays() -> dict[date, tuple[bool, str | None]]:
    with duckdb.connect(WAREHOUSE, read_only=True) as con:
        rows = con.sql(
            f"""
            select date_day, is_working_day, holiday_name
            from marts.dim_dates
            where year between {FIRST_YEAR} and {LAST_YEAR} and iso_weekday <= 5
            """
        ).fetchall()
    return {day: (is_working, name) for day, is_working, name in rows}


@pytest.fixture(scope="module")
def swedish_holidays() -> holidays.HolidayBase:
    return holidays.SE(
        years=range(FIRST_YEAR, LAST_YEAR + 1),
        categories=("public", "de_facto"),
        language="sv",
    )


def test_every_weekday_is_in_dim_dates(weekdays) -> None:
    expected = sum(
        1
        for ordinal in range(date(FIRST_YEAR, 1, 1).toordinal(),
                             date(LAST_YEAR, 12, 31).toordinal() + 1)
        if date.fromordinal(ordinal).weekday() < 5
    )
    assert len(weekdays) == expected


def test_working_day_flag_agrees_with_holidays_library(weekdays, swedish_holidays) -> None:
    disagreements = [
        (day, is_working, swedish_holidays.get(day))
        for day, (is_working, _name) in sorted(weekdays.items())
        if is_working == (day in swedish_holidays)
    ]
    assert disagreements == []


def test_weekday_holidays_are_named(weekdays, swedish_holidays) -> None:
    unnamed = [day for day, (_w, name) in weekdays.items()
               if day in swedish_holidays and not name]
    named_but_working = [day for day, (is_working, name) in weekdays.items()
                         if name and is_working]
    assert unnamed == []
    assert named_but_working == []


def _library_dates(swedish_holidays: holidays.HolidayBase, name: str) -> set[date]:
    return {day for day, label in swedish_holidays.items() if name in label}


@pytest.mark.parametrize(
    ("library_name", "known_dates"),
    [
        # Good Friday: 2 days before Easter Sunday (2024-03-31, 2025-04-20, 2038-04-25).
        ("Långfredagen", {date(2024, 3, 29), date(2025, 4, 18), date(2038, 4, 23)}),
        # Midsummer Eve: the Friday between 19 and 25 June.
        ("Midsommarafton", {date(2024, 6, 21), date(2025, 6, 20), date(2027, 6, 25)}),
        # Ascension Day: 39 days after Easter Sunday.
        ("Kristi himmelsfärdsdag", {date(2024, 5, 9), date(2025, 5, 29)}),
    ],
)
def test_moving_holidays_are_not_working_days(
    weekdays, swedish_holidays, library_name, known_dates
) -> None:
    library = _library_dates(swedish_holidays, library_name)
    assert known_dates <= library
    for day in library:
        is_working, name = weekdays[day]
        assert not is_working, day
        assert name, day
