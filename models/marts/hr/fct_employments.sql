{#- One row per employment as the latest delivery states it, with its validity. The
    organisation is not fixed here: an employment can outlive a reorganisation, so the
    förvaltning is attributed per day in fct_employment_months and per month-end in
    fct_employment_month_ends. -#}
with

employments as (
    select
        employment_id,
        person_key,
        sex,
        birth_year,
        unit_id,
        job_title,
        occupational_group,
        employment_type,
        employment_rate_pct,
        full_time_hours_per_week,
        monthly_salary_sek,
        start_date,
        end_date
    from {{ ref('int_hr__employments_resolved') }}
    where is_current
),

final as (
    select
        cast(employment_id as {{ dbt.type_string() }}) as employment_id,
        cast(person_key as {{ dbt.type_string() }}) as person_key,
        cast(unit_id as {{ dbt.type_string() }}) as unit_id,
        cast(sex as {{ dbt.type_string() }}) as sex,
        cast(job_title as {{ dbt.type_string() }}) as job_title,
        cast(occupational_group as {{ dbt.type_string() }}) as occupational_group,
        cast(employment_type as {{ dbt.type_string() }}) as employment_type,
        cast(birth_year as integer) as birth_year,
        cast(employment_rate_pct as decimal(9, 4)) as employment_rate_pct,
        cast(full_time_hours_per_week as {{ type_double() }}) as full_time_hours_per_week,
        cast(
            full_time_hours_per_week / 5 * employment_rate_pct / 100 as {{ type_double() }}
        ) as ordinary_hours_per_working_day,
        cast(monthly_salary_sek as {{ type_double() }}) as monthly_salary_sek,
        employment_type in ('Tillsvidare', 'Visstid') as is_monthly_paid,
        end_date is null as is_open_ended,
        cast(start_date as date) as start_date,
        cast(end_date as date) as end_date
    from employments
)

select * from final
