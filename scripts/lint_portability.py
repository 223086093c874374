"""Portability lint: fail on DuckDB-only SQL in models (issue 10).

The same models run on DuckDB, PostgreSQL and Spark; engine differences belong in
dispatched macros (macros/), which this lint does not read. Jinja blocks and comments are
blanked out before matching, so a rule only fires on SQL the model itself spells out.

    python scripts/lint_portability.py [paths...]      (default: models/)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# (pattern, what to use instead). Patterns are matched case-insensitively on one model's
# SQL with Jinja and comments removed.
RULES: tuple[tuple[str, str], ...] = (
    (r"\bqualify\b", "a window in a CTE, then `where rank = 1`"),
    (r"\*\s*(exclude|replace)\b", "an explicit column list or star_except()"),
    (r"\b(group|order)\s+by\s+all\b", "the column list"),
    (r"::", "cast(x as type)"),
    (r"(?<![\w\]\)'\"])\[", "no list literals or subscripts (a dispatched macro)"),
    (r"\b(strptime|strftime)\s*\(", "parse_date / parse_timestamp or a dispatched macro"),
    (r"\btry_cast\s*\(", "dbt.safe_cast"),
    (r"\bread_(csv|csv_auto|parquet|json)\s*\(", "a source()"),
    (r"\bregexp_(matches|full_match|extract)\s*\(", "the regex_* macros"),
    (r"\b(date_diff|datediff|date_add|date_sub)\s*\(", "dbt.datediff / dbt.dateadd"),
    (r"\blast_day\s*\(", "dbt.last_day"),
    (r"\b(epoch|epoch_ms|isodow|dayofweek|dayofyear)\s*\(", "iso_date_part or extract(...)"),
    (r"\b(list_\w+|struct_pack|array_length|unnest|generate_series|range)\s*\(",
     "a dispatched macro or dbt.date_spine"),
    (r"\b(if|ifnull|iff|nvl)\s*\(", "case when ... end or coalesce"),
    (r"\b(count_if|any_value|arg_max|arg_min|max_by|min_by)\s*\(",
     "a portable aggregate (case inside sum/max, a window)"),
    (r"\bstring_agg\s*\(|\bgroup_concat\s*\(|\blistagg\s*\(", "dbt.listagg"),
    (r"\bilike\b", "lower(x) like ..."),
    # `double` is DuckDB's and Spark's name; PostgreSQL knows only `double precision`.
    (r"\bas\s+double\b(?!\s+precision)", "type_double() (or float8 in a YAML data_type)"),
    # Spark rejects `varchar` without a length; dbt.type_string() is each
    # engine's own text type.
    (r"\bas\s+varchar\b(?!\s*\()", "dbt.type_string()"),
)

_JINJA = re.compile(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", re.DOTALL)
_LINE_COMMENT = re.compile(r"--[^\n]*")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_STRING = re.compile(r"'(?:[^']|'')*'")


def _blank(match: re.Match[str]) -> str:
    """Keep line breaks so that reported line numbers stay right."""
    return re.sub(r"[^\n]", " ", match.group(0))


def plain_sql(text: str) -> str:
    """The model's own SQL: Jinja, comments and string literals blanked out."""
    for pattern in (_JINJA, _BLOCK_COMMENT, _LINE_COMMENT, _STRING):
        text = pattern.sub(_blank, text)
    return text


def findings(text: str) -> list[tuple[int, str, str]]:
    """(line number, offending text, advice) for every rule that fires."""
    sql = plain_sql(text)
    found = []
    for pattern, advice in RULES:
        for match in re.finditer(pattern, sql, flags=re.IGNORECASE):
            line = sql.count("\n", 0, match.start()) + 1
            found.append((line, match.group(0).strip(), advice))
    return sorted(found)


def main(argv: list[str]) -> int:
    roots = [Path(arg) for arg in argv] or [Path("models")]
    files = sorted(p for root in roots for p in ([root] if root.is_file() else root.rglob("*.sql")))
    failed = 0
    for path in files:
        for line, text, advice in findings(path.read_text(encoding="utf-8")):
            print(f"{path}:{line}: DuckDB-only `{text}`: use {advice}")
            failed += 1
    print(f"portability lint: {len(files)} models, {failed} finding(s)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
