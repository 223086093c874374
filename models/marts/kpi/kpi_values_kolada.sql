{#- marts.kpi_values in the layout municipalities compare themselves in (Kolada: KPI,
    municipality, period, gender, value, plus numerator and denominator), every row of it:
    `org_code` ALL is the municipality figure that Kolada compares, a förvaltning code a
    figure below it (Kolada's organisational-unit level). Our KPI id stays beside Kolada's
    nearest id, which is empty where Kolada has none. The municipality code is the dbt
    variable `municipality_code`. -#}
with

kpi_values as (
    select
        kpi_id,
        period,
        org_code,
        gender,
        value,
        numerator,
        denominator
    from {{ ref('kpi_values') }}
),

catalogue as (
    select
        kpi_id,
        kolada_id
    from {{ ref('kpi_catalogue') }}
),

final as (
    select
        cast(kpi_values.kpi_id as {{ dbt.type_string() }}) as kpi,
        cast(catalogue.kolada_id as {{ dbt.type_string() }}) as kolada_kpi,
        cast('{{ var("municipality_code") }}' as {{ dbt.type_string() }}) as municipality,
        cast(kpi_values.org_code as {{ dbt.type_string() }}) as org_code,
        cast(kpi_values.period as {{ dbt.type_string() }}) as period,
        cast(kpi_values.gender as {{ dbt.type_string() }}) as gender,
        cast(kpi_values.value as {{ type_double() }}) as value,
        cast(kpi_values.numerator as {{ type_double() }}) as numerator,
        cast(kpi_values.denominator as {{ type_double() }}) as denominator
    from kpi_values
    inner join catalogue
        on kpi_values.kpi_id = catalogue.kpi_id
)

select * from final
