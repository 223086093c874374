{#- A `YYYY-MM-DD` text as a date; null when empty or not a real calendar date
    (2023-02-30 is null, not 2023-03-02). -#}
{% macro parse_date(expr) -%}
    {{ return(adapter.dispatch('parse_date', 'kommun')(expr)) }}
{%- endmacro %}

{% macro default__parse_date(expr) -%}
    case
        when {{ regex_full_match(expr, '[0-9]{4}-[0-9]{2}-[0-9]{2}') }}
            then try_cast({{ expr }} as date)
    end
{%- endmacro %}

{#- DuckDB: the same shape by GLOB, half the cost of the regex (parse_timestamp). -#}
{% macro duckdb__parse_date(expr) -%}
    case
        when {{ expr }} glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'
            then try_cast({{ expr }} as date)
    end
{%- endmacro %}

{#- PostgreSQL has no try_cast (a bad date is an error): the shape by `translate`, cheaper
    there than a regex, then the calendar. -#}
{% macro postgres__parse_date(expr) -%}
    case
        when translate({{ expr }}, '123456789', '000000000') = '0000-00-00'
            and {{ postgres__is_calendar_day(expr) }}
            then cast({{ expr }} as date)
    end
{%- endmacro %}

{#- Month 01-12 and a day that the month has, for a text whose first ten characters are
    `dddd-dd-dd` (digits known): the last day of the month is worked out only past the 28th. -#}
{% macro postgres__is_calendar_day(expr) -%}
    (
        substr({{ expr }}, 6, 2) between '01' and '12'
        and substr({{ expr }}, 9, 2) between '01' and '31'
        and (
            substr({{ expr }}, 9, 2) <= '28'
            or cast(substr({{ expr }}, 9, 2) as integer) <= extract(day from (
                cast(substr({{ expr }}, 1, 7) || '-01' as date) + interval '1 month - 1 day'
            ))
        )
    )
{%- endmacro %}

{#- Spark (ANSI mode off, as dbt-spark sets it): a cast of a text that is no real date is
    null (2023-02-30 stays null, never 2023-03-02); the regex keeps Spark's lenient forms
    (`2023-2-3`, a trailing time) out. -#}
{% macro spark__parse_date(expr) -%}
    case
        when {{ regex_full_match(expr, '[0-9]{4}-[0-9]{2}-[0-9]{2}') }}
            then cast({{ expr }} as date)
    end
{%- endmacro %}
