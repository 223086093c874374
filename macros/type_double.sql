{#- The 8-byte floating-point type that kpi-definitions.md asks for ("double").
    `dbt.type_float()` is `float` on DuckDB, which is a 4-byte REAL there: seven
    significant digits, too few for the export's 1e-6 relative precision on hour sums. -#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double')()) }}
{%- endmacro %}

{% macro default__type_double() -%}
    double precision
{%- endmacro %}

{% macro duckdb__type_double() -%}
    double
{%- endmacro %}

{% macro spark__type_double() -%}
    double
{%- endmacro %}
