{#- Every quarantined landed row of every source system, in one relation
    (source-contract.md, "Bad input"). Read by analysts and the Datakvalitet page. -#}
-- The CTE lists are written by Jinja loops, whose indentation sqlfluff cannot follow.
-- noqa: disable=LT02
{%- set systems = ['master', 'hr', 'ekonomi', 'bygglov', 'forskola', 'omsorg', 'scb'] %}
with

{% for system in systems -%}
{{ system }}_rows as (
    select * from {{ ref('int_' ~ system ~ '__quarantined_rows') }}
),

{% endfor -%}
unioned as (
    {%- for system in systems %}
    select * from {{ system }}_rows
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

final as (
    select
        cast(quarantined_row_key as {{ dbt.type_string() }}) as quarantined_row_key,
        cast(source_system as {{ dbt.type_string() }}) as source_system,
        cast(entity as {{ dbt.type_string() }}) as entity,
        cast(source_file as {{ dbt.type_string() }}) as source_file,
        cast(reason as {{ dbt.type_string() }}) as reason,
        cast(reason_detail as {{ dbt.type_string() }}) as reason_detail,
        cast(delivery_stamp as {{ dbt.type_string() }}) as delivery_stamp,
        cast(line_number as integer) as line_number
    from unioned
)

select * from final
