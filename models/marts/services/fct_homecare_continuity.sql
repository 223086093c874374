{#- Staff continuity in home care (Kolada U21401 style): per recipient and year, the
    performed visits during 1-14 October and the number of different staff who made them.
    Only recipients with at least 10 such visits qualify for the KPI. -#}
with

window_visits as (
    select
        recipient_person_key,
        staff_id,
        cast(extract(year from service_date) as integer) as year
    from {{ ref('fct_homecare_visits') }}
    where is_in_continuity_window
),

per_recipient as (
    select
        year,
        recipient_person_key,
        count(*) as window_visit_count,
        count(distinct staff_id) as distinct_staff_count
    from window_visits
    group by
        year,
        recipient_person_key
),

final as (
    select
        cast(cast(year as {{ dbt.type_string() }}) || '|' || recipient_person_key as {{ dbt.type_string() }})
            as recipient_year_key,
        cast(recipient_person_key as {{ dbt.type_string() }}) as recipient_person_key,
        cast(year as integer) as year,
        cast(window_visit_count as integer) as window_visit_count,
        cast(distinct_staff_count as integer) as distinct_staff_count,
        cast(case when window_visit_count >= 10 then 1 else 0 end as integer)
            as qualifying_recipient_count,
        cast(case when window_visit_count >= 10 then distinct_staff_count else 0 end as integer)
            as qualifying_staff_count,
        cast(window_visit_count >= 10 as boolean) as is_qualifying,
        cast(cast(year as {{ dbt.type_string() }}) || '-10-01' as date) as window_start_date
    from per_recipient
)

select * from final
