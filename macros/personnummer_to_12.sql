{#- A personnummer in either source form as its 12 digits `YYYYMMDDNNNN`, or null when the
    format is wrong. The 10-digit form `YYMMDD-NNNN` (care system) gets the century that
    makes the person younger than 100 in `reference_year`, or 100+ when the separator is `+`. -#}
{% macro personnummer_to_12(raw, reference_year) -%}
    case
        when {{ regex_full_match(raw, '[0-9]{8}[-+]?[0-9]{4}') }}
            then substr({{ raw }}, 1, 8) || substr({{ raw }}, length({{ raw }}) - 3, 4)
        when {{ regex_full_match(raw, '[0-9]{6}[-+][0-9]{4}') }}
            then cast(
                {{ reference_year }}
                - mod({{ reference_year }} - cast(substr({{ raw }}, 1, 2) as integer), 100)
                - case when substr({{ raw }}, 7, 1) = '+' then 100 else 0 end
                as {{ dbt.type_string() }}
            ) || substr({{ raw }}, 3, 4) || substr({{ raw }}, 8, 4)
    end
{%- endmacro %}
