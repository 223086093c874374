{#- The finance and population rows of marts.kpi_values, exactly as kpi-definitions v1.1
    asks:
    - FIN_NET_COST: month and year rows of the reporting range, per förvaltning (UNMAPPED
      included) and ALL, gender T; Σ belopp on accounts 3–7 by booking date within the
      range; a row only where ≥ 1 ledger row on accounts 3–7 falls in the period and group.
    - FIN_BUDGET_DEVIATION: year rows of the range, for each year and org with budget or
      outcome on accounts 3–7, the missing side counting 0; numerator = budget (spread over
      the days of the year, the förvaltning of its ansvar on each day), denominator =
      actual, value = budget − actual. ALL takes the whole budget of the year.
    - FIN_NET_COST_PER_INHABITANT: year rows, ALL, T; FIN_NET_COST / population on
      31 December of the year; only years with both.
    - POP_TOTAL, POP_80_PLUS: every year in the population files (not limited to the
      range), ALL, T/K/M. -#}
with

-- Summed to booking month first: the period joins below then work on a few thousand rows
-- by equality instead of on every ledger line by date range.
ledger as (
    select
        forvaltning_code,
        booking_month_start_date,
        sum(cast(net_cost_sek as {{ type_double() }})) as net_cost_sek
    from {{ ref('fct_ledger_entries') }}
    where is_net_cost_account
    group by
        forvaltning_code,
        booking_month_start_date
),

budget as (
    select
        forvaltning_code,
        budget_year,
        net_cost_budget_sek
    from {{ ref('fct_budget_months') }}
    where is_net_cost_account
),

population as (
    select
        population_year,
        sex,
        age,
        population_count
    from {{ ref('fct_population') }}
),

periods as (
    select
        period,
        period_type,
        year,
        period_start_date,
        period_end_date
    from {{ ref('int_reporting_periods') }}
),

-- A year row of a year the range only partly covers counts the months inside the range.
range_bounds as (
    select
        min(period_start_date) as range_start_date,
        max(period_end_date) as range_end_date
    from periods
    where period_type = 'month'
),

ledger_in_periods as (
    select
        periods.period,
        periods.period_type,
        periods.year,
        ledger.forvaltning_code,
        ledger.net_cost_sek
    from ledger
    inner join periods
        on ledger.booking_month_start_date between periods.period_start_date and periods.period_end_date
    inner join range_bounds
        on ledger.booking_month_start_date between range_bounds.range_start_date and range_bounds.range_end_date
),

net_cost_by_org as (
    select
        period,
        period_type,
        year,
        forvaltning_code as org_code,
        sum(cast(net_cost_sek as {{ type_double() }})) as net_cost_sek
    from ledger_in_periods
    group by
        period,
        period_type,
        year,
        forvaltning_code
),

net_cost_all as (
    select
        period,
        period_type,
        year,
        'ALL' as org_code,
        sum(cast(net_cost_sek as {{ type_double() }})) as net_cost_sek
    from ledger_in_periods
    group by
        period,
        period_type,
        year
),

net_cost as (
    select * from net_cost_by_org
    union all
    select * from net_cost_all
),

year_periods as (
    select
        period,
        year
    from periods
    where period_type = 'year'
),

budget_by_org as (
    select
        budget.budget_year as year,
        budget.forvaltning_code as org_code,
        sum(budget.net_cost_budget_sek) as budget_sek
    from budget
    inner join year_periods
        on budget.budget_year = year_periods.year
    group by
        budget.budget_year,
        budget.forvaltning_code
),

budget_all as (
    select
        budget.budget_year as year,
        'ALL' as org_code,
        sum(budget.net_cost_budget_sek) as budget_sek
    from budget
    inner join year_periods
        on budget.budget_year = year_periods.year
    group by budget.budget_year
),

budget_by_year as (
    select * from budget_by_org
    union all
    select * from budget_all
),

actual_by_year as (
    select
        year,
        org_code,
        net_cost_sek
    from net_cost
    where period_type = 'year'
),

deviation_keys as (
    select
        year,
        org_code
    from budget_by_year
    union
    select
        year,
        org_code
    from actual_by_year
),

budget_deviation as (
    select
        deviation_keys.year,
        deviation_keys.org_code,
        coalesce(budget_by_year.budget_sek, 0) as budget_sek,
        coalesce(actual_by_year.net_cost_sek, 0) as actual_sek
    from deviation_keys
    left join budget_by_year
        on
            deviation_keys.year = budget_by_year.year
            and deviation_keys.org_code = budget_by_year.org_code
    left join actual_by_year
        on
            deviation_keys.year = actual_by_year.year
            and deviation_keys.org_code = actual_by_year.org_code
),

population_by_sex as (
    select
        population_year,
        sex as gender,
        sum(population_count) as population_total,
        sum(case when age >= 80 then population_count else 0 end) as population_80_plus
    from population
    group by
        population_year,
        sex
),

population_all_sexes as (
    select
        population_year,
        'T' as gender,
        sum(population_count) as population_total,
        sum(case when age >= 80 then population_count else 0 end) as population_80_plus
    from population
    group by population_year
),

population_counts as (
    select * from population_by_sex
    union all
    select * from population_all_sexes
),

kpi_rows as (
    select
        'FIN_NET_COST' as kpi_id,
        period,
        org_code,
        'T' as gender,
        net_cost_sek as value,
        cast(null as {{ type_double() }}) as numerator,
        cast(null as {{ type_double() }}) as denominator
    from net_cost

    union all

    select
        'FIN_BUDGET_DEVIATION' as kpi_id,
        cast(year as {{ dbt.type_string() }}) as period,
        org_code,
        'T' as gender,
        budget_sek - actual_sek as value,
        budget_sek as numerator,
        actual_sek as denominator
    from budget_deviation

    union all

    select
        'FIN_NET_COST_PER_INHABITANT' as kpi_id,
        net_cost.period,
        'ALL' as org_code,
        'T' as gender,
        net_cost.net_cost_sek / population_counts.population_total as value,
        net_cost.net_cost_sek as numerator,
        population_counts.population_total as denominator
    from net_cost
    inner join population_counts
        on
            net_cost.year = population_counts.population_year
            and population_counts.gender = 'T'
    where
        net_cost.period_type = 'year'
        and net_cost.org_code = 'ALL'
        and population_counts.population_total > 0

    union all

    select
        'POP_TOTAL' as kpi_id,
        cast(population_year as {{ dbt.type_string() }}) as period,
        'ALL' as org_code,
        gender,
        population_total as value,
        cast(null as {{ type_double() }}) as numerator,
        cast(null as {{ type_double() }}) as denominator
    from population_counts

    union all

    select
        'POP_80_PLUS' as kpi_id,
        cast(population_year as {{ dbt.type_string() }}) as period,
        'ALL' as org_code,
        gender,
        population_80_plus as value,
        cast(null as {{ type_double() }}) as numerator,
        cast(null as {{ type_double() }}) as denominator
    from population_counts
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
