{#- The HR mart an analyst reads: one row per month, organisation unit version and sex,
    with the förvaltning the unit belonged to (as it was) and the förvaltning of its
    latest version (restated on today's organisation). A unit that moves förvaltning
    mid-month has two rows that month, each with the hours of its own days; the stock
    measures sit on the row of the version valid on the month's last day. Hours and FTE
    add up over any grouping; person counts are distinct within the unit only (a person
    in two units counts in both), so exact KPI person counts over förvaltningar come from
    fct_employment_month_ends (as kpi_values_hr does). -#}
with

employment_months as (
    select
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        ordinary_hours,
        sick_hours,
        long_spell_sick_hours,
        forvaltning_code,
        current_forvaltning_code
    from {{ ref('fct_employment_months') }}
),

month_ends as (
    select
        person_key,
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        employment_rate_pct,
        fte,
        is_monthly_paid,
        is_tillsvidare,
        forvaltning_code,
        current_forvaltning_code
    from {{ ref('fct_employment_month_ends') }}
),

organisation_units as (
    select
        org_unit_version_id,
        unit_id,
        unit_name,
        is_latest_version
    from {{ ref('dim_organisation_units') }}
),

forvaltningar as (
    select
        forvaltning_code,
        forvaltning_name
    from {{ ref('dim_forvaltningar') }}
),

months as (
    select distinct
        year_month,
        year,
        month_start_date
    from {{ ref('dim_dates') }}
),

units_today as (
    select
        unit_id,
        min(unit_name) as unit_name
    from organisation_units
    where is_latest_version
    group by unit_id
),

hours as (
    select
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code,
        sum(ordinary_hours) as ordinary_hours,
        sum(sick_hours) as sick_hours,
        sum(long_spell_sick_hours) as long_spell_sick_hours
    from employment_months
    group by
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code
),

-- One row per person in the unit at the month-end, so the person counts are plain sums.
person_month_ends as (
    select
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code,
        person_key,
        max(case when is_monthly_paid then 1 else 0 end) as is_monthly_paid_person,
        sum(case when is_monthly_paid then fte else 0 end) as fte,
        max(case when is_tillsvidare then 1 else 0 end) as is_tillsvidare_person,
        sum(case when is_tillsvidare then employment_rate_pct else 0 end) as tillsvidare_rate_pct
    from month_ends
    group by
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code,
        person_key
),

stock as (
    select
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code,
        sum(is_monthly_paid_person) as headcount,
        sum(fte) as fte,
        sum(is_tillsvidare_person) as tillsvidare_persons,
        sum(
            case when is_tillsvidare_person = 1 and tillsvidare_rate_pct >= 100 then 1 else 0 end
        ) as fulltime_persons
    from person_month_ends
    group by
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code
    -- Units whose only staff are hourly-paid have no HR measure: no row.
    having sum(is_monthly_paid_person) > 0
),

measures as (
    select
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code,
        ordinary_hours,
        sick_hours,
        long_spell_sick_hours,
        0 as headcount,
        0 as fte,
        0 as tillsvidare_persons,
        0 as fulltime_persons
    from hours

    union all

    select
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code,
        0 as ordinary_hours,
        0 as sick_hours,
        0 as long_spell_sick_hours,
        headcount,
        fte,
        tillsvidare_persons,
        fulltime_persons
    from stock
),

combined as (
    select
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code,
        sum(ordinary_hours) as ordinary_hours,
        sum(sick_hours) as sick_hours,
        sum(long_spell_sick_hours) as long_spell_sick_hours,
        sum(headcount) as headcount,
        sum(fte) as fte,
        sum(tillsvidare_persons) as tillsvidare_persons,
        sum(fulltime_persons) as fulltime_persons
    from measures
    group by
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code
),

final as (
    select
        cast(
            combined.year_month || '|' || combined.unit_id || '|'
            || coalesce(combined.org_unit_version_id, 'UNMAPPED') || '|' || combined.sex
            as {{ dbt.type_string() }}
        ) as hr_unit_month_id,
        cast(combined.year_month as {{ dbt.type_string() }}) as year_month,
        cast(combined.unit_id as {{ dbt.type_string() }}) as unit_id,
        cast(combined.org_unit_version_id as {{ dbt.type_string() }}) as org_unit_version_id,
        cast(coalesce(org.unit_name, units_today.unit_name) as {{ dbt.type_string() }})
            as unit_name,
        cast(combined.forvaltning_code as {{ dbt.type_string() }}) as forvaltning_code,
        cast(forvaltning.forvaltning_name as {{ dbt.type_string() }}) as forvaltning_name,
        cast(combined.current_forvaltning_code as {{ dbt.type_string() }})
            as current_forvaltning_code,
        cast(current_forvaltning.forvaltning_name as {{ dbt.type_string() }})
            as current_forvaltning_name,
        cast(combined.sex as {{ dbt.type_string() }}) as sex,
        cast(months.year as integer) as year,
        cast(combined.headcount as integer) as headcount,
        cast(combined.tillsvidare_persons as integer) as tillsvidare_persons,
        cast(combined.fulltime_persons as integer) as fulltime_persons,
        cast(combined.fte as {{ type_double() }}) as fte,
        cast(combined.ordinary_hours as {{ type_double() }}) as ordinary_hours,
        cast(combined.sick_hours as {{ type_double() }}) as sick_hours,
        cast(combined.long_spell_sick_hours as {{ type_double() }}) as long_spell_sick_hours,
        cast(months.month_start_date as date) as month_start_date
    from combined
    inner join months
        on combined.year_month = months.year_month
    left join organisation_units as org
        on combined.org_unit_version_id = org.org_unit_version_id
    left join units_today
        on combined.unit_id = units_today.unit_id
    left join forvaltningar as forvaltning
        on combined.forvaltning_code = forvaltning.forvaltning_code
    left join forvaltningar as current_forvaltning
        on combined.current_forvaltning_code = current_forvaltning.forvaltning_code
)

select * from final
