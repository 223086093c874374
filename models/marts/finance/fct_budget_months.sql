{#- The adopted budget spread over the days of its year (kpi-definitions v1.1): each day
    carries 1/(days in the year) of a budget line, and each day's share belongs to the
    förvaltning of the line's ansvar on that day (UNMAPPED on days without a valid row), so
    a unit that moves mid-year takes its budget with it from the day it moves.

    Stored at month grain, not day grain: the days are counted once per (year, ansvar,
    month, förvaltning) and the budget lines multiplied by those counts, which gives the
    same sums as a day × budget-line table at about a thirtieth of its rows. -#}
with

budget_lines as (
    select
        budget_year,
        ansvar,
        activity_code,
        account_code,
        amount_sek
    from {{ ref('int_ekonomi__budget_lines_resolved') }}
    where is_current
),

dates as (
    select
        date_day,
        year,
        month,
        year_month,
        month_start_date
    from {{ ref('dim_dates') }}
),

org as (
    select
        ansvar,
        forvaltning_code,
        valid_from,
        effective_valid_to
    from {{ ref('dim_organisation_units') }}
),

-- Budget rows have no key: lines on the same coding string add up.
budget_by_coding_string as (
    select
        budget_year,
        ansvar,
        coalesce(ansvar, '#none') as ansvar_key,
        coalesce(activity_code, 'NONE') as activity_code,
        account_code,
        sum(amount_sek) as amount_sek,
        count(*) as budget_line_count
    from budget_lines
    group by
        budget_year,
        ansvar,
        coalesce(ansvar, '#none'),
        coalesce(activity_code, 'NONE'),
        account_code
),

budget_ansvar as (
    select distinct
        budget_year,
        ansvar,
        ansvar_key
    from budget_by_coding_string
),

days_in_year as (
    select
        year,
        count(*) as day_count
    from dates
    group by year
),

ansvar_days as (
    select
        budget_ansvar.budget_year,
        budget_ansvar.ansvar_key,
        dates.month,
        dates.year_month,
        dates.month_start_date,
        coalesce(org.forvaltning_code, 'UNMAPPED') as forvaltning_code,
        count(*) as day_count
    from budget_ansvar
    inner join dates
        on budget_ansvar.budget_year = dates.year
    left join org
        on {{ org_unit_on_date('org', 'ansvar', 'budget_ansvar.ansvar', 'dates.date_day') }}
    group by
        budget_ansvar.budget_year,
        budget_ansvar.ansvar_key,
        dates.month,
        dates.year_month,
        dates.month_start_date,
        coalesce(org.forvaltning_code, 'UNMAPPED')
),

spread as (
    select
        budget.budget_year,
        ansvar_days.month,
        ansvar_days.year_month,
        ansvar_days.month_start_date,
        budget.ansvar,
        budget.ansvar_key,
        ansvar_days.forvaltning_code,
        budget.activity_code,
        budget.account_code,
        budget.budget_line_count,
        ansvar_days.day_count,
        days_in_year.day_count as days_in_year,
        cast(budget.amount_sek as {{ type_double() }}) * ansvar_days.day_count / days_in_year.day_count
            as budget_sek
    from budget_by_coding_string as budget
    inner join ansvar_days
        on
            budget.budget_year = ansvar_days.budget_year
            and budget.ansvar_key = ansvar_days.ansvar_key
    inner join days_in_year
        on budget.budget_year = days_in_year.year
),

final as (
    select
        cast(
            year_month
            || '|' || ansvar_key || '|' || forvaltning_code
            || '|' || activity_code || '|' || account_code
            as {{ dbt.type_string() }}
        ) as budget_month_key,
        cast(year_month as {{ dbt.type_string() }}) as year_month,
        cast(ansvar as {{ dbt.type_string() }}) as ansvar,
        cast(forvaltning_code as {{ dbt.type_string() }}) as forvaltning_code,
        cast(activity_code as {{ dbt.type_string() }}) as activity_code,
        cast(account_code as {{ dbt.type_string() }}) as account_code,
        cast(substr(account_code, 1, 1) as {{ dbt.type_string() }}) as account_class,
        cast(substr(account_code, 1, 2) as {{ dbt.type_string() }}) as account_group,
        cast(budget_year as integer) as budget_year,
        cast(month as integer) as budget_month,
        cast(budget_line_count as integer) as budget_line_count,
        cast(day_count as integer) as day_count,
        cast(days_in_year as integer) as days_in_year,
        cast(budget_sek as {{ type_double() }}) as budget_sek,
        cast(
            case when substr(account_code, 1, 1) in ('3', '4', '5', '6', '7') then budget_sek else 0 end
            as {{ type_double() }}
        ) as net_cost_budget_sek,
        cast(substr(account_code, 1, 1) in ('3', '4', '5', '6', '7') as boolean) as is_net_cost_account,
        cast(month_start_date as date) as month_start_date
    from spread
)

select * from final
