{#- A post-hook of every model (dbt_project.yml). PostgreSQL plans each query from table
    statistics, and a table made a moment ago has none until autovacuum analyses it, about a
    minute later; without them it took a nested loop where a hash join was due
    (fct_budget_follow_up_months at scale 1: 183 s instead of about 1 s). So each table is
    analysed as soon as it is built. DuckDB and Spark need nothing: no statement is run. -#}
{% macro analyze_table() -%}
    {{ return(adapter.dispatch('analyze_table', 'kommun')()) }}
{%- endmacro %}

{% macro default__analyze_table() -%}
{%- endmacro %}

{% macro postgres__analyze_table() -%}
    {%- if config.get('materialized') in ('table', 'incremental') -%}
        analyze {{ this }}
    {%- endif -%}
{%- endmacro %}
