{#- One row per version of an organisation unit (master/organisation), with the förvaltning
    of that version and of the unit's latest version ("today's organisation", for history
    restated across a reorganisation). Versions of one ansvar that overlap are clipped: a
    version ends the day before the next one starts, so a fact matches at most one version
    on its date (macro org_unit_on_date). -#}
with

units as (
    select
        ansvar,
        unit_id,
        unit_name,
        forvaltning_code,
        forvaltning_name,
        valid_from,
        valid_to
    from {{ ref('int_master__organisation_units_resolved') }}
    where is_current
),

sequenced as (
    select
        *,
        lead(valid_from) over (partition by ansvar order by valid_from) as next_valid_from,
        row_number() over (partition by ansvar order by valid_from desc) as recency_rank
    from units
),

latest as (
    select
        ansvar,
        forvaltning_code as current_forvaltning_code,
        forvaltning_name as current_forvaltning_name
    from sequenced
    where recency_rank = 1
),

final as (
    select
        cast(
            sequenced.ansvar || '|' || cast(sequenced.valid_from as {{ dbt.type_string() }})
            as {{ dbt.type_string() }}
        ) as org_unit_version_id,
        cast(sequenced.ansvar as {{ dbt.type_string() }}) as ansvar,
        cast(sequenced.unit_id as {{ dbt.type_string() }}) as unit_id,
        cast(sequenced.unit_name as {{ dbt.type_string() }}) as unit_name,
        cast(sequenced.forvaltning_code as {{ dbt.type_string() }}) as forvaltning_code,
        cast(sequenced.forvaltning_name as {{ dbt.type_string() }}) as forvaltning_name,
        cast(latest.current_forvaltning_code as {{ dbt.type_string() }}) as current_forvaltning_code,
        cast(latest.current_forvaltning_name as {{ dbt.type_string() }}) as current_forvaltning_name,
        sequenced.recency_rank = 1 as is_latest_version,
        cast(sequenced.valid_from as date) as valid_from,
        cast(sequenced.valid_to as date) as valid_to,
        cast(
            case
                when
                    sequenced.next_valid_from is not null
                    and (sequenced.valid_to is null or sequenced.valid_to >= sequenced.next_valid_from)
                    then {{ dbt.dateadd('day', -1, 'sequenced.next_valid_from') }}
                else coalesce(sequenced.valid_to, cast('9999-12-31' as date))
            end as date
        ) as effective_valid_to
    from sequenced
    inner join latest
        on sequenced.ansvar = latest.ansvar
)

select * from final
