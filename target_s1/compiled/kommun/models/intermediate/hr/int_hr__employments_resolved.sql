with

staged as (
    select
        landed_row_key,
        source_file,
        line_number,
        delivery_stamp,
        delivered_on,
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
    from "kommun"."staging"."stg_hr__employments"
    where not is_quarantined
),

ranked as (
    select
        *,
        row_number() over (
            partition by employment_id
            order by delivery_stamp desc
        ) as delivery_rank
    from staged
),

final as (
    select
        *,
        delivery_rank = 1 as is_current
    from ranked
)

select * from final