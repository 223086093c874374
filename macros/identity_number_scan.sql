{#- The personnummer scan (the rule: tests/assert_no_personnummer_past_staging.sql), shared by
    that test, which reads every relation past staging at the end of the build, and the
    generic test no_identity_numbers, which reads one large model as soon as it is built (the
    11 M resolved visits: their scan then runs beside the marts built from them, not after). -#}

{#- The string columns the scan reads, as (schema, relation, column): those of `relation`
    only, or (none given) those of every relation outside staging and landing except the
    models that carry their own no_identity_numbers test. Columns declared
    `meta: {identity_number_scan: skip}` are left out. -#}
{% macro identity_scan_columns(relation=none) -%}
    {%- set excluded_schemas = ['staging', 'landing', 'information_schema', 'pg_catalog'] %}
    {%- set skipped_columns = [] %}
    {%- set own_test_relations = [] %}
    {%- for node in graph.nodes.values() if node.resource_type in ('model', 'seed', 'snapshot') %}
        {%- for column in node.columns.values() if column.meta.get('identity_number_scan') == 'skip' %}
            {%- do skipped_columns.append(
                (node.schema ~ '.' ~ (node.alias or node.name) ~ '.' ~ column.name) | lower
            ) %}
        {%- endfor %}
    {%- endfor %}
    {%- for node in graph.nodes.values() if node.resource_type == 'test'
        and node.test_metadata and node.test_metadata.name == 'no_identity_numbers' %}
        {%- set model = graph.nodes.get(node.attached_node) %}
        {%- if model %}
            {%- do own_test_relations.append((model.schema ~ '.' ~ (model.alias or model.name)) | lower) %}
        {%- endif %}
    {%- endfor %}
    {%- set scanned = [] %}
    {%- for row in string_columns(excluded_schemas) %}
        {%- set table = (row[0] ~ '.' ~ row[1]) | lower %}
        {%- if relation is not none %}
            {%- set wanted = table == (relation.schema ~ '.' ~ relation.identifier) | lower %}
        {%- else %}
            {%- set wanted = table not in own_test_relations %}
        {%- endif %}
        {%- if wanted and (table ~ '.' ~ row[2]) | lower not in skipped_columns %}
            {%- do scanned.append(row) %}
        {%- endif %}
    {%- endfor %}
    {{ return(scanned) }}
{%- endmacro %}

{#- The scan's query over (schema, relation, column) string columns: one row per column
    holding a personnummer, with the number of rows that do; no rows = pass. -#}
{% macro identity_number_scan(scanned_columns) -%}
{#- Group 2 is the candidate; groups 1 and 4 keep it from being part of a longer number. -#}
    {%- set personnummer_pattern = '(^|[^0-9])([0-9]{6}([0-9]{2})?[-+]?[0-9]{4})([^0-9]|$)' %}
    {%- set pseudonym_pattern = '[0-9a-f]{64}' %}
    {%- set grouped_columns = identity_scan_grouped_columns(scanned_columns) if execute else [] %}
{%- if scanned_columns | length == 0 %}

select
    cast(null as {{ dbt.type_string() }}) as table_schema,
    cast(null as {{ dbt.type_string() }}) as table_name,
    cast(null as {{ dbt.type_string() }}) as column_name,
    cast(0 as bigint) as values_like_personnummer
where 1 = 0

{%- else %}

{#- Two steps, so that the test costs what it proves: each string column is read once by a
    cheap filter that keeps only the values holding a candidate (a pseudonym is recognised
    first and not searched), and the expensive rule (century, date of birth, Luhn) is
    written once, over the few candidates of all columns together. Written per column, the
    rule was inlined 300 times: 1.5 MB of SQL that DuckDB took longer to plan than to run.
    On DuckDB, a column of a large table whose values repeat is read as (value, rows)
    groups, the regexes run once per value (macro identity_scan_grouped_columns): at scale
    1 the 11 M visits' pseudonym and file-name columns cost 4.6 CPU-s row by row. #}

with

candidates as (
    {%- for table_schema, table_name, column_name in scanned_columns %}
    {%- set column = adapter.quote(column_name) %}
    {%- set grouped = (table_schema, table_name, column_name) in grouped_columns %}
    select
        '{{ table_schema }}' as table_schema,
        '{{ table_name }}' as table_name,
        '{{ column_name }}' as column_name,
        {{ regex_extract(column, personnummer_pattern, 2) }} as candidate,
        {{ 'rows_with_value' if grouped else '1' }} as rows_with_value
    {%- if grouped %}
    from (
        select {{ column }}, count(*) as rows_with_value
        from {{ adapter.quote(table_schema) }}.{{ adapter.quote(table_name) }}
        where length({{ column }}) >= 10
        group by {{ column }}
    ) as grouped_values
    {%- else %}
    from {{ adapter.quote(table_schema) }}.{{ adapter.quote(table_name) }}
    {%- endif %}
    -- A candidate is 10 characters or more: the length alone rules out most values, and
    -- costs a fraction of a regex (at scale 1 the scan took 9.8 s without it, 6.4 s with).
    where
        length({{ column }}) >= 10
        and case
            when {{ regex_full_match(column, pseudonym_pattern) }} then false
            else {{ regex_contains(column, personnummer_pattern) }}
        end
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
),

normalised as (
    select
        table_schema,
        table_name,
        column_name,
        rows_with_value,
        {{ personnummer_to_12(
            "case when length(candidate) = 10 then substr(candidate, 1, 6) || '-' || "
            ~ "substr(candidate, 7, 4) else candidate end",
            'current_date',
        ) }} as personnummer_12
    from candidates
),

-- The rule inside the aggregate, not in a where clause: Spark pushes a filter down through
-- the union into each of its ~300 branches, which made this test take 347 s there.
found as (
    select
        table_schema,
        table_name,
        column_name,
        sum(case when {{ personnummer_is_valid('personnummer_12') }} then rows_with_value else 0 end)
            as values_like_personnummer
    from normalised
    group by table_schema, table_name, column_name
)

select * from found
where values_like_personnummer > 0

{%- endif %}

{%- endmacro %}
