{#- Home-care hours needed in the next three years, per district and for the municipality,
    from the trend of the 80+ population. Method (see the services docs):
    1. an origin year is a year with all 12 months of home care and a population count;
       its rate is hours performed / 80+ population on 31 December (municipality-wide:
       visits carry no district);
    2. per district, a least-squares straight line through the 80+ population of every
       year up to the origin (at least two years);
    3. hours needed in origin + 1..3 = the origin's rate x the line's value that year.
    Every origin year is projected, so the earlier ones are a back-test: where the target
    year has actual figures, the projection error is beside them. The forward projection
    is the latest origin (is_latest_origin). -#}
with

population_by_district as (
    select
        population_year,
        district_code,
        sum(population_count) as population_80_plus
    from {{ ref('fct_population') }}
    where age_band = '80+'
    group by
        population_year,
        district_code
),

population_series as (
    select
        population_year,
        district_code,
        population_80_plus
    from population_by_district
    union all
    select
        population_year,
        'ALL' as district_code,
        sum(population_80_plus) as population_80_plus
    from population_by_district
    group by population_year
),

homecare_years as (
    select
        year,
        count(*) as month_count,
        sum(performed_hours) as performed_hours
    from {{ ref('fct_homecare_months') }}
    group by year
),

whole_homecare_years as (
    select
        year,
        performed_hours
    from homecare_years
    where month_count = 12
),

origins as (
    select
        whole_homecare_years.year as origin_year,
        whole_homecare_years.performed_hours / population_series.population_80_plus
            as hours_per_inhabitant_80_plus
    from whole_homecare_years
    inner join population_series
        on
            whole_homecare_years.year = population_series.population_year
            and population_series.district_code = 'ALL'
    where population_series.population_80_plus > 0
),

fit_points as (
    -- Years are counted from the origin, which keeps the sums small and exact.
    select
        origins.origin_year,
        population_series.district_code,
        cast(population_series.population_year - origins.origin_year as {{ type_double() }}) as x,
        cast(population_series.population_80_plus as {{ type_double() }}) as y
    from origins
    inner join population_series
        on origins.origin_year >= population_series.population_year
),

sums as (
    select
        origin_year,
        district_code,
        count(*) as fit_year_count,
        sum(x) as sum_x,
        sum(y) as sum_y,
        sum(x * x) as sum_xx,
        sum(x * y) as sum_xy
    from fit_points
    group by
        origin_year,
        district_code
    having count(*) >= 2
),

trends as (
    select
        origin_year,
        district_code,
        fit_year_count,
        sum_x,
        sum_y,
        (fit_year_count * sum_xy - sum_x * sum_y)
        / (fit_year_count * sum_xx - sum_x * sum_x) as slope_per_year
    from sums
),

horizons as (
    select 1 as horizon_years
    union all
    select 2 as horizon_years
    union all
    select 3 as horizon_years
),

projected as (
    select
        trends.origin_year,
        trends.district_code,
        horizons.horizon_years,
        trends.origin_year + horizons.horizon_years as target_year,
        trends.fit_year_count,
        trends.slope_per_year,
        (trends.sum_y - trends.slope_per_year * trends.sum_x) / trends.fit_year_count
        + trends.slope_per_year * horizons.horizon_years as projected_population_80_plus,
        origins.hours_per_inhabitant_80_plus
    from trends
    inner join origins
        on trends.origin_year = origins.origin_year
    cross join horizons
),

latest_origin as (
    select max(origin_year) as origin_year
    from trends
),

compared as (
    select
        projected.*,
        projected.projected_population_80_plus * projected.hours_per_inhabitant_80_plus
            as projected_hours_needed,
        actual_population.population_80_plus as actual_population_80_plus,
        case
            when projected.district_code = 'ALL' then actual_hours.performed_hours
        end as actual_hours_performed,
        projected.origin_year = latest_origin.origin_year as is_latest_origin
    from projected
    cross join latest_origin
    left join population_series as actual_population
        on
            projected.target_year = actual_population.population_year
            and projected.district_code = actual_population.district_code
    left join whole_homecare_years as actual_hours
        on projected.target_year = actual_hours.year
),

final as (
    select
        cast(
            cast(origin_year as {{ dbt.type_string() }}) || '|' || district_code || '|'
            || cast(target_year as {{ dbt.type_string() }})
            as {{ dbt.type_string() }}
        ) as projection_key,
        cast(district_code as {{ dbt.type_string() }}) as district_code,
        cast(origin_year as integer) as origin_year,
        cast(target_year as integer) as target_year,
        cast(horizon_years as integer) as horizon_years,
        cast(fit_year_count as integer) as fit_year_count,
        cast(slope_per_year as {{ type_double() }}) as population_trend_per_year,
        cast(projected_population_80_plus as {{ type_double() }}) as projected_population_80_plus,
        cast(hours_per_inhabitant_80_plus as {{ type_double() }}) as hours_per_inhabitant_80_plus,
        cast(projected_hours_needed as {{ type_double() }}) as projected_hours_needed,
        cast(actual_population_80_plus as integer) as actual_population_80_plus,
        cast(actual_hours_performed as {{ type_double() }}) as actual_hours_performed,
        cast(
            100.0 * (projected_population_80_plus - actual_population_80_plus)
            / nullif(actual_population_80_plus, 0) as {{ type_double() }}
        ) as population_error_pct,
        cast(
            100.0 * (projected_hours_needed - actual_hours_performed)
            / nullif(actual_hours_performed, 0) as {{ type_double() }}
        ) as hours_error_pct,
        cast(is_latest_origin as boolean) as is_latest_origin
    from compared
)

select * from final
