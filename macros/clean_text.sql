{#- A raw landing field trimmed, with the empty string as null ("empty = unknown"). -#}
{% macro clean_text(expr) -%}
    nullif(trim({{ expr }}), '')
{%- endmacro %}
