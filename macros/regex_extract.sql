{#- The text of capture group `group` of the first match of `pattern` in `expr`
    (empty or null when there is no match). -#}
{% macro regex_extract(expr, pattern, group=0) -%}
    {{ return(adapter.dispatch('regex_extract', 'kommun')(expr, pattern, group)) }}
{%- endmacro %}

{% macro default__regex_extract(expr, pattern, group=0) -%}
    regexp_extract({{ expr }}, '{{ pattern }}', {{ group }})
{%- endmacro %}

{% macro postgres__regex_extract(expr, pattern, group=0) -%}
    {%- if group == 0 -%}
    substring({{ expr }} from '{{ pattern }}')
    {%- else -%}
    (regexp_match({{ expr }}, '{{ pattern }}'))[{{ group }}]
    {%- endif -%}
{%- endmacro %}

{#- Spark's regexp_extract is Java's regex, with the same group numbering. -#}
{% macro spark__regex_extract(expr, pattern, group=0) -%}
    regexp_extract({{ expr }}, '{{ pattern }}', {{ group }})
{%- endmacro %}
