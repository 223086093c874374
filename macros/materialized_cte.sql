{#- Put after `as` in a CTE: `parsed as {{ materialized_cte(['postgres']) }} (`. It gives
    `materialized` on the listed engines and nothing elsewhere (Spark has no such keyword).
    PostgreSQL merges a CTE used once into the query that reads it and repeats its
    expressions at every use (a trimmed text used ten times by a timestamp check is trimmed
    ten times). DuckDB needs no mark: it inlines a CTE read once and decides by itself whether
    one read twice is held in memory or computed twice (stg_omsorg__visits reads no CTE twice:
    its 11 M rows held spilled 3 GB to disk). -#}
{% macro materialized_cte(engines) -%}
    {%- if target.type in engines %}materialized{% endif -%}
{%- endmacro %}
