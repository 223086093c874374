{#- The landing tables are raw copies of the delivery files, personnummer included; the
    privacy rule allows them no further than staging, so they do not outlive the run. On
    PostgreSQL and Spark they were loaded before the run (load_postgres, load_spark) and are
    dropped here all the same: the next `make build` loads them again. -#}
{% macro drop_landing_schema() -%}
    {%- if execute -%}
        drop schema if exists landing cascade
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}
