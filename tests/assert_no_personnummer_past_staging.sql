{#- Privacy rule (source-contract.md): no personnummer past staging. At run time, every
    string column of every table in every schema except `staging` and `landing` (and the
    catalogs) is scanned for a value containing a personnummer: 6 or 8 digits, an optional
    `-` or `+`, 4 digits (`[0-9]{6}([0-9]{2})?[-+]?[0-9]{4}`), not part of a longer run of
    digits, that is also a valid personnummer by the platform's own rule (a real date of
    birth, samordningsnummer day + 60 included, and a Luhn check digit; the macros
    personnummer_to_12 and personnummer_is_valid). The pattern alone is not enough: source
    systems' ids such as voucher `202304000708` or visit `B2021010000038` are long digit
    runs, and would fail every build. Only the first candidate in a value is checked.
    A keyed pseudonym (a SHA-256 hex digest, exactly 64 hex characters) is not scanned.
    A digit-only id of exactly 10 or 12 digits can still be a valid personnummer by chance
    (the ledger's voucher numbers (period + sequence) are: `202112900001` reads as a
    samordningsnummer). Such a column is declared in its model's YAML with
    `meta: {identity_number_scan: skip}` and a description saying why; it is not scanned.

    The test returns one row per offending column with the number of matching values, not
    the values themselves, so that a failure does not copy personnummer into logs or into
    a --store-failures table. Zero rows (also when no string column exists) = pass.

    The refs below only order the test after the models it scans (every intermediate
    model feeds these marts); add new marts here when they are created. -#}
-- depends_on: {{ ref('quarantined_rows') }}
-- depends_on: {{ ref('fct_landing_deliveries') }}
-- depends_on: {{ ref('kpi_values_finance') }}
-- depends_on: {{ ref('fct_forecast_errors') }}
-- depends_on: {{ ref('dim_accounts') }}
-- depends_on: {{ ref('dim_organisation_units') }}
-- depends_on: {{ ref('dim_districts') }}
-- depends_on: {{ ref('fct_population') }}
-- depends_on: {{ ref('int_reporting_periods') }}
-- depends_on: {{ ref('fct_building_permit_cases') }}
-- depends_on: {{ ref('fct_preschool_applications') }}
-- depends_on: {{ ref('fct_homecare_visits') }}
-- depends_on: {{ ref('fct_homecare_visit_days') }}
-- depends_on: {{ ref('fct_homecare_recipient_months') }}
-- depends_on: {{ ref('fct_homecare_months') }}
-- depends_on: {{ ref('fct_homecare_continuity') }}
-- depends_on: {{ ref('fct_homecare_demand_capacity') }}
-- depends_on: {{ ref('fct_homecare_hours_projections') }}
-- depends_on: {{ ref('kpi_values_services') }}
-- depends_on: {{ ref('dim_persons') }}
-- depends_on: {{ ref('fct_employments') }}
-- depends_on: {{ ref('fct_sick_spells') }}
-- depends_on: {{ ref('fct_employment_months') }}
-- depends_on: {{ ref('fct_employment_month_ends') }}
-- depends_on: {{ ref('fct_tillsvidare_exits') }}
-- depends_on: {{ ref('fct_hr_unit_months') }}
-- depends_on: {{ ref('fct_hr_sick_leave_groups') }}
-- depends_on: {{ ref('kpi_values_hr') }}
-- depends_on: {{ ref('kpi_values') }}

{#- Group 2 is the candidate; groups 1 and 4 keep it from being part of a longer number. -#}
{%- set personnummer_pattern = '(^|[^0-9])([0-9]{6}([0-9]{2})?[-+]?[0-9]{4})([^0-9]|$)' %}
{%- set pseudonym_pattern = '[0-9a-f]{64}' %}
{%- set excluded_schemas = ['staging', 'landing', 'information_schema', 'pg_catalog'] %}

{%- set scanned_columns = [] %}
{%- set skipped_columns = [] %}
{%- if execute %}
    {%- for node in graph.nodes.values() if node.resource_type in ('model', 'seed', 'snapshot') %}
        {%- for column in node.columns.values() if column.meta.get('identity_number_scan') == 'skip' %}
            {%- do skipped_columns.append(
                (node.schema ~ '.' ~ (node.alias or node.name) ~ '.' ~ column.name) | lower
            ) %}
        {%- endfor %}
    {%- endfor %}
    {%- for row in string_columns(excluded_schemas) %}
        {%- if (row[0] ~ '.' ~ row[1] ~ '.' ~ row[2]) | lower not in skipped_columns %}
            {%- do scanned_columns.append(row) %}
        {%- endif %}
    {%- endfor %}
    {%- set grouped_columns = identity_scan_grouped_columns(scanned_columns) %}
{%- endif %}

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
