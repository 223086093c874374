{#- The landing tables are raw copies of the delivery files, personnummer included; the
    privacy rule allows them no further than staging, so they do not outlive the run. -#}
{% macro drop_landing_schema() -%}
    {%- if execute and target.type == 'duckdb' -%}
        drop schema if exists landing cascade
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

