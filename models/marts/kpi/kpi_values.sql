{#- marts.kpi_values: every KPI of kpi-definitions.md in one table (KPI, period, org,
    gender), the union of the domains' parts. The union keeps a row only where the KPI
    catalogue says the KPI is reported (its periods, org breakdown and genders) and, for
    every KPI but the population ones, only inside the reporting range: a domain part that
    strays is caught here and by the test assert_kpi_value_parts_conform (which fails on
    any row this model drops), rather than reaching an export. -#}
with

hr_values as (
    select
        kpi_id,
        period,
        org_code,
        gender,
        value,
        numerator,
        denominator
    from {{ ref('kpi_values_hr') }}
),

finance_values as (
    select
        kpi_id,
        period,
        org_code,
        gender,
        value,
        numerator,
        denominator
    from {{ ref('kpi_values_finance') }}
),

services_values as (
    select
        kpi_id,
        period,
        org_code,
        gender,
        value,
        numerator,
        denominator
    from {{ ref('kpi_values_services') }}
),

catalogue as (
    select
        kpi_id,
        periods,
        org_breakdown,
        genders,
        period_scope
    from {{ ref('kpi_catalogue') }}
),

reporting_periods as (
    select period
    from {{ ref('int_reporting_periods') }}
),

domain_values as (
    select * from hr_values
    union all
    select * from finance_values
    union all
    select * from services_values
),

classified as (
    select
        domain_values.kpi_id,
        domain_values.period,
        domain_values.org_code,
        domain_values.gender,
        domain_values.value,
        domain_values.numerator,
        domain_values.denominator,
        catalogue.periods,
        catalogue.org_breakdown,
        catalogue.genders,
        catalogue.period_scope,
        case
            when length(domain_values.period) = 4 then 'year'
            when length(domain_values.period) = 7 then 'month'
        end as period_type,
        reporting_periods.period is not null as is_in_reporting_range
    from domain_values
    inner join catalogue
        on domain_values.kpi_id = catalogue.kpi_id
    left join reporting_periods
        on domain_values.period = reporting_periods.period
),

conforming as (
    select
        kpi_id,
        period,
        org_code,
        gender,
        value,
        numerator,
        denominator
    from classified
    where
        -- The catalogue lists allowed values comma-separated: match whole items only.
        {{ dbt.position("',' || period_type || ','", "',' || periods || ','") }} > 0
        and {{ dbt.position("',' || gender || ','", "',' || genders || ','") }} > 0
        and (org_code = 'ALL' or org_breakdown = 'forvaltning+ALL')
        and (is_in_reporting_range or period_scope = 'population_years')
),

final as (
    select
        cast(kpi_id as {{ dbt.type_string() }}) as kpi_id,
        cast(period as {{ dbt.type_string() }}) as period,
        cast(org_code as {{ dbt.type_string() }}) as org_code,
        cast(gender as {{ dbt.type_string() }}) as gender,
        cast(value as {{ type_double() }}) as value,
        cast(numerator as {{ type_double() }}) as numerator,
        cast(denominator as {{ type_double() }}) as denominator
    from conforming
)

select * from final
