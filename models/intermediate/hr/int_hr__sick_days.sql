{#- One row per employment and working day on which a sick row covers it, inside the
    years the reporting range touches. Overlapping sick rows of one employment-day count
    once, with the largest omfattning (kpi-definitions.md, HR_SICK_LEAVE_PCT); they always
    belong to the same spell, since overlapping rows are merged into one. Only working days
    are kept: ordinary hours, and so sick hours, are zero on other days. Whether the
    employment is active and monthly-paid that day is decided where the days meet the
    employment (int_hr__employment_month_segments), not here. -#}
with

sick_absences as (
    select
        sick_spell_id,
        employment_id,
        extent_pct,
        is_long_spell,
        start_date,
        effective_end_date
    from {{ ref('int_hr__sick_absences_spelled') }}
),

reporting_years as (
    select
        min(period_start_date) as horizon_start_date,
        max(period_end_date) as horizon_end_date
    from {{ ref('int_reporting_periods') }}
    where period_type = 'year'
),

working_days as (
    select
        dates.date_day,
        dates.month_start_date
    from {{ ref('dim_dates') }} as dates
    inner join reporting_years
        on
            dates.date_day between reporting_years.horizon_start_date
            and reporting_years.horizon_end_date
    where dates.is_working_day
),

expanded as (
    select
        sick_absences.employment_id,
        working_days.date_day,
        working_days.month_start_date,
        sick_absences.sick_spell_id,
        sick_absences.is_long_spell,
        sick_absences.extent_pct
    from sick_absences
    inner join working_days
        on
            working_days.date_day between sick_absences.start_date
            and sick_absences.effective_end_date
),

final as (
    select
        employment_id || '|' || cast(date_day as {{ dbt.type_string() }}) as employment_day_id,
        employment_id,
        sick_spell_id,
        -- Cast again: an aggregate drops the decimal's scale on PostgreSQL.
        cast(max(extent_pct) as decimal(9, 4)) as extent_pct,
        is_long_spell,
        date_day,
        month_start_date
    from expanded
    group by employment_id, date_day, month_start_date, sick_spell_id, is_long_spell
)

select * from final
