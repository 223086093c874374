{#- The same, callable with `dbt run-operation` (after `dbt docs generate`). -#}
{% macro drop_landing_schema_now() -%}
    {%- do run_query(drop_landing_schema()) -%}
{%- endmacro %}
