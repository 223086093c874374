{#- Sick leave per group of employees, with the group's size, for the dashboard's disclosure
    control: one row per period (month and year of the reporting range) × organisation
    level × org code × sex × age band. The levels: the whole municipality (`kommun`, org
    `ALL`), each förvaltning as the organisation was on the row's days (`forvaltning`),
    each förvaltning of today's organisation (`current_forvaltning`, history restated) and
    each unit (`unit`, with its förvaltning today as parent_code).

    The hours are the same sums as kpi_values_hr's (fct_employment_months over the same
    reporting periods), so Σ sick_hours / Σ ordinary_hours over rows equals the KPI; the
    hours add up over sex, age band and period. employee_count is computed per row: distinct
    persons with ordinary hours in the group, which adds up over sex and age band (a person
    has one sex, and one age band in a year) but not over units, förvaltningar or months.
    Rows exist where the group has ordinary hours. -#}
with

periods as (
    select
        period,
        period_type,
        year
    from {{ ref('int_reporting_periods') }}
),

employment_months as (
    select
        person_key,
        year_month,
        year,
        unit_id,
        forvaltning_code,
        current_forvaltning_code,
        sex,
        age_band,
        ordinary_hours,
        sick_hours,
        long_spell_sick_hours
    from {{ ref('fct_employment_months') }}
),

-- Each employment month once per organisation level it is counted at.
by_level as (
    select
        person_key,
        year_month,
        year,
        'kommun' as org_level,
        'ALL' as org_code,
        cast(null as {{ dbt.type_string() }}) as parent_code,
        sex,
        age_band,
        ordinary_hours,
        sick_hours,
        long_spell_sick_hours
    from employment_months

    union all

    select
        person_key,
        year_month,
        year,
        'forvaltning' as org_level,
        forvaltning_code as org_code,
        'ALL' as parent_code,
        sex,
        age_band,
        ordinary_hours,
        sick_hours,
        long_spell_sick_hours
    from employment_months

    union all

    select
        person_key,
        year_month,
        year,
        'current_forvaltning' as org_level,
        current_forvaltning_code as org_code,
        'ALL' as parent_code,
        sex,
        age_band,
        ordinary_hours,
        sick_hours,
        long_spell_sick_hours
    from employment_months

    union all

    select
        person_key,
        year_month,
        year,
        'unit' as org_level,
        unit_id as org_code,
        current_forvaltning_code as parent_code,
        sex,
        age_band,
        ordinary_hours,
        sick_hours,
        long_spell_sick_hours
    from employment_months
),

-- A month row is the month; a year row sums every month of the year.
in_periods as (
    select
        periods.period,
        periods.period_type,
        periods.year,
        by_level.org_level,
        by_level.org_code,
        by_level.parent_code,
        by_level.sex,
        by_level.age_band,
        by_level.person_key,
        by_level.ordinary_hours,
        by_level.sick_hours,
        by_level.long_spell_sick_hours
    from by_level
    inner join periods
        on
            periods.period_type = 'month'
            and by_level.year_month = periods.period

    union all

    select
        periods.period,
        periods.period_type,
        periods.year,
        by_level.org_level,
        by_level.org_code,
        by_level.parent_code,
        by_level.sex,
        by_level.age_band,
        by_level.person_key,
        by_level.ordinary_hours,
        by_level.sick_hours,
        by_level.long_spell_sick_hours
    from by_level
    inner join periods
        on
            periods.period_type = 'year'
            and by_level.year = periods.year
),

groups as (
    select
        period,
        period_type,
        year,
        org_level,
        org_code,
        parent_code,
        sex,
        age_band,
        count(distinct case when ordinary_hours > 0 then person_key end) as employee_count,
        sum(ordinary_hours) as ordinary_hours,
        sum(sick_hours) as sick_hours,
        sum(long_spell_sick_hours) as long_spell_sick_hours
    from in_periods
    group by
        period,
        period_type,
        year,
        org_level,
        org_code,
        parent_code,
        sex,
        age_band
    having sum(ordinary_hours) > 0
),

final as (
    select
        cast(
            period || '|' || org_level || '|' || org_code || '|' || sex || '|' || age_band
            as {{ dbt.type_string() }}
        ) as hr_sick_leave_group_id,
        cast(period as {{ dbt.type_string() }}) as period,
        cast(period_type as {{ dbt.type_string() }}) as period_type,
        cast(year as integer) as year,
        cast(org_level as {{ dbt.type_string() }}) as org_level,
        cast(org_code as {{ dbt.type_string() }}) as org_code,
        cast(parent_code as {{ dbt.type_string() }}) as parent_code,
        cast(sex as {{ dbt.type_string() }}) as sex,
        cast(age_band as {{ dbt.type_string() }}) as age_band,
        cast(employee_count as integer) as employee_count,
        cast(ordinary_hours as {{ type_double() }}) as ordinary_hours,
        cast(sick_hours as {{ type_double() }}) as sick_hours,
        cast(long_spell_sick_hours as {{ type_double() }}) as long_spell_sick_hours
    from groups
)

select * from final
