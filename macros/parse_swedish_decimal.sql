{#- A Swedish number (`75,5`, `-1 234 567,50` with space or no-break-space thousands
    separators) as a decimal; null when empty, not a number, or too many integer digits for
    decimal(precision, scale) (a cast would otherwise fail the whole build). -#}
{% macro parse_swedish_decimal(expr, precision=18, scale=2) -%}
    {%- set cleaned -%}
        replace(replace(replace({{ expr }}, ' ', ''), chr(160), ''), ',', '.')
    {%- endset -%}
    case
        when {{ regex_full_match(cleaned, '-?[0-9]{1,' ~ (precision - scale) ~ '}([.][0-9]+)?') }}
            then cast({{ cleaned }} as decimal({{ precision }}, {{ scale }}))
    end
{%- endmacro %}
