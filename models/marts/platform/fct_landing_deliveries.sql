{#- One row per file in the landing zone (stg_landing__files), so that an empty delivery or
    a file the contract does not know still shows: what landed and what became of it. The
    plugin counts each file's data lines on its own (rows_in_file); landed rows are counted
    in staging (one row per data line); accepted and superseded rows in the
    resolved intermediate models; quarantined rows in marts.quarantined_rows. The three are
    computed apart, so the reconciliation test (landed = accepted + quarantined +
    superseded) can catch a row lost or counted twice. -#}
-- The CTE lists are written by Jinja loops, whose indentation sqlfluff cannot follow.
-- noqa: disable=LT02
{%- set entities = [
    ['master', 'organisation', 'stg_master__organisation_units', 'int_master__organisation_units_resolved'],
    ['hr', 'anstallningar', 'stg_hr__employments', 'int_hr__employments_resolved'],
    ['hr', 'franvaro', 'stg_hr__absences', 'int_hr__absences_resolved'],
    ['ekonomi', 'huvudbok', 'stg_ekonomi__ledger_entries', 'int_ekonomi__ledger_entries_resolved'],
    ['ekonomi', 'budget', 'stg_ekonomi__budget_lines', 'int_ekonomi__budget_lines_resolved'],
    ['bygglov', 'arenden', 'stg_bygglov__cases', 'int_bygglov__cases_resolved'],
    ['forskola', 'ansokningar', 'stg_forskola__applications', 'int_forskola__applications_resolved'],
    ['omsorg', 'besok', 'stg_omsorg__visits', 'int_omsorg__visits_resolved'],
    ['scb', 'befolkning', 'stg_scb__population', 'int_scb__population_resolved'],
] %}
with

files as (
    select * from {{ ref('stg_landing__files') }}
),

quarantined as (
    select
        source_file,
        count(*) as rows_quarantined
    from {{ ref('quarantined_rows') }}
    group by source_file
),

{% for system, entity, staging, resolved in entities -%}
{{ entity }}_landed as (
    select
        source_file,
        '{{ system }}' as source_system,
        '{{ entity }}' as entity,
        max(delivery_stamp) as delivery_stamp,
        count(*) as rows_landed
    from {{ ref(staging) }}
    group by source_file
),

{{ entity }}_resolved as (
    select
        source_file,
        sum(case when is_current then 1 else 0 end) as rows_accepted,
        sum(case when is_current then 0 else 1 end) as rows_superseded
    from {{ ref(resolved) }}
    group by source_file
),

{% endfor -%}
landed as (
    {%- for system, entity, staging, resolved in entities %}
    select * from {{ entity }}_landed
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

resolved as (
    {%- for system, entity, staging, resolved in entities %}
    select * from {{ entity }}_resolved
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

final as (
    select
        cast(files.source_file as {{ dbt.type_string() }}) as source_file,
        cast(files.source_system as {{ dbt.type_string() }}) as source_system,
        cast(files.entity as {{ dbt.type_string() }}) as entity,
        cast(files.delivery_stamp as {{ dbt.type_string() }}) as delivery_stamp,
        cast(files.file_status as {{ dbt.type_string() }}) as file_status,
        cast(files.file_size_bytes as bigint) as file_size_bytes,
        cast(files.data_lines as bigint) as rows_in_file,
        cast(coalesce(landed.rows_landed, 0) as bigint) as rows_landed,
        cast(coalesce(resolved.rows_accepted, 0) as bigint) as rows_accepted,
        cast(coalesce(quarantined.rows_quarantined, 0) as bigint) as rows_quarantined,
        cast(coalesce(resolved.rows_superseded, 0) as bigint) as rows_superseded,
        files.is_recognised
    from files
    left join landed
        on files.source_file = landed.source_file
    left join resolved
        on files.source_file = resolved.source_file
    left join quarantined
        on files.source_file = quarantined.source_file
)

select * from final
