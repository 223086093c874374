with

employments as (
    select
        person_key,
        sex,
        birth_year
    from "kommun"."intermediate"."int_hr__employments_resolved"
    where is_current
),

final as (
    select
        cast(person_key as TEXT) as person_key,
        -- sex and birth year are functions of the identity number, so one per person.
        cast(min(sex) as TEXT) as sex,
        cast(min(birth_year) as integer) as birth_year
    from employments
    group by person_key
)

select * from final