"""Swedish (sv-SE) number and date formats, all through Babel (CLDR), never by hand.

The separators (a no-break space between thousands, a decimal comma, a no-break space
before `%` and `kr`) are CLDR's for sv_SE; the patterns below only choose how many decimals
a figure gets. Missing values (suppressed or absent) are shown as `..`, the sign Swedish
official statistics use for "figure not available".
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

import pandas as pd
from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal, format_percent

LOCALE = "sv_SE"
MISSING = ".."
NBSP = "\u00a0"

# Units of the KPI catalogue (seeds/kpi_catalogue.csv) -> how a value of that unit is shown.
UNIT_LABELS = {
    "antal": "antal",
    "procent": "procent",
    "kronor": "kronor",
    "dagar": "dagar",
    "timmar": "timmar",
}


def is_missing(value: Any) -> bool:
    """None, NaN, NaT or pandas' NA: a figure that is hidden or does not exist."""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # not a scalar
        return False


def number(value: Any, decimals: int = 0) -> str:
    """`1 234 567` or `1 234,5` (decimals fixed)."""
    if is_missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return _decimal(float(value), pattern)


# Babel parses the pattern and walks CLDR data on every call (~0.1–0.3 ms): a page with a
# few tables formats hundreds of cells on every rerun, mostly the same values as the last
# run, so the formatted strings are kept (pure functions of value and pattern).
@lru_cache(maxsize=65_536)
def _decimal(value: float, pattern: str) -> str:
    return format_decimal(value, format=pattern, locale=LOCALE)


@lru_cache(maxsize=65_536)
def _percent(fraction: float, pattern: str) -> str:
    return format_percent(fraction, format=pattern, locale=LOCALE)


@lru_cache(maxsize=65_536)
def _sek(value: float) -> str:
    return format_currency(
        value, "SEK", format="#,##0" + NBSP + "¤", currency_digits=False, locale=LOCALE
    )


def count(value: Any) -> str:
    """A whole number of things: `12 345`."""
    return number(value, 0)


def percent(value: Any, decimals: int = 1) -> str:
    """A value already in percent (12.34 means 12.34 %): `12,3 %`."""
    if is_missing(value):
        return MISSING
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "") + NBSP + "%"
    return _percent(float(value) / 100, pattern)


def sek(value: Any) -> str:
    """Whole kronor: `1 234 567 kr`."""
    if is_missing(value):
        return MISSING
    return _sek(float(value))


def kpi_value(value: Any, unit: str, decimals: int | None = None) -> str:
    """A KPI value in its catalogue unit."""
    if unit == "procent":
        return percent(value, 1 if decimals is None else decimals)
    if unit == "kronor":
        return sek(value)
    if unit == "dagar":
        return number(value, 1 if decimals is None else decimals) + NBSP + "dagar"
    if unit == "timmar":
        return number(value, 0 if decimals is None else decimals) + NBSP + "tim"
    if is_missing(value):
        return MISSING
    # Counts of persons are whole; FTE and continuity are not.
    whole = float(value).is_integer()
    return number(value, 0 if decimals is None and whole else (decimals or 1))


def kpi_value_short(value: Any, unit: str) -> str:
    """As kpi_value, but large sums of money in millions (`461,3 mnkr`) to fit a tile."""
    if unit == "kronor" and not is_missing(value) and abs(float(value)) >= 10_000_000:
        return number(float(value) / 1_000_000, 1) + NBSP + "mnkr"
    return kpi_value(value, unit)


def change(value: Any, unit: str) -> str | None:
    """A signed difference for st.metric's delta: `+1,2 procentenheter`, `-3 400 kr`."""
    if is_missing(value):
        return None
    v = float(value)
    sign = "+" if v > 0 else ""
    if unit == "procent":
        return f"{sign}{number(v, 1)} procentenheter"
    return sign + kpi_value_short(v, unit)


def date(value: dt.date | None) -> str:
    """`3 juni 2024`."""
    if value is None:
        return MISSING
    return format_date(value, "d MMMM y", locale=LOCALE)


def datetime_(value: dt.datetime | None) -> str:
    """`3 juni 2024 14:05`."""
    if value is None:
        return MISSING
    return format_datetime(value, "d MMMM y HH:mm", locale=LOCALE)


def month(year: int, month_no: int) -> str:
    """`mars 2024` (standalone month name)."""
    return format_date(dt.date(year, month_no, 1), "LLLL y", locale=LOCALE)


def month_name(month_no: int) -> str:
    """`mars`."""
    return format_date(dt.date(2000, month_no, 1), "LLLL", locale=LOCALE)


def period(period_code: str) -> str:
    """`2024` stays `2024`; `2024-03` becomes `mars 2024`."""
    if len(period_code) == 7:
        return month(int(period_code[:4]), int(period_code[5:]))
    return period_code


def duration(seconds: Any) -> str:
    """`2 min 5 s` or `45 s`."""
    if is_missing(seconds):
        return MISSING
    total = int(round(float(seconds)))
    minutes, secs = divmod(total, 60)
    return f"{count(minutes)} min {secs} s" if minutes else f"{secs} s"
