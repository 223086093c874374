{#- A Swedish number (`75,5`, `-1 234 567,50` with space or no-break-space thousands
    separators) as a decimal; null when empty, not a number, or too many integer digits for
    decimal(precision, scale) (a cast would otherwise fail the whole build). -#}
{% macro parse_swedish_decimal(expr, precision=18, scale=2) -%}
    {%- set cleaned -%}
        replace(replace(replace({{ expr }}, ' ', ''), chr(160), ''), ',', '.')
    {%- endset -%}
    {#- The cast is outside the case so that the column keeps its precision and scale on
        PostgreSQL (a case drops them there). -#}
    cast(case
        when {{ regex_full_match(cleaned, '-?[0-9]{1,' ~ (precision - scale) ~ '}([.][0-9]+)?') }}
            then {{ cleaned }}
    end as decimal({{ precision }}, {{ scale }}))
{%- endmacro %}
