{#- Every HR_* KPI row of kpi-definitions.md in the export layout of marts.kpi_values.
    Rows exist only where the KPI has data ("Which rows exist"): a stock KPI where the
    group has a person, sick leave where ordinary hours > 0, the long-term share where
    sick hours > 0, the full-time share where a Tillsvidare person is, turnover where the
    average headcount > 0 and only for years wholly inside the reporting range.
    Groups: each förvaltning (UNMAPPED included) and ALL, each crossed with T, K and M.
    Person counts are distinct within the group, never sums over units, so a person with
    employments in two förvaltningar counts once in each and once in ALL. -#}
-- `value` is a keyword, but it is the export contract's column name (kpi-definitions.md).
-- noqa: disable=RF04
with

periods as (
    select
        period,
        period_type,
        year,
        is_whole_year_in_range
    from {{ ref('int_reporting_periods') }}
),

month_ends as (
    select
        person_key,
        year_month,
        forvaltning_code,
        sex,
        year,
        employment_rate_pct,
        fte,
        is_monthly_paid,
        is_tillsvidare
    from {{ ref('fct_employment_month_ends') }}
),

employment_months as (
    select
        year_month,
        forvaltning_code,
        sex,
        age_band,
        year,
        ordinary_hours,
        sick_hours,
        long_spell_sick_hours
    from {{ ref('fct_employment_months') }}
),

exits as (
    select
        sex,
        exit_year
    from {{ ref('fct_tillsvidare_exits') }}
    where is_leaver
),

month_periods as (
    select period
    from periods
    where period_type = 'month'
),

year_periods as (
    select
        period,
        year,
        is_whole_year_in_range
    from periods
    where period_type = 'year'
),

-- Each person belongs to their own sex and to the total T.
genders as (
    select
        'K' as sex,
        'K' as gender
    union all
    select
        'K' as sex,
        'T' as gender
    union all
    select
        'M' as sex,
        'M' as gender
    union all
    select
        'M' as sex,
        'T' as gender
),

-- Stock KPIs. First one row per person, month-end and förvaltning (and per person and
-- month-end for ALL), so that every person count below is a plain count: a person counts
-- once in each förvaltning where they hold an employment and once in ALL. Counts per sex
-- then add up to T, since each person has one sex.
person_forvaltning_month_ends as (
    select
        year_month,
        year,
        forvaltning_code,
        person_key,
        sex,
        max(case when is_monthly_paid then 1 else 0 end) as is_monthly_paid_person,
        sum(case when is_monthly_paid then fte else 0 end) as fte,
        max(case when is_tillsvidare then 1 else 0 end) as is_tillsvidare_person,
        sum(case when is_tillsvidare then employment_rate_pct else 0 end) as tillsvidare_rate_pct
    from month_ends
    group by year_month, year, forvaltning_code, person_key, sex
),

person_month_ends as (
    select
        year_month,
        year,
        person_key,
        sex,
        max(is_monthly_paid_person) as is_monthly_paid_person,
        sum(fte) as fte,
        max(is_tillsvidare_person) as is_tillsvidare_person,
        sum(tillsvidare_rate_pct) as tillsvidare_rate_pct
    from person_forvaltning_month_ends
    group by year_month, year, person_key, sex
),

persons_by_org as (
    select
        year_month,
        year,
        forvaltning_code as org_code,
        sex,
        is_monthly_paid_person,
        fte,
        is_tillsvidare_person,
        tillsvidare_rate_pct
    from person_forvaltning_month_ends

    union all

    select
        year_month,
        year,
        'ALL' as org_code,
        sex,
        is_monthly_paid_person,
        fte,
        is_tillsvidare_person,
        tillsvidare_rate_pct
    from person_month_ends
),

-- Full-time is a property of the person within the group: the sum of their
-- Tillsvidare sysselsättningsgrad in that förvaltning (or in all of them, for ALL).
stock_by_sex as (
    select
        year_month,
        year,
        org_code,
        sex,
        sum(is_monthly_paid_person) as headcount,
        sum(fte) as fte,
        sum(is_tillsvidare_person) as tillsvidare_persons,
        sum(
            case when is_tillsvidare_person = 1 and tillsvidare_rate_pct >= 100 then 1 else 0 end
        ) as fulltime_persons
    from persons_by_org
    group by year_month, year, org_code, sex
),

stock_by_gender as (
    select
        stock_by_sex.year_month,
        stock_by_sex.year,
        stock_by_sex.org_code,
        genders.gender,
        sum(stock_by_sex.headcount) as headcount,
        sum(stock_by_sex.fte) as fte,
        sum(stock_by_sex.tillsvidare_persons) as tillsvidare_persons,
        sum(stock_by_sex.fulltime_persons) as fulltime_persons
    from stock_by_sex
    inner join genders
        on stock_by_sex.sex = genders.sex
    group by stock_by_sex.year_month, stock_by_sex.year, stock_by_sex.org_code, genders.gender
),

-- The month row is the month-end; the year row is the December month-end.
stock as (
    select
        month_periods.period,
        stock_by_gender.org_code,
        stock_by_gender.gender,
        stock_by_gender.headcount,
        stock_by_gender.fte,
        stock_by_gender.tillsvidare_persons,
        stock_by_gender.fulltime_persons
    from stock_by_gender
    inner join month_periods
        on stock_by_gender.year_month = month_periods.period

    union all

    select
        year_periods.period,
        stock_by_gender.org_code,
        stock_by_gender.gender,
        stock_by_gender.headcount,
        stock_by_gender.fte,
        stock_by_gender.tillsvidare_persons,
        stock_by_gender.fulltime_persons
    from stock_by_gender
    inner join year_periods
        on stock_by_gender.year_month = year_periods.period || '-12'
),

-- Flow KPIs: a year sums every day of the year.
hours_by_month as (
    select
        year_month,
        year,
        forvaltning_code,
        sex,
        age_band,
        sum(ordinary_hours) as ordinary_hours,
        sum(sick_hours) as sick_hours,
        sum(long_spell_sick_hours) as long_spell_sick_hours
    from employment_months
    group by year_month, year, forvaltning_code, sex, age_band
),

hours_in_periods as (
    select
        month_periods.period,
        hours_by_month.forvaltning_code,
        hours_by_month.sex,
        hours_by_month.ordinary_hours,
        hours_by_month.sick_hours,
        hours_by_month.long_spell_sick_hours
    from hours_by_month
    inner join month_periods
        on hours_by_month.year_month = month_periods.period

    union all

    select
        year_periods.period,
        hours_by_month.forvaltning_code,
        hours_by_month.sex,
        hours_by_month.ordinary_hours,
        hours_by_month.sick_hours,
        hours_by_month.long_spell_sick_hours
    from hours_by_month
    inner join year_periods
        on hours_by_month.year = year_periods.year
),

hours_by_org as (
    select
        period,
        forvaltning_code as org_code,
        sex,
        ordinary_hours,
        sick_hours,
        long_spell_sick_hours
    from hours_in_periods

    union all

    select
        period,
        'ALL' as org_code,
        sex,
        ordinary_hours,
        sick_hours,
        long_spell_sick_hours
    from hours_in_periods
),

hours as (
    select
        hours_by_org.period,
        hours_by_org.org_code,
        genders.gender,
        sum(hours_by_org.ordinary_hours) as ordinary_hours,
        sum(hours_by_org.sick_hours) as sick_hours,
        sum(hours_by_org.long_spell_sick_hours) as long_spell_sick_hours
    from hours_by_org
    inner join genders
        on hours_by_org.sex = genders.sex
    group by hours_by_org.period, hours_by_org.org_code, genders.gender
),

-- Age bands (LKBR): years only, the whole municipality.
hours_by_age as (
    select
        year_periods.period,
        hours_by_month.age_band,
        genders.gender,
        sum(hours_by_month.ordinary_hours) as ordinary_hours,
        sum(hours_by_month.sick_hours) as sick_hours
    from hours_by_month
    inner join year_periods
        on hours_by_month.year = year_periods.year
    inner join genders
        on hours_by_month.sex = genders.sex
    group by year_periods.period, hours_by_month.age_band, genders.gender
),

-- Turnover: years wholly inside the reporting range; the average headcount is the mean
-- over the year's 12 month-ends (a month-end without Tillsvidare persons counts as 0).
turnover_years as (
    select
        period,
        year
    from year_periods
    where is_whole_year_in_range
),

average_headcount as (
    select
        turnover_years.period,
        turnover_years.year,
        stock_by_gender.gender,
        cast(sum(stock_by_gender.tillsvidare_persons) as {{ type_double() }}) / 12
            as average_headcount
    from stock_by_gender
    inner join turnover_years
        on stock_by_gender.year = turnover_years.year
    where stock_by_gender.org_code = 'ALL'
    group by turnover_years.period, turnover_years.year, stock_by_gender.gender
),

leavers as (
    select
        exits.exit_year,
        genders.gender,
        count(*) as leavers
    from exits
    inner join genders
        on exits.sex = genders.sex
    group by exits.exit_year, genders.gender
),

kpi_rows as (
    select
        'HR_HEADCOUNT' as kpi_id,
        period,
        org_code,
        gender,
        cast(headcount as {{ type_double() }}) as value,
        cast(null as {{ type_double() }}) as numerator,
        cast(null as {{ type_double() }}) as denominator
    from stock
    where headcount > 0

    union all

    select
        'HR_FTE' as kpi_id,
        period,
        org_code,
        gender,
        cast(fte as {{ type_double() }}) as value,
        cast(null as {{ type_double() }}) as numerator,
        cast(null as {{ type_double() }}) as denominator
    from stock
    where headcount > 0

    union all

    select
        'HR_SICK_LEAVE_PCT' as kpi_id,
        period,
        org_code,
        gender,
        100 * sick_hours / ordinary_hours as value,
        sick_hours as numerator,
        ordinary_hours as denominator
    from hours
    where ordinary_hours > 0

    union all

    select
        'HR_SICK_LEAVE_PCT_AGE_'
        || case age_band when '0-29' then '0_29' when '30-49' then '30_49' else '50_PLUS' end
            as kpi_id,
        period,
        'ALL' as org_code,
        gender,
        100 * sick_hours / ordinary_hours as value,
        sick_hours as numerator,
        ordinary_hours as denominator
    from hours_by_age
    where ordinary_hours > 0

    union all

    select
        'HR_LONG_SICK_SHARE_PCT' as kpi_id,
        period,
        org_code,
        gender,
        100 * long_spell_sick_hours / sick_hours as value,
        long_spell_sick_hours as numerator,
        sick_hours as denominator
    from hours
    where sick_hours > 0

    union all

    select
        'HR_FULLTIME_SHARE_PCT' as kpi_id,
        period,
        org_code,
        gender,
        100 * cast(fulltime_persons as {{ type_double() }}) / tillsvidare_persons as value,
        fulltime_persons as numerator,
        tillsvidare_persons as denominator
    from stock
    where tillsvidare_persons > 0

    union all

    select
        'HR_TURNOVER_PCT' as kpi_id,
        average_headcount.period,
        'ALL' as org_code,
        average_headcount.gender,
        100 * coalesce(leavers.leavers, 0) / average_headcount.average_headcount as value,
        coalesce(leavers.leavers, 0) as numerator,
        average_headcount.average_headcount as denominator
    from average_headcount
    left join leavers
        on
            average_headcount.year = leavers.exit_year
            and average_headcount.gender = leavers.gender
    where average_headcount.average_headcount > 0
),

final as (
    select
        cast(kpi_id as {{ dbt.type_string() }}) as kpi_id,
        cast(period as {{ dbt.type_string() }}) as period,
        cast(org_code as {{ dbt.type_string() }}) as org_code,
        cast(gender as {{ dbt.type_string() }}) as gender,
        cast(value as {{ type_double() }}) as value,
        cast(numerator as {{ type_double() }}) as numerator,
        cast(denominator as {{ type_double() }}) as denominator
    from kpi_rows
)

select * from final
