{#- Home-care visits summed per day, service type and performed or not: what the
    MetricFlow metric svc_hemtjanst_hours sums. The visit fact is an 11 M-row view at
    scale 1, and summing it per query took ~0.5 CPU-s; these ~16,000 rows answer the same
    sums at any time grain from a day up. -#}
with

visits as (
    select
        service_date,
        service_type,
        is_performed,
        performed_hours
    from {{ ref('fct_homecare_visits') }}
),

summed as (
    select
        service_date,
        service_type,
        is_performed,
        count(*) as visit_count,
        coalesce(sum(performed_hours), 0) as performed_hours
    from visits
    group by
        service_date,
        service_type,
        is_performed
),

final as (
    select
        cast(
            cast(service_date as {{ dbt.type_string() }})
            || '|' || coalesce(service_type, '')
            || '|' || case when is_performed then 'performed' else 'not performed' end
            as {{ dbt.type_string() }}
        ) as visit_day_key,
        cast(service_type as {{ dbt.type_string() }}) as service_type,
        cast(is_performed as boolean) as is_performed,
        cast(visit_count as integer) as visit_count,
        cast(case when is_performed then performed_hours else 0 end as {{ type_double() }})
            as performed_hours,
        cast(service_date as date) as service_date
    from summed
)

select * from final
