{#- One row per building-permit case (bygglov ärende) as it stands in its latest delivery.
    Handling time is counted from the complete application (PBL: decision within 10 weeks
    of a complete application), not from the day it arrived. -#}
with

cases as (
    select
        case_id,
        case_type,
        decision,
        district_code,
        received_date,
        complete_date,
        decision_date
    from {{ ref('int_bygglov__cases_resolved') }}
    where is_current
),

measured as (
    select
        *,
        case
            when complete_date is not null and decision_date is not null
                then {{ dbt.datediff('complete_date', 'decision_date', 'day') }}
        end as handling_days,
        -- Only a real decision counts for the 10-week rule: a written-off case (Avskrivet)
        -- was never decided on its merits, and without komplett_datum the clock never started.
        coalesce(
            decision in ('Beviljat', 'Avslag')
            and decision_date is not null
            and complete_date is not null,
            false
        ) as is_kpi_case
    from cases
),

final as (
    select
        cast(case_id as {{ dbt.type_string() }}) as case_id,
        cast(case_type as {{ dbt.type_string() }}) as case_type,
        cast(decision as {{ dbt.type_string() }}) as decision,
        cast(district_code as {{ dbt.type_string() }}) as district_code,
        cast(handling_days as integer) as handling_days,
        -- The median KPI's input: null outside the KPI cases, which percentiles skip.
        cast(case when is_kpi_case then handling_days end as integer) as kpi_handling_days,
        cast(case when is_kpi_case then 1 else 0 end as integer) as kpi_case_count,
        cast(
            case when is_kpi_case and handling_days <= 70 then 1 else 0 end as integer
        ) as within_10_weeks_count,
        cast(is_kpi_case as boolean) as is_kpi_case,
        cast(case when is_kpi_case then handling_days <= 70 end as boolean) as is_within_10_weeks,
        cast(received_date as date) as received_date,
        cast(complete_date as date) as complete_date,
        cast(decision_date as date) as decision_date
    from measured
)

select * from final
