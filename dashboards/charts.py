"""Altair charts in Swedish: sv-SE axis formats (Vega's locale built from Babel's CLDR
data), Swedish tooltips whose figures are formatted by Babel, colour-blind-safe colours."""

from __future__ import annotations

import datetime as dt
import functools

import altair as alt
import pandas as pd
import streamlit as st
from babel.dates import get_day_names, get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

import disclosure
import kpis
import sv_format

# Okabe–Ito: colours told apart with every common kind of colour blindness. The first five
# have at least 3:1 contrast against the white background (WCAG 1.4.11); the light ones
# come last and are used only where more than five series are needed.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#E69F00", "#56B4E9",
           "#F0E442"]
UNIT_TITLES = {"procent": "Procent", "dagar": "Dagar", "timmar": "Timmar", "kronor": "Kronor",
               "antal": "Antal"}
GENDER_COLOURS = {"Totalt": "#000000", "Kvinnor": "#D55E00", "Män": "#0072B2"}


@functools.cache
def vega_locale() -> dict:
    """d3's number and time locale for sv-SE, taken from Babel rather than typed in."""
    loc = sv_format.LOCALE
    months = get_month_names("wide", locale=loc)
    short_months = get_month_names("abbreviated", locale=loc)
    days = get_day_names("wide", locale=loc)
    short_days = get_day_names("abbreviated", locale=loc)
    # Babel numbers days Monday=0; d3 lists them from Sunday.
    order = [6, 0, 1, 2, 3, 4, 5]
    return {
        "number": {
            "decimal": get_decimal_symbol(loc),
            "thousands": get_group_symbol(loc),
            "grouping": [3],
            "currency": ["", "\u00a0kr"],
            "percent": "\u00a0%",
        },
        "time": {
            "dateTime": "%A %e %B %Y %X",
            "date": "%Y-%m-%d",
            "time": "%H:%M:%S",
            "periods": ["fm", "em"],
            "days": [days[i] for i in order],
            "shortDays": [short_days[i] for i in order],
            "months": [months[i] for i in range(1, 13)],
            "shortMonths": [short_months[i].rstrip(".") for i in range(1, 13)],
        },
    }


def period_date(period: str) -> dt.date:
    return dt.date(int(period[:4]), int(period[5:7]) if kpis.is_month(period) else 1, 1)


def prepare(df: pd.DataFrame, unit: str, series: str | None = None) -> pd.DataFrame:
    """Add what a chart and its tooltip show: the period as a date and as Swedish text,
    the value as Swedish text (`..` when hidden), the series label."""
    out = df.copy()
    out["period_date"] = pd.to_datetime([period_date(p) for p in out["period"]])
    out["period_label"] = [sv_format.period(p) for p in out["period"]]
    out["month_label"] = [
        sv_format.month_name(int(p[5:7]))[:3] if kpis.is_month(p) else p for p in out["period"]
    ]
    out["value_text"] = [sv_format.kpi_value(v, unit) for v in out["value"]]
    if series is not None:
        out["series"] = out[series]
    if disclosure.SUPPRESSED not in out.columns:
        out[disclosure.SUPPRESSED] = False
    return out


def _colour(domain: list[str]) -> alt.Scale:
    if set(domain) <= set(GENDER_COLOURS):
        return alt.Scale(domain=domain, range=[GENDER_COLOURS[d] for d in domain])
    return alt.Scale(domain=domain, range=PALETTE)


def _axis_format(unit: str) -> str:
    return ",.1f" if unit in ("procent", "dagar") else ",.0f"


def _finish(chart: alt.Chart) -> dict:
    """The Vega-Lite spec with the Swedish locale. The builders are cached per build and
    filter (st.cache_data): turning an Altair chart into its spec is most of a chart's cost,
    and schema validation is skipped because the builders are fixed and tested."""
    return chart.configure(locale=vega_locale()).to_dict(validate=False)


@st.cache_data(max_entries=256, show_spinner=False)
def trend(
    data: pd.DataFrame, unit: str, value_title: str, monthly: bool, series_title: str = "Serie"
) -> dict:
    """Lines over time, one per series; a hidden value is a gap, not a zero."""
    domain = list(dict.fromkeys(data["series"]))
    base = alt.Chart(data).encode(
        x=alt.X(
            "period_date:T",
            title="Månad" if monthly else "År",
            axis=alt.Axis(
                format="%b %Y" if monthly else "%Y",
                labelAngle=0,
                # One tick per quarter or per year: d3's own choice repeats labels.
                tickCount={"interval": "month", "step": 3}
                if monthly
                else {"interval": "year", "step": 1},
            ),
        ),
        # The page's heading names the KPI; the axis only says its unit.
        y=alt.Y("value:Q", title=UNIT_TITLES.get(unit, value_title),
                axis=alt.Axis(format=_axis_format(unit))),
        color=alt.Color(
            "series:N",
            title=series_title,
            scale=_colour(domain),
            legend=alt.Legend(orient="bottom") if len(domain) > 1 else None,
        ),
        tooltip=[
            alt.Tooltip("series:N", title=series_title),
            alt.Tooltip("period_label:N", title="Period"),
            alt.Tooltip("value_text:N", title=value_title),
        ],
    )
    return _finish(
        (base.mark_line() + base.mark_point(filled=True, size=40)).properties(height=320)
    )


@st.cache_data(max_entries=256, show_spinner=False)
def bars(
    data: pd.DataFrame, category: str, category_title: str, unit: str, value_title: str
) -> dict:
    """Horizontal bars, largest first; categories whose value is hidden show no bar."""
    chart = (
        alt.Chart(data)
        .mark_bar(color=PALETTE[0])
        .encode(
            x=alt.X("value:Q", title=value_title, axis=alt.Axis(format=_axis_format(unit))),
            y=alt.Y(f"{category}:N", title=category_title, sort="-x",
                    axis=alt.Axis(labelLimit=300)),
            tooltip=[
                alt.Tooltip(f"{category}:N", title=category_title),
                alt.Tooltip("value_text:N", title=value_title),
            ],
        )
        .properties(height=alt.Step(28))
    )
    return _finish(chart)


@st.cache_data(max_entries=256, show_spinner=False)
def monthly_bars_with_line(
    data: pd.DataFrame, bar_title: str, line_field: str, line_title: str, line_text: str
) -> dict:
    """Monthly bars (e.g. net cost) with a cumulative line over them (year to date)."""
    base = alt.Chart(data).encode(
        x=alt.X(
            "month_label:O",
            title="Månad",
            sort=list(data["month_label"]),
            axis=alt.Axis(labelAngle=0),
        ),
    )
    tooltip = [
        alt.Tooltip("period_label:N", title="Månad"),
        alt.Tooltip("value_text:N", title=bar_title),
        alt.Tooltip(f"{line_text}:N", title=line_title),
    ]
    bar = base.mark_bar(color=PALETTE[0]).encode(
        y=alt.Y("value:Q", title="Kronor", axis=alt.Axis(format=",.0f")), tooltip=tooltip
    )
    line = base.mark_line(color=PALETTE[1], point=True).encode(
        y=alt.Y(f"{line_field}:Q"), tooltip=tooltip
    )
    return _finish((bar + line).properties(height=320))
