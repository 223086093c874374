{#- Put after `as` in a CTE: `parsed as {{ materialized_cte(['postgres']) }} (`. It gives
    `materialized` on the listed engines and nothing elsewhere (Spark has no such keyword).
    The engines err in opposite directions, so each CTE names the engines it needs it on:
    - PostgreSQL merges a CTE used once into the query that reads it and repeats its
      expressions at every use (a trimmed text used ten times by a timestamp check is
      trimmed ten times);
    - DuckDB inlines a CTE used twice when its columns look cheap, and then computes them
      twice (the century rule of 11 M visits: 7 CPU-s at scale 1). -#}
{% macro materialized_cte(engines) -%}
    {%- if target.type in engines %}materialized{% endif -%}
{%- endmacro %}
