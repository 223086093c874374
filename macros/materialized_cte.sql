{#- Put after `as` in a CTE whose columns are expensive expressions used several times
    below: `parsed as {{ materialized_cte() }} (`. PostgreSQL merges a CTE used once into
    the query that reads it and repeats its expressions at every use (a trimmed text used
    ten times by a timestamp check is trimmed ten times); `materialized` computes each row
    once. DuckDB computes a shared expression once anyway, and Spark has no such keyword. -#}
{% macro materialized_cte() -%}
    {{ return(adapter.dispatch('materialized_cte', 'kommun')()) }}
{%- endmacro %}

{% macro default__materialized_cte() -%}
{%- endmacro %}

{% macro postgres__materialized_cte() -%}
    materialized
{%- endmacro %}
