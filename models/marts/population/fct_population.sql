{#- Population on 31 December (SCB), one row per year × district × sex × single age, with
    the demand bands that services are planned by (förskola 1-5, grundskola 6-15, gymnasium
    16-18, äldreomsorg 65-79 and 80+). -#}
with

population as (
    select
        population_year,
        district_code,
        sex,
        age,
        age_label,
        population_count
    from {{ ref('int_scb__population_resolved') }}
    where is_current
),

final as (
    select
        cast(
            cast(population_year as {{ dbt.type_string() }}) || '|' || district_code
            || '|' || sex || '|' || age_label
            as {{ dbt.type_string() }}
        ) as population_row_id,
        cast(district_code as {{ dbt.type_string() }}) as district_code,
        cast(sex as {{ dbt.type_string() }}) as sex,
        cast(age_label as {{ dbt.type_string() }}) as age_label,
        cast(
            case
                when age = 0 then '0'
                when age between 1 and 5 then '1-5'
                when age between 6 and 15 then '6-15'
                when age between 16 and 18 then '16-18'
                when age between 19 and 64 then '19-64'
                when age between 65 and 79 then '65-79'
                else '80+'
            end as {{ dbt.type_string() }}
        ) as age_band,
        cast(population_year as integer) as population_year,
        cast(age as integer) as age,
        cast(population_count as bigint) as population_count
    from population
)

select * from final
