{#- The stock on each month's last day: one row per employment active that day
    (fran_datum <= d and till_datum empty or >= d), of every form, with the förvaltning of
    its unit on that day. Headcount and FTE (monthly-paid), the full-time share and the
    turnover's average headcount (Tillsvidare) count from here. Covers every month-end of
    every year the reporting range touches; a year's stock is its December row. -#}
with

employments as (
    select
        employment_id,
        person_key,
        sex,
        birth_year,
        unit_id,
        employment_type,
        employment_rate_pct,
        start_date,
        end_date
    from {{ ref('int_hr__employments_resolved') }}
    where is_current
),

organisation_units as (
    select
        org_unit_version_id,
        unit_id,
        forvaltning_code,
        current_forvaltning_code,
        is_latest_version,
        valid_from,
        effective_valid_to
    from {{ ref('dim_organisation_units') }}
),

units_today as (
    select
        unit_id,
        min(current_forvaltning_code) as current_forvaltning_code
    from organisation_units
    where is_latest_version
    group by unit_id
),

reporting_years as (
    select
        min(period_start_date) as horizon_start_date,
        max(period_end_date) as horizon_end_date
    from {{ ref('int_reporting_periods') }}
    where period_type = 'year'
),

month_ends as (
    select
        dates.date_day as month_end_date,
        dates.year,
        dates.year_month
    from {{ ref('dim_dates') }} as dates
    inner join reporting_years
        on
            dates.date_day between reporting_years.horizon_start_date
            and reporting_years.horizon_end_date
    where dates.is_month_end
),

active as (
    select
        employments.employment_id,
        employments.person_key,
        employments.sex,
        employments.birth_year,
        employments.unit_id,
        employments.employment_type,
        employments.employment_rate_pct,
        case
            when employments.employment_type = 'Tillsvidare' then employments.employment_rate_pct
        end as tillsvidare_rate_pct,
        month_ends.month_end_date,
        month_ends.year,
        month_ends.year_month
    from employments
    inner join month_ends
        on
            employments.start_date <= month_ends.month_end_date
            and (
                employments.end_date is null
                or employments.end_date >= month_ends.month_end_date
            )
),

final as (
    select
        cast(active.employment_id || '|' || active.year_month as {{ dbt.type_string() }})
            as employment_month_end_id,
        cast(active.employment_id as {{ dbt.type_string() }}) as employment_id,
        cast(active.person_key as {{ dbt.type_string() }}) as person_key,
        cast(active.unit_id as {{ dbt.type_string() }}) as unit_id,
        cast(org.org_unit_version_id as {{ dbt.type_string() }}) as org_unit_version_id,
        cast(active.year_month as {{ dbt.type_string() }}) as year_month,
        cast(coalesce(org.forvaltning_code, 'UNMAPPED') as {{ dbt.type_string() }})
            as forvaltning_code,
        cast(
            coalesce(org.current_forvaltning_code, units_today.current_forvaltning_code, 'UNMAPPED')
            as {{ dbt.type_string() }}
        ) as current_forvaltning_code,
        cast(active.sex as {{ dbt.type_string() }}) as sex,
        cast(active.employment_type as {{ dbt.type_string() }}) as employment_type,
        cast(active.year as integer) as year,
        cast(active.birth_year as integer) as birth_year,
        cast(active.employment_rate_pct as decimal(9, 4)) as employment_rate_pct,
        cast(active.employment_rate_pct / 100 as {{ type_double() }}) as fte,
        -- The full-time share asks whether a person's summed Tillsvidare rate reaches 100,
        -- overall (ALL) and within each förvaltning: carried per row so that a person
        -- count can filter on it (the MetricFlow metrics hr_fulltime_share_pct*).
        cast(
            case
                when active.employment_type = 'Tillsvidare'
                    then sum(active.tillsvidare_rate_pct) over (
                        partition by active.person_key, active.month_end_date
                    )
            end as decimal(9, 4)
        ) as person_tillsvidare_rate_pct,
        cast(
            case
                when active.employment_type = 'Tillsvidare'
                    then sum(active.tillsvidare_rate_pct) over (
                        partition by
                            active.person_key,
                            active.month_end_date,
                            coalesce(org.forvaltning_code, 'UNMAPPED')
                    )
            end as decimal(9, 4)
        ) as person_tillsvidare_rate_in_forvaltning_pct,
        -- Person counts (the MetricFlow metrics hr_headcount, tillsvidare_persons...) are
        -- distinct over the month-end. Almost every person holds one employment on a
        -- month-end: such a row can only ever be counted once in any grouping, so the
        -- metrics sum it, and count distinct only the few persons with several rows.
        -- Count distinct over every row cost ~10x a sum at scale 1.
        count(*) over (partition by active.person_key, active.month_end_date) = 1
            as is_persons_only_row,
        cast(
            case
                when count(*) over (partition by active.person_key, active.month_end_date) > 1
                    then active.person_key
            end as {{ dbt.type_string() }}
        ) as shared_person_key,
        active.employment_type in ('Tillsvidare', 'Visstid') as is_monthly_paid,
        active.employment_type = 'Tillsvidare' as is_tillsvidare,
        cast(active.month_end_date as date) as month_end_date
    from active
    left join organisation_units as org
        on {{ org_unit_on_date('org', 'unit_id', 'active.unit_id', 'active.month_end_date') }}
    left join units_today
        on active.unit_id = units_today.unit_id
)

select * from final
