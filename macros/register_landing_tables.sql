{#- On Spark the landing zone is parquet written by the loader (python -m
    landing_reader.load_spark) into $SPARK_DIR/landing/<table>/: register each folder as
    the external table landing.<table> that a source points at. DuckDB's plugin and
    PostgreSQL's loader make the landing tables themselves: nothing to do there. -#}
{% macro register_landing_tables() -%}
    {{ return(adapter.dispatch('register_landing_tables', 'kommun')()) }}
{%- endmacro %}

{% macro default__register_landing_tables() -%}
{%- endmacro %}

{% macro spark__register_landing_tables() -%}
    {%- if execute -%}
        {%- set root = env_var('SPARK_LANDING_DIR', env_var('SPARK_DIR', 'warehouse/spark') ~ '/landing') -%}
        {%- set identifiers = [] -%}
        {%- for source in graph.sources.values() if source.schema == 'landing' -%}
            {%- if source.identifier not in identifiers -%}
                {%- do identifiers.append(source.identifier) -%}
            {%- endif -%}
        {%- endfor -%}
        {%- do run_query('create schema if not exists landing') -%}
        {%- for identifier in identifiers | sort -%}
            {#- Re-registered every run: a stale entry from a failed run may point at an
                older schema. -#}
            {%- do run_query('drop table if exists landing.' ~ identifier) -%}
            {%- do run_query('create table landing.' ~ identifier ~ " using parquet location '"
                ~ root ~ '/' ~ identifier ~ "'") -%}
        {%- endfor -%}
    {%- endif -%}
{%- endmacro %}
