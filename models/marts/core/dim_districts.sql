{#- The districts (distrikt) that facts refer to: named from the latest population file that
    has the code; a code that only the permit or preschool systems use keeps a placeholder
    name, so that no fact loses its district. -#}
with

population as (
    select
        district_code,
        district_name,
        population_year
    from {{ ref('int_scb__population_resolved') }}
    where is_current
),

cases as (
    select district_code
    from {{ ref('int_bygglov__cases_resolved') }}
    where is_current and district_code is not null
),

applications as (
    select district_code
    from {{ ref('int_forskola__applications_resolved') }}
    where is_current and district_code is not null
),

named as (
    select
        district_code,
        district_name,
        row_number() over (
            partition by district_code
            order by population_year desc, district_name asc
        ) as name_rank
    from population
),

service_only as (
    select district_code from cases
    union
    select district_code from applications
),

combined as (
    select
        district_code,
        district_name,
        true as is_in_population
    from named
    where name_rank = 1

    union all

    select
        service_only.district_code,
        'Okänt distrikt ' || service_only.district_code as district_name,
        false as is_in_population
    from service_only
    left join named
        on service_only.district_code = named.district_code
    where named.district_code is null
),

final as (
    select
        cast(district_code as {{ dbt.type_string() }}) as district_code,
        cast(district_name as {{ dbt.type_string() }}) as district_name,
        is_in_population
    from combined
)

select * from final
