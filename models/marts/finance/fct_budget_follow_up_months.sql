{#- Budgetuppföljning: net cost (accounts 3–7) against budget, one row per month of the
    reporting range × förvaltning × activity × account group that has outcome or budget in
    the month's year. Month and year-to-date figures, the budget for the same span, the
    deviation, three full-year forecasts (helårsprognos) and the net cost per inhabitant of
    the age band the activity serves.

    Outcome counts by booking date and only within the reporting range (as FIN_NET_COST);
    the budget counts by the days of its year (as FIN_BUDGET_DEVIATION).

    Forecasts made at the end of month m of year Y, where YTD = outcome Jan..m:
    - budget_rest: YTD + the budget of the rest of the year (days m+1..31 Dec);
    - profile: YTD + full-year budget × (1 − s), s = the share of last year's full-year
      outcome of the same activity × account group (whole municipality) booked by the end of
      month m: the rest of the budget spread by last year's monthly rhythm instead of by days
      (holiday pay in summer, invoices in December);
    - trend: YTD / s, last year's rhythm applied to this year's level, which carries an
      over- or underspend forward.
    Where last year's profile is missing or unusable (year before the range, the sign of
    the cumulative outcome differing from the year's, s outside 0.02–2), profile and trend
    fall back to budget_rest. `forecast_full_year_sek` is trend, the method with the lowest
    measured error on the demo years (fct_forecast_errors, doc block finance_marts). -#}
with

ledger as (
    select
        forvaltning_code,
        activity_code,
        account_group,
        booking_date,
        booking_year,
        booking_month,
        net_cost_sek
    from {{ ref('fct_ledger_entries') }}
    where is_net_cost_account
),

budget as (
    select
        forvaltning_code,
        activity_code,
        account_group,
        budget_year,
        budget_month,
        net_cost_budget_sek
    from {{ ref('fct_budget_months') }}
    where is_net_cost_account
),

reporting_months as (
    select
        period,
        year,
        period_start_date,
        period_end_date,
        is_whole_year_in_range
    from {{ ref('int_reporting_periods') }}
    where period_type = 'month'
),

calendar_months as (
    select distinct
        year,
        month,
        year_month,
        month_start_date,
        month_end_date
    from {{ ref('dim_dates') }}
),

activities as (
    select
        activity_code,
        served_age_band
    from {{ ref('dim_activities') }}
),

population as (
    select
        population_year,
        age_band,
        population_count
    from {{ ref('fct_population') }}
),

range_bounds as (
    select
        min(period_start_date) as range_start_date,
        max(period_end_date) as range_end_date
    from reporting_months
),

range_years as (
    select distinct
        year,
        is_whole_year_in_range
    from reporting_months
),

outcome_by_month as (
    select
        ledger.booking_year as year,
        ledger.booking_month as month,
        ledger.forvaltning_code,
        ledger.activity_code,
        ledger.account_group,
        sum(cast(ledger.net_cost_sek as {{ type_double() }})) as outcome_sek
    from ledger
    cross join range_bounds
    where ledger.booking_date between range_bounds.range_start_date and range_bounds.range_end_date
    group by
        ledger.booking_year,
        ledger.booking_month,
        ledger.forvaltning_code,
        ledger.activity_code,
        ledger.account_group
),

budget_by_month as (
    select
        budget_year as year,
        budget_month as month,
        forvaltning_code,
        activity_code,
        account_group,
        sum(net_cost_budget_sek) as budget_sek
    from budget
    group by
        budget_year,
        budget_month,
        forvaltning_code,
        activity_code,
        account_group
),

cells as (
    select
        year,
        forvaltning_code,
        activity_code,
        account_group
    from outcome_by_month
    union
    select
        year,
        forvaltning_code,
        activity_code,
        account_group
    from budget_by_month
),

-- Every month of every year the range touches, so that year-to-date sums run from
-- January; months outside the range are dropped at the end.
grid as (
    select
        cells.year,
        calendar_months.month,
        calendar_months.year_month,
        calendar_months.month_start_date,
        calendar_months.month_end_date,
        cells.forvaltning_code,
        cells.activity_code,
        cells.account_group
    from cells
    inner join range_years
        on cells.year = range_years.year
    inner join calendar_months
        on cells.year = calendar_months.year
),

monthly as (
    select
        grid.year,
        grid.month,
        grid.year_month,
        grid.month_start_date,
        grid.month_end_date,
        grid.forvaltning_code,
        grid.activity_code,
        grid.account_group,
        coalesce(outcome_by_month.outcome_sek, 0) as outcome_month_sek,
        coalesce(budget_by_month.budget_sek, 0) as budget_month_sek
    from grid
    left join outcome_by_month
        on
            grid.year = outcome_by_month.year
            and grid.month = outcome_by_month.month
            and grid.forvaltning_code = outcome_by_month.forvaltning_code
            and grid.activity_code = outcome_by_month.activity_code
            and grid.account_group = outcome_by_month.account_group
    left join budget_by_month
        on
            grid.year = budget_by_month.year
            and grid.month = budget_by_month.month
            and grid.forvaltning_code = budget_by_month.forvaltning_code
            and grid.activity_code = budget_by_month.activity_code
            and grid.account_group = budget_by_month.account_group
),

cumulative as (
    select
        *,
        sum(outcome_month_sek) over (
            partition by year, forvaltning_code, activity_code, account_group
            order by month
            rows between unbounded preceding and current row
        ) as outcome_ytd_sek,
        sum(budget_month_sek) over (
            partition by year, forvaltning_code, activity_code, account_group
            order by month
            rows between unbounded preceding and current row
        ) as budget_ytd_sek,
        sum(budget_month_sek) over (
            partition by year, forvaltning_code, activity_code, account_group
        ) as budget_full_year_sek
    from monthly
),

-- Last year's rhythm per activity × account group, whole municipality (a shape, so it
-- survives reorganisations), from years wholly inside the range only.
profile_months as (
    select
        outcome_by_month.year,
        outcome_by_month.month,
        outcome_by_month.activity_code,
        outcome_by_month.account_group,
        sum(outcome_by_month.outcome_sek) as outcome_sek
    from outcome_by_month
    inner join range_years
        on outcome_by_month.year = range_years.year
    where range_years.is_whole_year_in_range
    group by
        outcome_by_month.year,
        outcome_by_month.month,
        outcome_by_month.activity_code,
        outcome_by_month.account_group
),

