{#- The columns of a relation as an explicit, comma-separated list, leaving some out.
    (dbt_utils.star is not installable here: no dbt package hub.) -#}
{% macro star_except(relation, except=[]) -%}
    {%- if not execute -%}{{ return('*') }}{%- endif -%}
    {%- set names = [] -%}
    {%- for column in adapter.get_columns_in_relation(relation) -%}
        {%- if column.name | lower not in except | map('lower') | list -%}
            {%- do names.append(column.name) -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(names | join(',\n        ')) }}
{%- endmacro %}
