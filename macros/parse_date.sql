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

{% macro postgres__parse_date(expr) -%}
    case
        when {{ regex_full_match(expr, '[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])') }}
            and cast(substr({{ expr }}, 9, 2) as integer) <= extract(day from (
                date_trunc('month', cast(substr({{ expr }}, 1, 7) || '-01' as date))
                + interval '1 month - 1 day'
            ))
            then cast({{ expr }} as date)
    end
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
