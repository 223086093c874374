{#- Home-care visits summed per recipient, month and service type: the one pass over the
    visit fact that every monthly figure (hours, visits, recipients, demand against
    capacity) is built from. -#}
with

visits as (
    select
        recipient_person_key,
        service_type,
        is_performed,
        performed_hours,
        cast({{ dbt.date_trunc('month', 'service_date') }} as date) as month_start_date
    from {{ ref('fct_homecare_visits') }}
),

summed as (
    select
        month_start_date,
        recipient_person_key,
        service_type,
        count(*) as planned_visit_count,
        sum(case when is_performed then 1 else 0 end) as performed_visit_count,
        sum(case when is_performed then 0 else 1 end) as not_performed_visit_count,
        coalesce(sum(performed_hours), 0) as performed_hours
    from visits
    group by
        month_start_date,
        recipient_person_key,
        service_type
),

final as (
    select
        cast(
            cast(month_start_date as {{ dbt.type_string() }}) || '|' || recipient_person_key || '|' || service_type
            as {{ dbt.type_string() }}
        ) as recipient_month_key,
        cast(recipient_person_key as {{ dbt.type_string() }}) as recipient_person_key,
        cast(service_type as {{ dbt.type_string() }}) as service_type,
        cast(
            cast(extract(year from month_start_date) as {{ dbt.type_string() }}) || '-'
            || lpad(cast(extract(month from month_start_date) as {{ dbt.type_string() }}), 2, '0')
            as {{ dbt.type_string() }}
        ) as year_month,
        cast(extract(year from month_start_date) as integer) as year,
        cast(planned_visit_count as integer) as planned_visit_count,
        cast(performed_visit_count as integer) as performed_visit_count,
        cast(not_performed_visit_count as integer) as not_performed_visit_count,
        cast(performed_hours as {{ type_double() }}) as performed_hours,
        cast(month_start_date as date) as month_start_date
    from summed
)

select * from final
