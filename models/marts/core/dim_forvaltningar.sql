{#- The förvaltningar (departments): every code in the organisation, named as in its latest
    version, plus UNMAPPED for facts whose unit has no valid organisation row. -#}
with

units as (
    select
        forvaltning_code,
        forvaltning_name,
        valid_from
    from {{ ref('dim_organisation_units') }}
),

ranked as (
    select
        forvaltning_code,
        forvaltning_name,
        row_number() over (
            partition by forvaltning_code
            order by valid_from desc, forvaltning_name asc
        ) as name_rank
    from units
),

named as (
    select
        forvaltning_code,
        forvaltning_name,
        false as is_unmapped
    from ranked
    where name_rank = 1

    union all

    select
        'UNMAPPED' as forvaltning_code,
        'Ej kopplad till organisationen' as forvaltning_name,
        true as is_unmapped
),

final as (
    select
        cast(forvaltning_code as {{ dbt.type_string() }}) as forvaltning_code,
        cast(forvaltning_name as {{ dbt.type_string() }}) as forvaltning_name,
        is_unmapped
    from named
)

select * from final