profile_grid as (
    select
        profile_cells.year,
        calendar_months.month,
        profile_cells.activity_code,
        profile_cells.account_group
    from (
        select distinct
            year,
            activity_code,
            account_group
        from profile_months
    ) as profile_cells
    inner join calendar_months
        on profile_cells.year = calendar_months.year
),

profile_cumulative as (
    select
        profile_grid.year,
        profile_grid.month,
        profile_grid.activity_code,
        profile_grid.account_group,
        sum(coalesce(profile_months.outcome_sek, 0)) over (
            partition by profile_grid.year, profile_grid.activity_code, profile_grid.account_group
            order by profile_grid.month
            rows between unbounded preceding and current row
        ) as cumulative_sek,
        sum(coalesce(profile_months.outcome_sek, 0)) over (
            partition by profile_grid.year, profile_grid.activity_code, profile_grid.account_group
        ) as full_year_sek
    from profile_grid
    left join profile_months
        on
            profile_grid.year = profile_months.year
            and profile_grid.month = profile_months.month
            and profile_grid.activity_code = profile_months.activity_code
            and profile_grid.account_group = profile_months.account_group
),

profile_shares as (
    select
        year + 1 as applies_to_year,
        month,
        activity_code,
        account_group,
        cumulative_sek / full_year_sek as share_by_month_end
    from profile_cumulative
    where
        full_year_sek <> 0
        and cumulative_sek / full_year_sek between 0.02 and 2
),

served_population as (
    select
        population_year,
        age_band,
        sum(population_count) as population_count
    from population
    group by
        population_year,
        age_band
),

total_population as (
    select
        population_year,
        sum(population_count) as population_count
    from population
    group by population_year
),

