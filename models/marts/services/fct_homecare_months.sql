{#- Home care per month for the whole municipality: visits planned, performed and not
    performed, hours performed, an estimate of the hours planned, and recipients. The
    dashboard and the demand/capacity mart read this. -#}
with

recipient_months as (
    select
        month_start_date,
        year_month,
        year,
        recipient_person_key,
        service_type,
        planned_visit_count,
        performed_visit_count,
        not_performed_visit_count,
        performed_hours
    from {{ ref('fct_homecare_recipient_months') }}
),

by_service_type as (
    select
        month_start_date,
        service_type,
        sum(performed_visit_count) as performed_visit_count,
        sum(not_performed_visit_count) as not_performed_visit_count,
        sum(performed_hours) as performed_hours
    from recipient_months
    group by
        month_start_date,
        service_type
),

estimated as (
    -- The source has no planned end: a visit that was not performed is valued at the
    -- mean performed length of its service type in the same month (0 when none of that
    -- type was performed that month).
    select
        month_start_date,
        sum(
            performed_hours
            + case
                when performed_visit_count > 0
                    then not_performed_visit_count * performed_hours / performed_visit_count
                else 0
            end
        ) as estimated_planned_hours
    from by_service_type
    group by month_start_date
),

totals as (
    select
        month_start_date,
        year_month,
        year,
        count(distinct recipient_person_key) as recipient_count,
        count(distinct case when performed_visit_count > 0 then recipient_person_key end)
            as served_recipient_count,
        sum(planned_visit_count) as planned_visit_count,
        sum(performed_visit_count) as performed_visit_count,
        sum(not_performed_visit_count) as not_performed_visit_count,
        sum(performed_hours) as performed_hours
    from recipient_months
    group by
        month_start_date,
        year_month,
        year
),

final as (
    select
        cast(totals.year_month as {{ dbt.type_string() }}) as year_month,
        cast(totals.year as integer) as year,
        cast(totals.recipient_count as integer) as recipient_count,
        cast(totals.served_recipient_count as integer) as served_recipient_count,
        cast(totals.planned_visit_count as integer) as planned_visit_count,
        cast(totals.performed_visit_count as integer) as performed_visit_count,
        cast(totals.not_performed_visit_count as integer) as not_performed_visit_count,
        cast(totals.performed_hours as {{ type_double() }}) as performed_hours,
        cast(estimated.estimated_planned_hours as {{ type_double() }}) as estimated_planned_hours,
        cast(totals.month_start_date as date) as month_start_date
    from totals
    inner join estimated
        on totals.month_start_date = estimated.month_start_date
)

select * from final
