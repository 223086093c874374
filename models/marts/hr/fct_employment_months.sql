{#- Ordinary and sick hours per monthly-paid employment, month and organisation unit
    version: the grain the sick-leave KPIs sum. A unit that moves förvaltning mid-month
    gives its employments two rows that month, each with the hours of its own days; days
    on which the unit has no valid organisation row are one more row, UNMAPPED.
    Covers every day of every year the reporting range touches. Hourly-paid (Timavlönad)
    employments have no ordinary working time and are not here. -#}
with

segments as (
    select
        employment_segment_id,
        employment_id,
        unit_id,
        org_unit_version_id,
        working_days,
        ordinary_hours_per_working_day,
        ordinary_hours,
        month_start_date,
        segment_start_date,
        segment_end_date
    from {{ ref('int_hr__employment_month_segments') }}
),

sick_days as (
    select
        employment_id,
        extent_pct,
        is_long_spell,
        date_day,
        month_start_date
    from {{ ref('int_hr__sick_days') }}
),

employments as (
    select
        employment_id,
        person_key,
        sex,
        birth_year,
        employment_type
    from {{ ref('int_hr__employments_resolved') }}
    where is_current
),

organisation_units as (
    select
        org_unit_version_id,
        unit_id,
        unit_name,
        forvaltning_code,
        forvaltning_name,
        current_forvaltning_code,
        current_forvaltning_name,
        is_latest_version
    from {{ ref('dim_organisation_units') }}
),

-- Today's förvaltning of a unit, for days when it had no valid row (restated history).
units_today as (
    select
        unit_id,
        min(unit_name) as unit_name,
        min(current_forvaltning_code) as current_forvaltning_code,
        min(current_forvaltning_name) as current_forvaltning_name
    from organisation_units
    where is_latest_version
    group by unit_id
),

months as (
    select distinct
        month_start_date,
        year,
        year_month
    from {{ ref('dim_dates') }}
),

sick_by_segment as (
    select
        segments.employment_segment_id,
        sum(cast(sick_days.extent_pct as {{ type_double() }})) / 100 as sick_day_equivalents,
        sum(
            case
                when sick_days.is_long_spell
                    then cast(sick_days.extent_pct as {{ type_double() }})
                else 0
            end
        ) / 100
            as long_spell_sick_day_equivalents,
        count(*) as sick_working_days
    from segments
    inner join sick_days
        on
            segments.employment_id = sick_days.employment_id
            and segments.month_start_date = sick_days.month_start_date
            and sick_days.date_day between segments.segment_start_date
            and segments.segment_end_date
    group by segments.employment_segment_id
),

segment_hours as (
    select
        segments.employment_id,
        segments.unit_id,
        coalesce(segments.org_unit_version_id, 'UNMAPPED') as org_unit_version_key,
        segments.org_unit_version_id,
        segments.month_start_date,
        segments.working_days,
        segments.ordinary_hours,
        coalesce(sick_by_segment.sick_working_days, 0) as sick_working_days,
        segments.ordinary_hours_per_working_day
        * coalesce(sick_by_segment.sick_day_equivalents, 0) as sick_hours,
        segments.ordinary_hours_per_working_day
        * coalesce(sick_by_segment.long_spell_sick_day_equivalents, 0)
            as long_spell_sick_hours
    from segments
    left join sick_by_segment
        on segments.employment_segment_id = sick_by_segment.employment_segment_id
),

-- Two segments of one employment-month share a version only when the unit had a gap
-- without any version between them (both UNMAPPED): one row per version, summed.
per_version as (
    select
        employment_id,
        unit_id,
        org_unit_version_key,
        org_unit_version_id,
        month_start_date,
        sum(working_days) as working_days,
        sum(sick_working_days) as sick_working_days,
        sum(ordinary_hours) as ordinary_hours,
        sum(sick_hours) as sick_hours,
        sum(long_spell_sick_hours) as long_spell_sick_hours
    from segment_hours
    group by
        employment_id,
        unit_id,
        org_unit_version_key,
        org_unit_version_id,
        month_start_date
),

final as (
    select
        cast(
            per_version.employment_id || '|' || months.year_month || '|'
            || per_version.org_unit_version_key as {{ dbt.type_string() }}
        ) as employment_month_id,
        cast(per_version.employment_id as {{ dbt.type_string() }}) as employment_id,
        cast(employments.person_key as {{ dbt.type_string() }}) as person_key,
        cast(per_version.unit_id as {{ dbt.type_string() }}) as unit_id,
        cast(per_version.org_unit_version_id as {{ dbt.type_string() }}) as org_unit_version_id,
        cast(months.year_month as {{ dbt.type_string() }}) as year_month,
        cast(coalesce(org.unit_name, units_today.unit_name) as {{ dbt.type_string() }})
            as unit_name,
        cast(coalesce(org.forvaltning_code, 'UNMAPPED') as {{ dbt.type_string() }})
            as forvaltning_code,
        cast(
            coalesce(org.current_forvaltning_code, units_today.current_forvaltning_code, 'UNMAPPED')
            as {{ dbt.type_string() }}
        ) as current_forvaltning_code,
        cast(employments.sex as {{ dbt.type_string() }}) as sex,
        cast(employments.employment_type as {{ dbt.type_string() }}) as employment_type,
        cast(months.year as integer) as year,
        cast(employments.birth_year as integer) as birth_year,
        cast(months.year - employments.birth_year as integer) as age_in_year,
        cast(
            case
                when months.year - employments.birth_year <= 29 then '0-29'
                when months.year - employments.birth_year <= 49 then '30-49'
                else '50+'
            end as {{ dbt.type_string() }}
        ) as age_band,
        cast(per_version.working_days as integer) as working_days,
        cast(per_version.sick_working_days as integer) as sick_working_days,
        cast(per_version.ordinary_hours as {{ type_double() }}) as ordinary_hours,
        cast(per_version.sick_hours as {{ type_double() }}) as sick_hours,
        cast(per_version.long_spell_sick_hours as {{ type_double() }})
            as long_spell_sick_hours,
        cast(per_version.month_start_date as date) as month_start_date
    from per_version
    inner join employments
        on per_version.employment_id = employments.employment_id
    inner join months
        on per_version.month_start_date = months.month_start_date
    left join organisation_units as org
        on per_version.org_unit_version_id = org.org_unit_version_id
    left join units_today
        on per_version.unit_id = units_today.unit_id
)

select * from final
