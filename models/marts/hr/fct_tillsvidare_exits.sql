{#- One row per person who has a Tillsvidare employment with an end date: their last
    Tillsvidare day L (the latest non-empty till_datum over their Tillsvidare employments)
    and whether they left. A person left in the year of L unless a Tillsvidare employment
    (open-ended included) is active on any of L+1 ... L+30: a rehire or a move to another
    unit within 30 days is not turnover (kpi-definitions.md, HR_TURNOVER_PCT). -#}
with

tillsvidare as (
    select
        person_key,
        sex,
        birth_year,
        employment_id,
        start_date,
        end_date
    from {{ ref('int_hr__employments_resolved') }}
    where
        is_current
        and employment_type = 'Tillsvidare'
),

last_days as (
    select
        person_key,
        min(sex) as sex,
        min(birth_year) as birth_year,
        max(end_date) as last_tillsvidare_date
    from tillsvidare
    where end_date is not null
    group by person_key
),

continuing as (
    select
        last_days.person_key,
        count(*) as continuing_employments
    from last_days
    inner join tillsvidare
        on
            last_days.person_key = tillsvidare.person_key
            and tillsvidare.start_date
            <= {{ dbt.dateadd('day', 30, 'last_days.last_tillsvidare_date') }}
            and (
                tillsvidare.end_date is null
                or last_days.last_tillsvidare_date < tillsvidare.end_date
            )
    group by last_days.person_key
),

final as (
    select
        cast(last_days.person_key as {{ dbt.type_string() }}) as person_key,
        cast(last_days.sex as {{ dbt.type_string() }}) as sex,
        cast(last_days.birth_year as integer) as birth_year,
        cast(extract(year from last_days.last_tillsvidare_date) as integer)
            as exit_year,
        coalesce(continuing.continuing_employments, 0) > 0 as has_tillsvidare_within_30_days,
        coalesce(continuing.continuing_employments, 0) = 0 as is_leaver,
        cast(last_days.last_tillsvidare_date as date) as last_tillsvidare_date
    from last_days
    left join continuing
        on last_days.person_key = continuing.person_key
)

select * from final
