{#- HR facts are attributed by enhet id (unit_id), finance facts by ansvar. Versions of one
    ansvar never overlap (dim_organisation_units clips them), but two ansvar sharing an
    enhet id at the same time would attribute an HR fact twice. Returns the overlapping
    pairs; none = pass. -#}
with

units as (
    select
        org_unit_version_id,
        unit_id,
        valid_from,
        effective_valid_to
    from {{ ref('dim_organisation_units') }}
),

final as (
    select
        earlier.unit_id,
        earlier.org_unit_version_id as earlier_version,
        later.org_unit_version_id as later_version
    from units as earlier
    inner join units as later
        on earlier.unit_id = later.unit_id
        and earlier.org_unit_version_id < later.org_unit_version_id
        and earlier.valid_from <= later.effective_valid_to
        and later.valid_from <= earlier.effective_valid_to
)

select * from final
