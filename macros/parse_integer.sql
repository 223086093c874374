{#- Digits (optionally signed) as an integer; null when empty or not an integer. -#}
{% macro parse_integer(expr) -%}
    case
        when {{ regex_full_match(expr, '-?[0-9]{1,9}') }}
            then cast({{ expr }} as integer)
    end
{%- endmacro %}
