{#- Förvaltningar plus UNMAPPED equal ALL, and ALL equals the sources, every year and
    month, for net cost and budget:
    - FIN_NET_COST (month and year rows): Σ förvaltning rows = the ALL row = Σ belopp on
      accounts 3–7 of the current resolved ledger by booking date, computed here without
      any organisation join;
    - FIN_BUDGET_DEVIATION (year rows): Σ förvaltning numerators = ALL = Σ resolved budget
      lines on accounts 3–7 of the year, before any spreading;
    - the follow-up mart per month: Σ outcome_month_sek = the ledger's net cost of the month,
      Σ budget_month_sek = the year's budget × days of the month / days of the year.
    Returns one row per check and period that differs by more than 1e-9 relative. -#}
with

periods as (
    select
        period,
        period_type,
        period_start_date,
        period_end_date
    from {{ ref('int_reporting_periods') }}
),

range_bounds as (
    select
        min(period_start_date) as range_start_date,
        max(period_end_date) as range_end_date
    from periods
    where period_type = 'month'
),

ledger as (
    select
        booking_date,
        cast(amount_sek as {{ type_double() }}) as amount_sek
    from {{ ref('int_ekonomi__ledger_entries_resolved') }}
    where
        is_current
        and substr(account_code, 1, 1) in ('3', '4', '5', '6', '7')
),

budget_lines as (
    select
        budget_year,
        cast(amount_sek as {{ type_double() }}) as amount_sek
    from {{ ref('int_ekonomi__budget_lines_resolved') }}
    where
        is_current
        and substr(account_code, 1, 1) in ('3', '4', '5', '6', '7')
),

kpis as (
    select
        kpi_id,
        period,
        org_code,
        value,
        numerator
    from {{ ref('kpi_values_finance') }}
),

follow_up as (
    select
        year_month,
        year,
        month,
        outcome_month_sek,
        budget_month_sek
    from {{ ref('fct_budget_follow_up_months') }}
),

calendar as (
    select
        year,
        year_month,
        count(*) as days_in_month
    from {{ ref('dim_dates') }}
    group by
        year,
        year_month
),

source_net_cost as (
    select
        periods.period,
        sum(ledger.amount_sek) as expected
    from ledger
    inner join periods
        on ledger.booking_date between periods.period_start_date and periods.period_end_date
    inner join range_bounds
        on ledger.booking_date between range_bounds.range_start_date and range_bounds.range_end_date
    group by periods.period
),

source_budget as (
    select
        cast(budget_year as {{ dbt.type_string() }}) as period,
        sum(amount_sek) as expected
    from budget_lines
    group by budget_year
),

days_in_year as (
    select
        year,
        sum(days_in_month) as day_count
    from calendar
    group by year
),

source_budget_by_month as (
    select
        calendar.year_month as period,
        sum(budget_lines.amount_sek) * max(calendar.days_in_month)
        / max(days_in_year.day_count) as expected
    from budget_lines
    inner join calendar
        on budget_lines.budget_year = calendar.year
    inner join days_in_year
        on budget_lines.budget_year = days_in_year.year
    group by calendar.year_month
),

net_cost_checks as (
    select
        'FIN_NET_COST' as check_name,
        kpis.period,
        sum(case when kpis.org_code <> 'ALL' then kpis.value else 0 end) as parts,
        sum(case when kpis.org_code = 'ALL' then kpis.value else 0 end) as whole
    from kpis
    where kpis.kpi_id = 'FIN_NET_COST'
    group by kpis.period
),

budget_checks as (
    select
        'FIN_BUDGET_DEVIATION budget' as check_name,
        kpis.period,
        sum(case when kpis.org_code <> 'ALL' then kpis.numerator else 0 end) as parts,
        sum(case when kpis.org_code = 'ALL' then kpis.numerator else 0 end) as whole
    from kpis
    where kpis.kpi_id = 'FIN_BUDGET_DEVIATION'
    group by kpis.period
),

mart_outcome as (
    select
        'mart outcome' as check_name,
        year_month as period,
        sum(outcome_month_sek) as parts,
        sum(outcome_month_sek) as whole
    from follow_up
    group by year_month
),

mart_budget as (
    select
        'mart budget' as check_name,
        year_month as period,
        sum(budget_month_sek) as parts,
        sum(budget_month_sek) as whole
    from follow_up
    group by year_month
),

compared as (
    select
        net_cost_checks.check_name,
        coalesce(net_cost_checks.period, source_net_cost.period) as period,
        net_cost_checks.parts,
        net_cost_checks.whole,
        source_net_cost.expected
    from net_cost_checks
    full outer join source_net_cost
        on net_cost_checks.period = source_net_cost.period

    union all

    select
        budget_checks.check_name,
        budget_checks.period,
        budget_checks.parts,
        budget_checks.whole,
        coalesce(source_budget.expected, 0) as expected
    from budget_checks
    left join source_budget
        on budget_checks.period = source_budget.period

    union all

    select
        mart_outcome.check_name,
        mart_outcome.period,
        mart_outcome.parts,
        mart_outcome.whole,
        coalesce(source_net_cost.expected, 0) as expected
    from mart_outcome
    left join source_net_cost
        on mart_outcome.period = source_net_cost.period

    union all

    select
        mart_budget.check_name,
        mart_budget.period,
        mart_budget.parts,
        mart_budget.whole,
        coalesce(source_budget_by_month.expected, 0) as expected
    from mart_budget
    left join source_budget_by_month
        on mart_budget.period = source_budget_by_month.period
)

select *
from compared
where
    parts is null
    or expected is null
    or abs(parts - whole) > 0.01 + 1e-9 * abs(whole)
    or abs(whole - expected) > 0.01 + 1e-9 * abs(expected)
