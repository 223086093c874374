{#- Every row a domain delivers in its kpi_values part must reach marts.kpi_values: the
    union drops rows outside the catalogue's breakdowns and the reporting range, and a
    dropped row means a domain computes something kpi-definitions.md does not ask for. -#}
with

domain_values as (
    select kpi_id, period, org_code, gender from {{ ref('kpi_values_hr') }}
    union all
    select kpi_id, period, org_code, gender from {{ ref('kpi_values_finance') }}
    union all
    select kpi_id, period, org_code, gender from {{ ref('kpi_values_services') }}
),

published as (
    select kpi_id, period, org_code, gender from {{ ref('kpi_values') }}
)

select domain_values.*
from domain_values
left join published
    on
        domain_values.kpi_id = published.kpi_id
        and domain_values.period = published.period
        and domain_values.org_code = published.org_code
        and domain_values.gender = published.gender
where published.kpi_id is null
