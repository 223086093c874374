{#- The landing tables are raw copies of the delivery files, personnummer included; the
    privacy rule allows them no further than staging, so they do not outlive the run. On
    PostgreSQL and Spark they were loaded before the run (load_postgres, load_spark) and are
    dropped here all the same: the next `make build` loads them again. -#}
{% macro drop_landing_schema() -%}
    {{ return(adapter.dispatch('drop_landing_schema', 'kommun')()) }}
{%- endmacro %}

{% macro default__drop_landing_schema() -%}
    {%- if execute -%}
        drop schema if exists landing cascade
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}

{#- Spark's landing tables are external (the loader's parquet files): dropping them leaves
    the files. So each is first overwritten with no rows, which deletes its data files
    (TRUNCATE is refused on an external table, and an overwrite may not read its own
    target, hence the typed empty select). -#}
{% macro spark__drop_landing_schema() -%}
    {%- if execute -%}
        {%- set schemas = run_query("show schemas like 'landing'") -%}
        {%- if schemas | length > 0 -%}
            {%- for row in run_query('show tables in landing') -%}
                {%- set relation = api.Relation.create(schema='landing', identifier=row[1]) -%}
                {%- set columns = [] -%}
                {%- for column in adapter.get_columns_in_relation(relation) -%}
                    {%- do columns.append('cast(null as ' ~ column.data_type ~ ') as `' ~ column.name ~ '`') -%}
                {%- endfor -%}
                {%- do run_query('insert overwrite table landing.' ~ row[1] ~ ' select '
                    ~ columns | join(', ') ~ ' where 1 = 0') -%}
            {%- endfor -%}
        {%- endif -%}
        drop schema if exists landing cascade
    {%- else -%}
        select 1
    {%- endif -%}
{%- endmacro %}
