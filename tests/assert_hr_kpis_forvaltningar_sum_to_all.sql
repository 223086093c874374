{#- Wherever an HR KPI is additive over förvaltningar, the förvaltningar plus UNMAPPED sum
    to ALL: FTE (its value), sick leave % (sick and ordinary hours) and the long-term share
    (long-spell and all sick hours), per period and gender. Headcount and the full-time
    share are not additive (a person counts once in each förvaltning where they work and
    once in ALL) and are left out. Returns the rows that disagree beyond 1e-6 relative. -#}
with

kpi_values as (
    select
        kpi_id,
        period,
        org_code,
        gender,
        case when kpi_id = 'HR_FTE' then value else numerator end as additive_numerator,
        case when kpi_id = 'HR_FTE' then 0 else denominator end as additive_denominator
    from {{ ref('kpi_values_hr') }}
    where kpi_id in ('HR_FTE', 'HR_SICK_LEAVE_PCT', 'HR_LONG_SICK_SHARE_PCT')
),

totals as (
    select
        kpi_id,
        period,
        gender,
        additive_numerator,
        additive_denominator
    from kpi_values
    where org_code = 'ALL'
),

summed as (
    select
        kpi_id,
        period,
        gender,
        sum(additive_numerator) as additive_numerator,
        sum(additive_denominator) as additive_denominator
    from kpi_values
    where org_code <> 'ALL'
    group by kpi_id, period, gender
),

compared as (
    select
        coalesce(totals.kpi_id, summed.kpi_id) as kpi_id,
        coalesce(totals.period, summed.period) as period,
        coalesce(totals.gender, summed.gender) as gender,
        totals.additive_numerator as all_numerator,
        summed.additive_numerator as summed_numerator,
        totals.additive_denominator as all_denominator,
        summed.additive_denominator as summed_denominator
    from totals
    full outer join summed
        on
            totals.kpi_id = summed.kpi_id
            and totals.period = summed.period
            and totals.gender = summed.gender
)

select * from compared
where
    all_numerator is null
    or summed_numerator is null
    or abs(all_numerator - summed_numerator) > 1e-6 * abs(all_numerator) + 1e-9
    or abs(all_denominator - summed_denominator) > 1e-6 * abs(all_denominator) + 1e-9
