{#- Schemas are named by layer (staging, intermediate, marts, reference) without a target
    prefix, because tools outside dbt read fixed names such as marts.kpi_values. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
