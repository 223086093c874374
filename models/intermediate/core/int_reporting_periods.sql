{#- The reporting range of kpi-definitions.md: the months from the first to the last ledger
    period delivered (the period in the ledger files' names, whether or not their rows were
    accepted), and every year those months touch. KPI rows exist for these periods only
    (population KPIs excepted). -#}
with

ledger_files as (
    select delivery_stamp
    from {{ ref('stg_landing__files') }}
    where entity = 'huvudbok' and file_status = 'ok'
),

dates as (
    select
        date_day,
        year,
        year_month,
        month_start_date,
        month_end_date
    from {{ ref('dim_dates') }}
),

bounds as (
    select
        min(substring(delivery_stamp, 1, 6)) as first_period,
        max(substring(delivery_stamp, 1, 6)) as last_period
    from ledger_files
),

months as (
    select
        dates.year_month as period,
        dates.year,
        dates.month_start_date as period_start_date,
        dates.month_end_date as period_end_date
    from dates
    inner join bounds
        on
            dates.year_month between
            substring(bounds.first_period, 1, 4) || '-' || substring(bounds.first_period, 5, 2)
            and substring(bounds.last_period, 1, 4) || '-' || substring(bounds.last_period, 5, 2)
    where dates.date_day = dates.month_start_date
),

years as (
    select
        year,
        count(*) as months_in_range,
        min(period_start_date) as first_month_start_date
    from months
    group by year
),

year_bounds as (
    select
        years.year,
        years.months_in_range = 12 as is_whole_year_in_range,
        min(dates.date_day) as period_start_date,
        max(dates.date_day) as period_end_date
    from years
    inner join dates
        on years.year = dates.year
    group by years.year, years.months_in_range
),

unioned as (
    select
        months.period,
        'month' as period_type,
        months.year,
        year_bounds.is_whole_year_in_range,
        months.period_start_date,
        months.period_end_date
    from months
    inner join year_bounds
        on months.year = year_bounds.year

    union all

    select
        cast(year as {{ dbt.type_string() }}) as period,
        'year' as period_type,
        year,
        is_whole_year_in_range,
        period_start_date,
        period_end_date
    from year_bounds
),

final as (
    select
        cast(period as {{ dbt.type_string() }}) as period,
        cast(period_type as {{ dbt.type_string() }}) as period_type,
        cast(year as integer) as year,
        is_whole_year_in_range,
        cast(period_start_date as date) as period_start_date,
        cast(period_end_date as date) as period_end_date
    from unioned
)

select * from final
