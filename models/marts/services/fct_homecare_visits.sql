{#- One row per home-care visit (hemtjänstbesök) as it stands in its latest delivery: the
    platform's largest relation (about 11 M rows at scale 1), kept narrow, and a view (see
    its YAML: the rows are stored once already, in the resolved intermediate model). The
    source gives no planned end and no district (source-contract.md, omsorg/besok):
    neither a planned duration nor a district can be had per visit; see the services docs. -#}
with

visits as (
    select
        visit_id,
        recipient_person_key,
        staff_id,
        service_type,
        is_performed,
        planned_start_at,
        performed_start_at,
        performed_end_at
    from {{ ref('int_omsorg__visits_resolved') }}
    where is_current
),

measured as (
    select
        *,
        -- A performed visit belongs to the day it started (also when it ends after
        -- midnight); one that was not performed to the day it was planned for.
        cast(coalesce(performed_start_at, planned_start_at) as date) as service_date,
        -- Divided as doubles: Spark divides by a decimal literal in decimal(38, 6), which
        -- rounds every visit's hours to six places (DuckDB and PostgreSQL do not).
        cast(
            {{ dbt.datediff('performed_start_at', 'performed_end_at', 'minute') }}
            as {{ type_double() }}
        ) / 60 as performed_hours
    from visits
),

final as (
    select
        cast(visit_id as {{ dbt.type_string() }}) as visit_id,
        cast(recipient_person_key as {{ dbt.type_string() }}) as recipient_person_key,
        cast(staff_id as {{ dbt.type_string() }}) as staff_id,
        cast(service_type as {{ dbt.type_string() }}) as service_type,
        cast(performed_hours as {{ type_double() }}) as performed_hours,
        cast(is_performed as boolean) as is_performed,
        -- Kolada U21401 counts the staff a recipient meets during 1-14 October.
        cast(
            coalesce(
                is_performed
                and extract(month from service_date) = 10
                and extract(day from service_date) <= 14,
                false
            ) as boolean
        ) as is_in_continuity_window,
        cast(service_date as date) as service_date,
        cast(planned_start_at as timestamp) as planned_start_at,
        cast(performed_start_at as timestamp) as performed_start_at,
        cast(performed_end_at as timestamp) as performed_end_at
    from measured
)

select * from final
