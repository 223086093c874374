{#- The service KPIs (SVC_*) in the export layout of marts.kpi_values (kpi-definitions.md):
    the whole municipality (ALL) and both sexes together (T) only, for the periods of the
    reporting range, and only where at least one qualifying case, application or visit
    falls in the period. -#}
with

periods as (
    select
        period,
        period_type,
        year,
        period_start_date,
        period_end_date
    from {{ ref('int_reporting_periods') }}
),

permit_cases as (
    select
        handling_days,
        within_10_weeks_count,
        decision_date
    from {{ ref('fct_building_permit_cases') }}
    where is_kpi_case
),

preschool_applications as (
    select
        on_time_count,
        guarantee_date
    from {{ ref('fct_preschool_applications') }}
    where not is_withdrawn
),

continuity as (
    select
        year,
        qualifying_staff_count
    from {{ ref('fct_homecare_continuity') }}
    where is_qualifying
),

homecare_months as (
    select
        performed_hours,
        month_start_date
    from {{ ref('fct_homecare_months') }}
    where performed_visit_count > 0
),

permits_per_period as (
    select
        periods.period,
        count(*) as case_count,
        sum(permit_cases.within_10_weeks_count) as within_10_weeks_count,
        percentile_cont(0.5) within group (order by permit_cases.handling_days) as median_days
    from periods
    inner join permit_cases
        on permit_cases.decision_date between periods.period_start_date and periods.period_end_date
    group by periods.period
),

preschool_per_year as (
    select
        periods.period,
        count(*) as application_count,
        sum(preschool_applications.on_time_count) as on_time_count
    from periods
    inner join preschool_applications
        on
            preschool_applications.guarantee_date
            between periods.period_start_date and periods.period_end_date
    where periods.period_type = 'year'
    group by periods.period
),

continuity_per_year as (
    select
        periods.period,
        count(*) as recipient_count,
        sum(continuity.qualifying_staff_count) as staff_count
    from periods
    inner join continuity
        on periods.year = continuity.year
    where periods.period_type = 'year'
    group by periods.period
),

hours_per_period as (
    -- Months are whole inside any period, so month sums add up to the period.
    select
        periods.period,
        sum(homecare_months.performed_hours) as performed_hours
    from periods
    inner join homecare_months
        on
            homecare_months.month_start_date
            between periods.period_start_date and periods.period_end_date
    group by periods.period
),

kpi_rows as (
    select
        'SVC_BYGGLOV_WITHIN_10W_PCT' as kpi_id,
        period,
        100.0 * within_10_weeks_count / case_count as kpi_value,
        within_10_weeks_count as numerator,
        case_count as denominator
    from permits_per_period
    union all
    select
        'SVC_BYGGLOV_MEDIAN_DAYS' as kpi_id,
        period,
        median_days as kpi_value,
        null as numerator,
        null as denominator
    from permits_per_period
    union all
    select
        'SVC_FORSKOLA_ON_TIME_PCT' as kpi_id,
        period,
        100.0 * on_time_count / application_count as kpi_value,
        on_time_count as numerator,
        application_count as denominator
    from preschool_per_year
    union all
    select
        'SVC_HEMTJANST_CONTINUITY' as kpi_id,
        period,
        1.0 * staff_count / recipient_count as kpi_value,
        staff_count as numerator,
        recipient_count as denominator
    from continuity_per_year
    union all
    select
        'SVC_HEMTJANST_HOURS' as kpi_id,
        period,
        performed_hours as kpi_value,
        null as numerator,
        null as denominator
    from hours_per_period
),

final as (
    select
        cast(kpi_id as {{ dbt.type_string() }}) as kpi_id,
        cast(period as {{ dbt.type_string() }}) as period,
        cast('ALL' as {{ dbt.type_string() }}) as org_code,
        cast('T' as {{ dbt.type_string() }}) as gender,
        -- `value` is the export contract's column name.
        cast(kpi_value as {{ type_double() }}) as value,  -- noqa: RF04
        cast(numerator as {{ type_double() }}) as numerator,
        cast(denominator as {{ type_double() }}) as denominator
    from kpi_rows
)

select * from final
