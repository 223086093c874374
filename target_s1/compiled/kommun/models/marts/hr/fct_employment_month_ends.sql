with

employments as (
    select
        employment_id,
        person_key,
        sex,
        birth_year,
        unit_id,
        employment_type,
        employment_rate_pct,
        start_date,
        end_date
    from "kommun"."intermediate"."int_hr__employments_resolved"
    where is_current
),

organisation_units as (
    select
        org_unit_version_id,
        unit_id,
        forvaltning_code,
        current_forvaltning_code,
        is_latest_version,
        valid_from,
        effective_valid_to
    from "kommun"."marts"."dim_organisation_units"
),

units_today as (
    select
        unit_id,
        min(current_forvaltning_code) as current_forvaltning_code
    from organisation_units
    where is_latest_version
    group by unit_id
),

reporting_years as (
    select
        min(period_start_date) as horizon_start_date,
        max(period_end_date) as horizon_end_date
    from "kommun"."intermediate"."int_reporting_periods"
    where period_type = 'year'
),

month_ends as (
    select
        dates.date_day as month_end_date,
        dates.year,
        dates.year_month
    from "kommun"."marts"."dim_dates" as dates
    inner join reporting_years
        on dates.date_day between reporting_years.horizon_start_date
        and reporting_years.horizon_end_date
    where dates.is_month_end
),

active as (
    select
        employments.employment_id,
        employments.person_key,
        employments.sex,
        employments.birth_year,
        employments.unit_id,
        employments.employment_type,
        employments.employment_rate_pct,
        month_ends.month_end_date,
        month_ends.year,
        month_ends.year_month
    from employments
    inner join month_ends
        on
            employments.start_date <= month_ends.month_end_date
            and (
                employments.end_date is null
                or employments.end_date >= month_ends.month_end_date
            )
),

final as (
    select
        cast(active.employment_id || '|' || active.year_month as TEXT)
            as employment_month_end_id,
        cast(active.employment_id as TEXT) as employment_id,
        cast(active.person_key as TEXT) as person_key,
        cast(active.unit_id as TEXT) as unit_id,
        cast(org.org_unit_version_id as TEXT) as org_unit_version_id,
        cast(active.year_month as TEXT) as year_month,
        cast(coalesce(org.forvaltning_code, 'UNMAPPED') as TEXT)
            as forvaltning_code,
        cast(
            coalesce(org.current_forvaltning_code, units_today.current_forvaltning_code, 'UNMAPPED')
            as TEXT
        ) as current_forvaltning_code,
        cast(active.sex as TEXT) as sex,
        cast(active.employment_type as TEXT) as employment_type,
        cast(active.year as integer) as year,
        cast(active.birth_year as integer) as birth_year,
        cast(active.employment_rate_pct as decimal(9, 4)) as employment_rate_pct,
        cast(active.employment_rate_pct / 100 as double) as fte,
        active.employment_type in ('Tillsvidare', 'Visstid') as is_monthly_paid,
        active.employment_type = 'Tillsvidare' as is_tillsvidare,
        cast(active.month_end_date as date) as month_end_date
    from active
    left join organisation_units as org
        on org.unit_id = active.unit_id
    and active.month_end_date >= org.valid_from
    and active.month_end_date <= org.effective_valid_to
    left join units_today
        on active.unit_id = units_today.unit_id
)

select * from final