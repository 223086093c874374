{#- What staging keeps of a personnummer, for accepted rows only: the keyed pseudonym, sex
    and birth year, named `<prefix>person_key`, `<prefix>sex`, `<prefix>birth_year`.
    Expects `quarantine_reason` beside the 12-digit number. -#}
{% macro person_columns(pnr12, prefix='') -%}
    {{ accepted_person_columns(
        pseudonymise(pnr12), personnummer_sex(pnr12), personnummer_birth_year(pnr12), prefix
    ) }}
{%- endmacro %}

{#- The same three columns from a pseudonym, sex and birth year already worked out (once per
    distinct number in stg_omsorg__visits): kept for accepted rows only. -#}
{% macro accepted_person_columns(person_key, sex, birth_year, prefix='') -%}
    case when quarantine_reason is null then {{ person_key }} end
        as {{ prefix }}person_key,
    case when quarantine_reason is null then {{ sex }} end
        as {{ prefix }}sex,
    case when quarantine_reason is null then {{ birth_year }} end
        as {{ prefix }}birth_year
{%- endmacro %}

{#- The year of birth of a 12-digit personnummer `YYYYMMDDNNNN`. -#}
{% macro personnummer_birth_year(pnr12) -%}
    cast(substr({{ pnr12 }}, 1, 4) as integer)
{%- endmacro %}
