{#- The join condition that attributes a fact to the organisation unit version valid on the
    fact's date (kpi-definitions.md, "Organisation"). `key_column` is `ansvar` (finance) or
    `unit_id` (HR's enhet_id). dim_organisation_units clips overlapping versions, so at most
    one version matches a key on a day; a fact with none is UNMAPPED:

        left join {{ ref('dim_organisation_units') }} as org
            on {{ org_unit_on_date('org', 'ansvar', 'ledger.ansvar', 'ledger.booking_date') }}
        ... coalesce(org.forvaltning_code, 'UNMAPPED') -#}
{% macro org_unit_on_date(org_alias, key_column, fact_key, fact_date) -%}
    {{ org_alias }}.{{ key_column }} = {{ fact_key }}
    and {{ fact_date }} >= {{ org_alias }}.valid_from
    and {{ fact_date }} <= {{ org_alias }}.effective_valid_to
{%- endmacro %}
