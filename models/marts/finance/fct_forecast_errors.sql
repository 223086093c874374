{#- How good is each helårsprognos method? For every year wholly inside the reporting range
    (its actual year end is known), every month-end m, every förvaltning and the whole
    municipality (ALL), and each method: the forecast made at the end of m against the
    actual net cost of the year. The docs report the mean absolute percentage error by m;
    this model makes those figures reproducible on any landing data. -#}
with

follow_up as (
    select
        year,
        month,
        forvaltning_code,
        outcome_month_sek,
        forecast_budget_rest_sek,
        forecast_profile_sek,
        forecast_trend_sek,
        is_whole_year_in_range
    from {{ ref('fct_budget_follow_up_months') }}
),

by_org as (
    select
        year,
        month,
        forvaltning_code as org_code,
        sum(outcome_month_sek) as outcome_month_sek,
        sum(forecast_budget_rest_sek) as forecast_budget_rest_sek,
        sum(forecast_profile_sek) as forecast_profile_sek,
        sum(forecast_trend_sek) as forecast_trend_sek
    from follow_up
    where is_whole_year_in_range
    group by
        year,
        month,
        forvaltning_code
),

whole_municipality as (
    select
        year,
        month,
        'ALL' as org_code,
        sum(outcome_month_sek) as outcome_month_sek,
        sum(forecast_budget_rest_sek) as forecast_budget_rest_sek,
        sum(forecast_profile_sek) as forecast_profile_sek,
        sum(forecast_trend_sek) as forecast_trend_sek
    from follow_up
    where is_whole_year_in_range
    group by
        year,
        month
),

orgs_and_all as (
    select * from by_org
    union all
    select * from whole_municipality
),

with_actual as (
    select
        *,
        sum(outcome_month_sek) over (partition by year, org_code) as actual_full_year_sek
    from orgs_and_all
),

methods as (
    select
        year,
        month,
        org_code,
        'budget_rest' as forecast_method,
        forecast_budget_rest_sek as forecast_sek,
        actual_full_year_sek
    from with_actual
    union all
    select
        year,
        month,
        org_code,
        'profile' as forecast_method,
        forecast_profile_sek as forecast_sek,
        actual_full_year_sek
    from with_actual
    union all
    select
        year,
        month,
        org_code,
        'trend' as forecast_method,
        forecast_trend_sek as forecast_sek,
        actual_full_year_sek
    from with_actual
),

final as (
    select
        cast(
            cast(year as {{ dbt.type_string() }}) || '|' || cast(month as {{ dbt.type_string() }})
            || '|' || org_code || '|' || forecast_method
            as {{ dbt.type_string() }}
        ) as forecast_error_key,
        cast(org_code as {{ dbt.type_string() }}) as org_code,
        cast(forecast_method as {{ dbt.type_string() }}) as forecast_method,
        cast(year as integer) as year,
        cast(month as integer) as forecast_month,
        cast(forecast_sek as {{ type_double() }}) as forecast_sek,
        cast(actual_full_year_sek as {{ type_double() }}) as actual_full_year_sek,
        cast(forecast_sek - actual_full_year_sek as {{ type_double() }}) as error_sek,
        cast(
            case
                when actual_full_year_sek <> 0
                    then 100 * abs(forecast_sek - actual_full_year_sek) / abs(actual_full_year_sek)
            end as {{ type_double() }}
        ) as absolute_error_pct
    from methods
)

select * from final
