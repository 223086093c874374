"""Tables as a manager sees them, and the same tables as CSV and Excel files.

A table is a data frame plus a list of Column specs. The page, the CSV and the .xlsx file
all take the figures from the same frame, which has already been through disclosure
control: a hidden figure is missing (`..`) in all three. The files start with the title,
the active filters and the time the warehouse was built, and end with the footnote.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import xlsxwriter

import disclosure
import sv_format

# kind -> (how the page and the CSV show it, the Excel number format)
KINDS = {
    "text": (str, None),
    "count": (sv_format.count, "#,##0"),
    "number1": (lambda v: sv_format.number(v, 1), "#,##0.0"),
    "number2": (lambda v: sv_format.number(v, 2), "#,##0.00"),
    "percent": (sv_format.percent, '0.0" %"'),
    "sek": (sv_format.sek, '#,##0" kr"'),
    "days": (lambda v: sv_format.number(v, 1), "#,##0.0"),
    "hours": (sv_format.count, "#,##0"),
}


@dataclass(frozen=True)
class Column:
    source: str  # column of the frame
    label: str  # Swedish heading
    kind: str = "text"

    def show(self, value: object) -> str:
        if self.kind == "text":
            return "" if value is None or (isinstance(value, float) and pd.isna(value)) else (
                str(value)
            )
        return KINDS[self.kind][0](value)


# KPIs of unit `antal` that count whole things; the others (FTE, continuity) have decimals.
WHOLE_COUNTS = {"HR_HEADCOUNT", "POP_TOTAL", "POP_80_PLUS"}


def unit_kind(unit: str, kpi_id: str | None = None) -> str:
    """The column kind for a KPI catalogue unit."""
    if kpi_id in WHOLE_COUNTS:
        return "count"
    return {"procent": "percent", "kronor": "sek", "dagar": "days", "timmar": "hours"}.get(
        unit, "number1"
    )


def formatted(df: pd.DataFrame, columns: Sequence[Column]) -> pd.DataFrame:
    """The table as sv-SE text, headed in Swedish: what the page shows and the CSV holds."""
    return pd.DataFrame(
        {c.label: [c.show(v) for v in df[c.source]] for c in columns}, index=range(len(df))
    )


def _preamble(
    title: str, filters: Sequence[tuple[str, str]], built: str
) -> list[list[str]]:
    return [
        [title],
        *[[f"{name}:", value] for name, value in filters],
        ["Lagret byggt:", built],
        [],
    ]


def _footnotes(df: pd.DataFrame) -> list[list[str]]:
    notes = [[]]
    if disclosure.any_suppressed(df):
        notes.append([disclosure.FOOTNOTE.replace("`", "")])
    notes.append(["Talformat: svenska (mellanslag som tusentalsavgränsare, decimalkomma)."])
    return notes


def to_csv(
    df: pd.DataFrame,
    columns: Sequence[Column],
    *,
    title: str,
    filters: Sequence[tuple[str, str]],
    built: str,
) -> bytes:
    """Semicolon-separated UTF-8 with a byte-order mark: Swedish Excel opens it directly."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    writer.writerows(_preamble(title, filters, built))
    shown = formatted(df, columns)
    writer.writerow(list(shown.columns))
    writer.writerows(shown.itertuples(index=False))
    writer.writerows(_footnotes(df))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(
    df: pd.DataFrame,
    columns: Sequence[Column],
    *,
    title: str,
    filters: Sequence[tuple[str, str]],
    built: str,
) -> bytes:
    """One sheet: the preamble, the table with numbers as numbers, the footnotes.

    Figures are written as numbers with an Excel number format (Excel shows them with the
    reader's separators, a Swedish Excel with space and decimal comma); hidden ones as `..`.
    """
    buf = io.BytesIO()
    book = xlsxwriter.Workbook(buf, {"in_memory": True})
    sheet = book.add_worksheet("Data")
    bold = book.add_format({"bold": True})
    formats = {
        kind: book.add_format({"num_format": fmt}) for kind, (_, fmt) in KINDS.items() if fmt
    }
    right = book.add_format({"align": "right"})
    row = 0
    for line in _preamble(title, filters, built):
        for col, text in enumerate(line):
            sheet.write_string(row, col, text, bold if row == 0 else None)
        row += 1
    for col, c in enumerate(columns):
        sheet.write_string(row, col, c.label, bold)
        sheet.set_column(col, col, max(12, min(48, len(c.label) + 4)))
    row += 1
    for record in df[[c.source for c in columns]].itertuples(index=False):
        for col, (c, value) in enumerate(zip(columns, record, strict=True)):
            if c.kind == "text":
                sheet.write_string(row, col, c.show(value))
            elif sv_format.is_missing(value):
                sheet.write_string(row, col, sv_format.MISSING, right)
            else:
                sheet.write_number(row, col, float(value), formats[c.kind])
        row += 1
    for line in _footnotes(df):
        for col, text in enumerate(line):
            sheet.write_string(row, col, text)
        row += 1
    book.close()
    return buf.getvalue()
