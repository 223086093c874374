"""The portability lint catches DuckDB-only SQL in models and leaves portable SQL alone."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location(
    "lint_portability", ROOT / "scripts" / "lint_portability.py"
)
lint = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lint)


@pytest.mark.parametrize(
    "sql",
    [
        "select * from t qualify row_number() over (partition by a order by b) = 1",
        "select * exclude (a) from t",
        "select a, count(*) from t group by all",
        "select a from t order by all",
        "select a::date from t",
        "select [1, 2, 3] as xs",
        "select strptime(a, '%Y') from t",
        "select try_cast(a as int) from t",
        "select * from read_csv('x.csv')",
        "select regexp_matches(a, 'x') from t",
        "select date_diff('day', a, b) from t",
        "select last_day(a) from t",
        "select isodow(a) from t",
        "select list_sum(a) from t",
        "select if(a, 1, 2) from t",
        "select count_if(a) from t",
        "select string_agg(a, ',') from t",
        "select a from t where a ilike 'x%'",
        "select cast(a as double) from t",
        "select cast(\n    a + b as double\n) from t",
        "select cast(a as varchar) from t",
    ],
)
def test_duckdb_only_sql_is_found(sql: str) -> None:
    assert lint.findings(sql), sql


def test_portable_sql_and_jinja_pass() -> None:
    sql = """
    {#- select a::date qualify -#}
    with source as (
        select * from {{ ref('stg_x') }}  -- group by all in a comment
    ),
    final as (
        select
            cast(a as date) as a_date,
            {{ dbt.dateadd('day', 1, 'a') }} as next_day,
            case when b = '[x]::y' then 1 end as flag,
            coalesce(c, 0) as c,
            cast(e as double precision) as e,
            cast(f as {{ type_double() }}) as f,
            cast(g as {{ dbt.type_string() }}) as g,
            cast(h as varchar(10)) as h
        from source
        {% if true %} where d = 1 {% endif %}
    )
    select * from final
    """
    assert lint.findings(sql) == []


def test_reported_line_is_the_offending_line() -> None:
    sql = "{#- a\ncomment -#}\nselect\n    a::int\nfrom t"
    assert [line for line, _, _ in lint.findings(sql)] == [4]


def test_every_model_is_portable() -> None:
    assert lint.main([str(ROOT / "models")]) == 0
