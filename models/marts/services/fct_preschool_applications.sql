{#- One row per preschool application (förskoleansökan) as it stands in its latest
    delivery, with the day the municipality must offer a place by (skollagen 8 kap. 14 §:
    within four months of the application, or on the desired start date if that is later). -#}
with

applications as (
    select
        application_id,
        child_person_key,
        status,
        district_code,
        application_date,
        requested_start_date,
        offered_date
    from {{ ref('int_forskola__applications_resolved') }}
    where is_current
),

with_guarantee as (
    select
        *,
        -- Adding months clamps to the month's last day on every supported engine
        -- (31 October + 4 months = 28/29 February); the unit tests hold it to that.
        cast({{ dbt.dateadd('month', 4, 'application_date') }} as date) as four_months_date
    from applications
),

measured as (
    select
        *,
        case
            when requested_start_date > four_months_date then requested_start_date
            else four_months_date
        end as guarantee_date,
        coalesce(status = 'Återtagen', false) as is_withdrawn
    from with_guarantee
),

final as (
    select
        cast(application_id as {{ dbt.type_string() }}) as application_id,
        cast(child_person_key as {{ dbt.type_string() }}) as child_person_key,
        cast(status as {{ dbt.type_string() }}) as status,
        cast(district_code as {{ dbt.type_string() }}) as district_code,
        cast(extract(year from guarantee_date) as integer) as guarantee_year,
        cast(case when not is_withdrawn then 1 else 0 end as integer) as kpi_application_count,
        cast(
            case
                when not is_withdrawn and offered_date <= guarantee_date then 1 else 0
            end as integer
        ) as on_time_count,
        cast(is_withdrawn as boolean) as is_withdrawn,
        -- Never offered is not on time: the guarantee was not kept.
        cast(coalesce(offered_date <= guarantee_date, false) as boolean) as is_offered_on_time,
        cast(application_date as date) as application_date,
        cast(requested_start_date as date) as requested_start_date,
        cast(four_months_date as date) as four_months_date,
        cast(guarantee_date as date) as guarantee_date,
        cast(offered_date as date) as offered_date
    from measured
)

select * from final
