with

periods as (
    select
        period,
        period_type,
        year,
        is_whole_year_in_range
    from "kommun"."intermediate"."int_reporting_periods"
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
    from "kommun"."marts"."fct_employment_month_ends"
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
    from "kommun"."marts"."fct_employment_months"
),

exits as (
    select
        sex,
        exit_year
    from "kommun"."marts"."fct_tillsvidare_exits"
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

-- Stock KPIs: the month row is the month-end; the year row is the December month-end.
stock_in_periods as (
    select
        month_periods.period,
        month_ends.person_key,
        month_ends.forvaltning_code,
        month_ends.sex,
        month_ends.employment_rate_pct,
        month_ends.fte,
        month_ends.is_monthly_paid,
        month_ends.is_tillsvidare
    from month_ends
    inner join month_periods
        on month_ends.year_month = month_periods.period

    union all

    select
        year_periods.period,
        month_ends.person_key,
        month_ends.forvaltning_code,
        month_ends.sex,
        month_ends.employment_rate_pct,
        month_ends.fte,
        month_ends.is_monthly_paid,
        month_ends.is_tillsvidare
    from month_ends
    inner join year_periods
        on month_ends.year_month = year_periods.period || '-12'
),

stock_by_org as (
    select
        period,
        forvaltning_code as org_code,
        person_key,
        sex,
        employment_rate_pct,
        fte,
        is_monthly_paid,
        is_tillsvidare
    from stock_in_periods

    union all

    select
        period,
        'ALL' as org_code,
        person_key,
        sex,
        employment_rate_pct,
        fte,
        is_monthly_paid,
        is_tillsvidare
    from stock_in_periods
),

monthly_paid_stock as (
    select
        stock_by_org.period,
        stock_by_org.org_code,
        genders.gender,
        count(distinct stock_by_org.person_key) as headcount,
        sum(stock_by_org.fte) as fte
    from stock_by_org
    inner join genders
        on stock_by_org.sex = genders.sex
    where stock_by_org.is_monthly_paid
    group by stock_by_org.period, stock_by_org.org_code, genders.gender
),

-- Full-time is a property of the person within the group: the sum of their
-- Tillsvidare sysselsättningsgrad in that förvaltning (or in all of them, for ALL).
tillsvidare_persons as (
    select
        period,
        org_code,
        person_key,
        sex,
        sum(employment_rate_pct) as summed_rate_pct
    from stock_by_org
    where is_tillsvidare
    group by period, org_code, person_key, sex
),

fulltime as (
    select
        tillsvidare_persons.period,
        tillsvidare_persons.org_code,
        genders.gender,
        sum(case when tillsvidare_persons.summed_rate_pct >= 100 then 1 else 0 end)
            as fulltime_persons,
        count(*) as tillsvidare_persons
    from tillsvidare_persons
    inner join genders
        on tillsvidare_persons.sex = genders.sex
    group by tillsvidare_persons.period, tillsvidare_persons.org_code, genders.gender
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

tillsvidare_month_ends as (
    select
        month_ends.year,
        month_ends.year_month,
        genders.gender,
        count(distinct month_ends.person_key) as tillsvidare_persons
    from month_ends
    inner join genders
        on month_ends.sex = genders.sex
    where month_ends.is_tillsvidare
    group by month_ends.year, month_ends.year_month, genders.gender
),

average_headcount as (
    select
        turnover_years.period,
        turnover_years.year,
        tillsvidare_month_ends.gender,
        cast(sum(tillsvidare_month_ends.tillsvidare_persons) as double) / 12
            as average_headcount
    from tillsvidare_month_ends
    inner join turnover_years
        on tillsvidare_month_ends.year = turnover_years.year
    group by turnover_years.period, turnover_years.year, tillsvidare_month_ends.gender
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
        cast(headcount as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from monthly_paid_stock

    union all

    select
        'HR_FTE' as kpi_id,
        period,
        org_code,
        gender,
        cast(fte as double) as value,
        cast(null as double) as numerator,
        cast(null as double) as denominator
    from monthly_paid_stock

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
        100 * cast(fulltime_persons as double) / tillsvidare_persons as value,
        fulltime_persons as numerator,
        tillsvidare_persons as denominator
    from fulltime

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
        cast(kpi_id as TEXT) as kpi_id,
        cast(period as TEXT) as period,
        cast(org_code as TEXT) as org_code,
        cast(gender as TEXT) as gender,
        cast(value as double) as value,
        cast(numerator as double) as numerator,
        cast(denominator as double) as denominator
    from kpi_rows
)

select * from final