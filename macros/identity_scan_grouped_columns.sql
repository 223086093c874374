{#- The columns the personnummer scan reads as (value, rows) groups instead of row by row:
    those of large tables whose values repeat (a pseudonym or a file name on each of 11 M
    visits is one of some thousand values). The regexes then run once per distinct value,
    and the rows per value keep the scan's counts. Both ways give the same result, so this
    is only a plan: DuckDB's own statistics (row count, approximate distinct values) pick the
    columns, without reading the data. Other engines scan every column row by row. -#}
{% macro identity_scan_grouped_columns(columns) -%}
    {{ return(adapter.dispatch('identity_scan_grouped_columns', 'kommun')(columns)) }}
{%- endmacro %}

{% macro default__identity_scan_grouped_columns(columns) -%}
    {{ return([]) }}
{%- endmacro %}

{% macro duckdb__identity_scan_grouped_columns(columns) -%}
    {#- Below a million rows the row-by-row scan costs little either way. -#}
    {%- set min_rows = 1000000 -%}
    {%- set large_tables = {} -%}
    {%- set tables_query -%}
        select schema_name, table_name, estimated_size
        from duckdb_tables()
        where database_name = '{{ target.database }}' and estimated_size >= {{ min_rows }}
    {%- endset -%}
    {%- for row in run_query(tables_query).rows -%}
        {%- do large_tables.update({(row[0] ~ '.' ~ row[1]) | lower: row[2]}) -%}
    {%- endfor -%}
    {%- set grouped = [] -%}
    {%- for table, rows in large_tables.items() -%}
        {%- set table_columns = [] -%}
        {%- for table_schema, table_name, column_name in columns
            if (table_schema ~ '.' ~ table_name) | lower == table -%}
            {%- do table_columns.append((table_schema, table_name, column_name)) -%}
        {%- endfor -%}
        {%- if table_columns -%}
            {%- set stats_query -%}
                select
                {%- for table_schema, table_name, column_name in table_columns %}
                    cast(stats({{ adapter.quote(column_name) }}).approx_unique as bigint)
                        as {{ adapter.quote('c' ~ loop.index) }}{{ ',' if not loop.last }}
                {%- endfor %}
                from {{ adapter.quote(table_columns[0][0]) }}.{{ adapter.quote(table_columns[0][1]) }}
                limit 1
            {%- endset -%}
            {%- set found = run_query(stats_query).rows -%}
            {%- for column in table_columns if found -%}
                {%- set distinct_values = found[0][loop.index0] -%}
                {#- Grouping pays when a value repeats ten times or more on average. -#}
                {%- if distinct_values is not none and distinct_values * 10 <= rows -%}
                    {%- do grouped.append(column) -%}
                {%- endif -%}
            {%- endfor -%}
        {%- endif -%}
    {%- endfor -%}
    {{ return(grouped) }}
{%- endmacro %}
