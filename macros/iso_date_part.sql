{#- An ISO calendar part of a date as an integer: `isoyear`, `week` (ISO week) or `isodow`
    (1 = Monday ... 7 = Sunday). Spark names two of them differently. -#}
{% macro iso_date_part(part, expression) -%}
    {{ return(adapter.dispatch('iso_date_part')(part, expression)) }}
{%- endmacro %}

{% macro default__iso_date_part(part, expression) -%}
    cast(extract({{ part }} from {{ expression }}) as integer)
{%- endmacro %}

{% macro spark__iso_date_part(part, expression) -%}
    {%- set spark_names = {'isoyear': 'yearofweek', 'isodow': 'dayofweek_iso', 'week': 'week'} -%}
    cast(extract({{ spark_names[part] }} from {{ expression }}) as integer)
{%- endmacro %}
