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
    from "kommun"."marts"."fct_employment_months"
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
    from "kommun"."marts"."fct_employment_month_ends"
),

organisation_units as (
    select
        org_unit_version_id,
        unit_id,
        unit_name,
        is_latest_version
    from "kommun"."marts"."dim_organisation_units"
),

forvaltningar as (
    select
        forvaltning_code,
        forvaltning_name
    from "kommun"."marts"."dim_forvaltningar"
),

months as (
    select distinct
        year_month,
        year,
        month_start_date
    from "kommun"."marts"."dim_dates"
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

tillsvidare_persons as (
    select
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code,
        person_key,
        sum(employment_rate_pct) as summed_rate_pct
    from month_ends
    where is_tillsvidare
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
        count(distinct person_key) as headcount,
        sum(fte) as fte
    from month_ends
    where is_monthly_paid
    group by
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code
),

fulltime as (
    select
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code,
        count(*) as tillsvidare_persons,
        sum(case when summed_rate_pct >= 100 then 1 else 0 end) as fulltime_persons
    from tillsvidare_persons
    group by
        year_month,
        unit_id,
        org_unit_version_id,
        sex,
        forvaltning_code,
        current_forvaltning_code
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
        0 as tillsvidare_persons,
        0 as fulltime_persons
    from stock

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
        0 as headcount,
        0 as fte,
        tillsvidare_persons,
        fulltime_persons
    from fulltime
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
            as TEXT
        ) as hr_unit_month_id,
        cast(combined.year_month as TEXT) as year_month,
        cast(combined.unit_id as TEXT) as unit_id,
        cast(combined.org_unit_version_id as TEXT) as org_unit_version_id,
        cast(coalesce(org.unit_name, units_today.unit_name) as TEXT)
            as unit_name,
        cast(combined.forvaltning_code as TEXT) as forvaltning_code,
        cast(forvaltning.forvaltning_name as TEXT) as forvaltning_name,
        cast(combined.current_forvaltning_code as TEXT)
            as current_forvaltning_code,
        cast(current_forvaltning.forvaltning_name as TEXT)
            as current_forvaltning_name,
        cast(combined.sex as TEXT) as sex,
        cast(months.year as integer) as year,
        cast(combined.headcount as integer) as headcount,
        cast(combined.tillsvidare_persons as integer) as tillsvidare_persons,
        cast(combined.fulltime_persons as integer) as fulltime_persons,
        cast(combined.fte as double) as fte,
        cast(combined.ordinary_hours as double) as ordinary_hours,
        cast(combined.sick_hours as double) as sick_hours,
        cast(combined.long_spell_sick_hours as double) as long_spell_sick_hours,
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