{#- fct_hr_sick_leave_groups carries the same hours as the HR KPIs: per period and sex,
    the kommun rows of each age band equal HR_SICK_LEAVE_PCT_AGE_*, the kommun and
    förvaltning rows summed over age bands equal HR_SICK_LEAVE_PCT (numerator and
    denominator), and the restated förvaltningar and the units each add up to the kommun.
    Returns the cells that differ by more than 0.001 hours. -#}
with

groups as (
    select
        period,
        org_level,
        org_code,
        sex,
        age_band,
        ordinary_hours,
        sick_hours
    from {{ ref('fct_hr_sick_leave_groups') }}
),

kpis as (
    select
        kpi_id,
        period,
        org_code,
        gender,
        numerator,
        denominator
    from {{ ref('kpi_values_hr') }}
    where gender in ('K', 'M')
),

by_band as (
    select
        'HR_SICK_LEAVE_PCT_AGE_'
        || case age_band when '0-29' then '0_29' when '30-49' then '30_49' else '50_PLUS' end
            as kpi_id,
        period,
        org_code,
        sex,
        sick_hours,
        ordinary_hours
    from groups
    where org_level = 'kommun' and {{ dbt.length('period') }} = 4
),

by_org as (
    select
        'HR_SICK_LEAVE_PCT' as kpi_id,
        period,
        org_code,
        sex,
        sum(sick_hours) as sick_hours,
        sum(ordinary_hours) as ordinary_hours
    from groups
    where org_level in ('kommun', 'forvaltning')
    group by period, org_code, sex
),

-- The restated förvaltningar and the units, each summed to the whole municipality.
other_levels as (
    select
        'HR_SICK_LEAVE_PCT' as kpi_id,
        period,
        'ALL' as org_code,
        sex,
        org_level,
        sum(sick_hours) as sick_hours,
        sum(ordinary_hours) as ordinary_hours
    from groups
    where org_level in ('current_forvaltning', 'unit')
    group by period, sex, org_level
),

mart_cells as (
    select
        kpi_id,
        period,
        org_code,
        sex,
        'kommun' as org_level,
        sick_hours,
        ordinary_hours
    from by_band
    union all
    select
        kpi_id,
        period,
        org_code,
        sex,
        'forvaltning' as org_level,
        sick_hours,
        ordinary_hours
    from by_org
    union all
    select
        kpi_id,
        period,
        org_code,
        sex,
        org_level,
        sick_hours,
        ordinary_hours
    from other_levels
),

compared as (
    select
        coalesce(mart_cells.kpi_id, kpis.kpi_id) as kpi_id,
        coalesce(mart_cells.period, kpis.period) as period,
        coalesce(mart_cells.org_code, kpis.org_code) as org_code,
        coalesce(mart_cells.sex, kpis.gender) as sex,
        mart_cells.org_level,
        mart_cells.sick_hours,
        kpis.numerator,
        mart_cells.ordinary_hours,
        kpis.denominator
    from mart_cells
    full outer join kpis
        on
            mart_cells.kpi_id = kpis.kpi_id
            and mart_cells.period = kpis.period
            and mart_cells.org_code = kpis.org_code
            and mart_cells.sex = kpis.gender
    where coalesce(mart_cells.kpi_id, kpis.kpi_id) like 'HR_SICK_LEAVE_PCT%'
)

select *
from compared
where
    org_level is null
    or numerator is null
    or abs(sick_hours - numerator) > 0.001
    or abs(ordinary_hours - denominator) > 0.001
