{#- SCB's verksamhet codes with their RS summary group, plus: every code the ledger or the
    budget uses that the seed lacks (group unknown), and `NONE` for rows booked without a
    verksamhet (the financing accounts, and any slip), so every fact row has an activity.
    `served_age_band` names the population band whose size drives the activity's demand
    (the denominator of the Kolada-style "net cost per inhabitant aged ..." figures). -#}
with

seeded_activities as (
    select
        activity_code,
        activity_name,
        activity_group_code,
        activity_group_name
    from {{ ref('scb_activities') }}
),

served_bands as (
    select
        activity_code,
        served_age_band
    from {{ ref('activity_served_age_bands') }}
),

ledger_activities as (
    select distinct activity_code
    from {{ ref('int_ekonomi__ledger_entries_resolved') }}
    where activity_code is not null
),

budget_activities as (
    select distinct activity_code
    from {{ ref('int_ekonomi__budget_lines_resolved') }}
    where activity_code is not null
),

used_activities as (
    select activity_code from ledger_activities
    union
    select activity_code from budget_activities
),

unseeded_activities as (
    select
        used_activities.activity_code,
        'Okänd verksamhetskod (saknas i SCB-seeden)' as activity_name,
        'UNKNOWN' as activity_group_code,
        'Okänd verksamhetsgrupp' as activity_group_name
    from used_activities
    left join seeded_activities
        on used_activities.activity_code = seeded_activities.activity_code
    where seeded_activities.activity_code is null
),

no_activity as (
    select
        'NONE' as activity_code,
        'Ingen verksamhet angiven' as activity_name,
        'NONE' as activity_group_code,
        'Ingen verksamhet angiven' as activity_group_name
),

all_activities as (
    select
        *,
        true as is_in_seed
    from seeded_activities
    union all
    select
        *,
        false as is_in_seed
    from unseeded_activities
    union all
    select
        *,
        false as is_in_seed
    from no_activity
),

final as (
    select
        cast(all_activities.activity_code as {{ dbt.type_string() }}) as activity_code,
        cast(all_activities.activity_name as {{ dbt.type_string() }}) as activity_name,
        cast(all_activities.activity_group_code as {{ dbt.type_string() }}) as activity_group_code,
        cast(all_activities.activity_group_name as {{ dbt.type_string() }}) as activity_group_name,
        cast(served_bands.served_age_band as {{ dbt.type_string() }}) as served_age_band,
        cast(all_activities.is_in_seed as boolean) as is_in_seed
    from all_activities
    left join served_bands
        on all_activities.activity_code = served_bands.activity_code
)

select * from final
