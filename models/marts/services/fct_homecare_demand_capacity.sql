{#- Demand against capacity in home care, per district and month. Home-care visits carry
    no district (the care system delivers none), so the care measures exist only on the
    municipality row, district_code 'ALL'; every district row carries its 80+ population,
    the driver of demand. Population is the count on 31 December of the month's year. -#}
with

months as (
    select
        year_month,
        year,
        recipient_count,
        planned_visit_count,
        performed_visit_count,
        not_performed_visit_count,
        performed_hours,
        estimated_planned_hours,
        month_start_date
    from {{ ref('fct_homecare_months') }}
),

population_80_plus as (
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

municipality_80_plus as (
    select
        population_year,
        sum(population_80_plus) as population_80_plus
    from population_80_plus
    group by population_year
),

districts as (
    select distinct district_code
    from population_80_plus
),

district_rows as (
    select
        districts.district_code,
        months.year_month,
        months.year,
        cast(null as integer) as recipient_count,
        cast(null as integer) as planned_visit_count,
        cast(null as integer) as performed_visit_count,
        cast(null as integer) as not_performed_visit_count,
        cast(null as {{ type_double() }}) as performed_hours,
        cast(null as {{ type_double() }}) as estimated_planned_hours,
        population_80_plus.population_80_plus,
        months.month_start_date
    from months
    cross join districts
    left join population_80_plus
        on
            months.year = population_80_plus.population_year
            and districts.district_code = population_80_plus.district_code
),

municipality_rows as (
    select
        'ALL' as district_code,
        months.year_month,
        months.year,
        months.recipient_count,
        months.planned_visit_count,
        months.performed_visit_count,
        months.not_performed_visit_count,
        months.performed_hours,
        months.estimated_planned_hours,
        municipality_80_plus.population_80_plus,
        months.month_start_date
    from months
    left join municipality_80_plus
        on months.year = municipality_80_plus.population_year
),

unioned as (
    select * from municipality_rows
    union all
    select * from district_rows
),

final as (
    select
        cast(district_code || '|' || year_month as {{ dbt.type_string() }}) as district_month_key,
        cast(district_code as {{ dbt.type_string() }}) as district_code,
        cast(year_month as {{ dbt.type_string() }}) as year_month,
        cast(year as integer) as year,
        cast(recipient_count as integer) as recipient_count,
        cast(planned_visit_count as integer) as planned_visit_count,
        cast(performed_visit_count as integer) as performed_visit_count,
        cast(not_performed_visit_count as integer) as not_performed_visit_count,
        cast(performed_hours as {{ type_double() }}) as performed_hours,
        cast(estimated_planned_hours as {{ type_double() }}) as estimated_planned_hours,
        cast(population_80_plus as integer) as population_80_plus,
        cast(performed_hours / nullif(population_80_plus, 0) as {{ type_double() }})
            as performed_hours_per_inhabitant_80_plus,
        cast(month_start_date as date) as month_start_date
    from unioned
)

select * from final
