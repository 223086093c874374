{#- Every text column of every table and view outside the given schemas, as a list of
    (schema, table, column); used by the personnummer scan test. Spark has no
    information_schema in its session catalog: there the adapter lists each schema's
    relations and their columns. -#}
{% macro string_columns(excluded_schemas) -%}
    {{ return(adapter.dispatch('string_columns', 'kommun')(excluded_schemas)) }}
{%- endmacro %}

{% macro default__string_columns(excluded_schemas) -%}
    {%- set columns_query %}
        select table_schema, table_name, column_name
        from information_schema.columns
        where lower(table_schema) not in ('{{ excluded_schemas | join("', '") }}')
            and lower(table_schema) not like 'pg_%'
            and table_catalog = '{{ target.database }}'
            and (
                lower(data_type) in ('varchar', 'text', 'character varying', 'character', 'string')
                or lower(data_type) like 'varchar(%'
                or lower(data_type) like 'character varying(%'
            )
        order by 1, 2, 3
    {%- endset %}
    {%- set found = [] -%}
    {%- for row in run_query(columns_query).rows -%}
        {%- do found.append((row[0], row[1], row[2])) -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}

{% macro spark__string_columns(excluded_schemas) -%}
    {%- set found = [] -%}
    {%- for schema_row in run_query('show schemas') | sort(attribute=0) -%}
        {%- set schema = schema_row[0] -%}
        {%- if schema | lower not in excluded_schemas -%}
            {%- for table_row in run_query('show tables in ' ~ schema) | sort(attribute=1) -%}
                {%- set relation = api.Relation.create(schema=schema, identifier=table_row[1]) -%}
                {%- for column in adapter.get_columns_in_relation(relation) -%}
                    {%- if column.data_type | lower in ('string', 'varchar', 'char')
                        or (column.data_type | lower).startswith('varchar(') -%}
                        {%- do found.append((schema, table_row[1], column.name)) -%}
                    {%- endif -%}
                {%- endfor -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(found) }}
{%- endmacro %}
