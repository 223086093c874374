{#- The pseudonymous person: nothing but the keyed pseudonym, sex and birth year that
    staging derived before it dropped the identity number. Built from the current HR
    employments, so every employee is here; other domains can add their persons later. -#}
with

employments as (
    select
        person_key,
        sex,
        birth_year
    from {{ ref('int_hr__employments_resolved') }}
    where is_current
),

final as (
    select
        cast(person_key as {{ dbt.type_string() }}) as person_key,
        -- sex and birth year are functions of the identity number, so one per person.
        cast(min(sex) as {{ dbt.type_string() }}) as sex,
        cast(min(birth_year) as integer) as birth_year
    from employments
    group by person_key
)

select * from final