forecasts as (
    select
        cumulative.*,
        profile_shares.share_by_month_end as last_year_share_by_month_end,
        cumulative.outcome_ytd_sek
        + cumulative.budget_full_year_sek
        - cumulative.budget_ytd_sek as forecast_budget_rest_sek,
        case
            when profile_shares.share_by_month_end is not null
                then
                    cumulative.outcome_ytd_sek
                    + cumulative.budget_full_year_sek * (1 - profile_shares.share_by_month_end)
            else cumulative.outcome_ytd_sek + cumulative.budget_full_year_sek - cumulative.budget_ytd_sek
        end as forecast_profile_sek,
        case
            when profile_shares.share_by_month_end is not null
                then cumulative.outcome_ytd_sek / profile_shares.share_by_month_end
            else cumulative.outcome_ytd_sek + cumulative.budget_full_year_sek - cumulative.budget_ytd_sek
        end as forecast_trend_sek
    from cumulative
    left join profile_shares
        on
            cumulative.year = profile_shares.applies_to_year
            and cumulative.month = profile_shares.month
            and cumulative.activity_code = profile_shares.activity_code
            and cumulative.account_group = profile_shares.account_group
),

final as (
    select
        cast(
            forecasts.year_month || '|' || forecasts.forvaltning_code
            || '|' || forecasts.activity_code || '|' || forecasts.account_group
            as {{ dbt.type_string() }}
        ) as budget_follow_up_key,
        cast(forecasts.year_month as {{ dbt.type_string() }}) as year_month,
        cast(forecasts.forvaltning_code as {{ dbt.type_string() }}) as forvaltning_code,
        cast(forecasts.activity_code as {{ dbt.type_string() }}) as activity_code,
        cast(forecasts.account_group as {{ dbt.type_string() }}) as account_group,
        cast(activities.served_age_band as {{ dbt.type_string() }}) as served_age_band,
        cast(forecasts.year as integer) as year,
        cast(forecasts.month as integer) as month,
        cast(forecasts.outcome_month_sek as {{ type_double() }}) as outcome_month_sek,
        cast(forecasts.budget_month_sek as {{ type_double() }}) as budget_month_sek,
        cast(forecasts.budget_month_sek - forecasts.outcome_month_sek as {{ type_double() }})
            as deviation_month_sek,
        cast(forecasts.outcome_ytd_sek as {{ type_double() }}) as outcome_ytd_sek,
        cast(forecasts.budget_ytd_sek as {{ type_double() }}) as budget_ytd_sek,
        cast(forecasts.budget_ytd_sek - forecasts.outcome_ytd_sek as {{ type_double() }}) as deviation_ytd_sek,
        cast(forecasts.budget_full_year_sek as {{ type_double() }}) as budget_full_year_sek,
        cast(forecasts.last_year_share_by_month_end as {{ type_double() }}) as last_year_share_by_month_end,
        cast(forecasts.forecast_budget_rest_sek as {{ type_double() }}) as forecast_budget_rest_sek,
        cast(forecasts.forecast_profile_sek as {{ type_double() }}) as forecast_profile_sek,
        cast(forecasts.forecast_trend_sek as {{ type_double() }}) as forecast_trend_sek,
        cast(forecasts.forecast_trend_sek as {{ type_double() }})
            as forecast_full_year_sek,
        cast(
            forecasts.budget_full_year_sek - forecasts.forecast_trend_sek
            as {{ type_double() }}
        ) as forecast_deviation_sek,
        cast(total_population.population_count as {{ type_double() }}) as population_total,
        cast(served_population.population_count as {{ type_double() }}) as served_population,
        cast(forecasts.outcome_ytd_sek / total_population.population_count as {{ type_double() }})
            as outcome_ytd_per_inhabitant_sek,
        cast(forecasts.outcome_ytd_sek / served_population.population_count as {{ type_double() }})
            as outcome_ytd_per_served_inhabitant_sek,
        cast(
            forecasts.forecast_trend_sek
            / served_population.population_count as {{ type_double() }}
        ) as forecast_per_served_inhabitant_sek,
        cast(reporting_months.is_whole_year_in_range as boolean) as is_whole_year_in_range,
        cast(forecasts.last_year_share_by_month_end is not null as boolean) as has_last_year_profile,
        cast(forecasts.month_start_date as date) as month_start_date,
        cast(forecasts.month_end_date as date) as month_end_date
    from forecasts
    inner join reporting_months
        on forecasts.year_month = reporting_months.period
    left join activities
        on forecasts.activity_code = activities.activity_code
    left join total_population
        on forecasts.year = total_population.population_year
    left join served_population
        on
            forecasts.year = served_population.population_year
            and activities.served_age_band = served_population.age_band
)

select * from final
