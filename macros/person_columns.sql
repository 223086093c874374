{#- What staging keeps of a personnummer, for accepted rows only: the keyed pseudonym, sex
    and birth year, named `<prefix>person_key`, `<prefix>sex`, `<prefix>birth_year`.
    Expects `quarantine_reason` beside the 12-digit number. -#}
{% macro person_columns(pnr12, prefix='') -%}
    case when quarantine_reason is null then {{ pseudonymise(pnr12) }} end
        as {{ prefix }}person_key,
    case when quarantine_reason is null then {{ personnummer_sex(pnr12) }} end
        as {{ prefix }}sex,
    case when quarantine_reason is null then cast(substr({{ pnr12 }}, 1, 4) as integer) end
        as {{ prefix }}birth_year
{%- endmacro %}
