{#- Every KPI in the catalogue has rows in marts.kpi_values, for every gender and period
    type the catalogue reports it by, and for both ALL and at least one förvaltning where
    it has a förvaltning breakdown: a KPI that silently vanished fails here. -#}
with

catalogue as (
    select
        kpi_id,
        periods,
        org_breakdown,
        genders
    from {{ ref('kpi_catalogue') }}
),

kpi_values as (
    select
        kpi_id,
        period,
        org_code,
        gender
    from {{ ref('kpi_values') }}
),

expected as (
    select
        catalogue.kpi_id,
        period_types.period_type,
        genders.gender,
        org_levels.org_level
    from catalogue
    cross join (select 'month' as period_type union all select 'year') as period_types
    cross join (select 'T' as gender union all select 'K' union all select 'M') as genders
    cross join (select 'ALL' as org_level union all select 'forvaltning') as org_levels
    where
        {{ dbt.position("',' || period_types.period_type || ','", "',' || catalogue.periods || ','") }} > 0
        and {{ dbt.position("',' || genders.gender || ','", "',' || catalogue.genders || ','") }} > 0
        and (org_levels.org_level = 'ALL' or catalogue.org_breakdown = 'forvaltning+ALL')
),

present as (
    select distinct
        kpi_id,
        case when length(period) = 4 then 'year' else 'month' end as period_type,
        gender,
        case when org_code = 'ALL' then 'ALL' else 'forvaltning' end as org_level
    from kpi_values
)

select expected.*
from expected
left join present
    on
        expected.kpi_id = present.kpi_id
        and expected.period_type = present.period_type
        and expected.gender = present.gender
        and expected.org_level = present.org_level
where present.kpi_id is null
