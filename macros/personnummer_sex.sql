{#- Sex from the 9th digit of the 10-digit form: odd = man (M), even = woman (K),
    Kolada's codes. -#}
{% macro personnummer_sex(pnr12) -%}
    case
        when mod(cast(substr({{ pnr12 }}, 11, 1) as integer), 2) = 1 then 'M'
        else 'K'
    end
{%- endmacro %}
