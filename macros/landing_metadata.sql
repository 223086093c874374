{#- The columns every landing table carries (src/landing_reader), renamed for staging. -#}
{% macro landing_metadata() -%}
    _source_file || ':' || cast(_line_number as {{ dbt.type_string() }}) as landed_row_key,
    _source_file as source_file,
    cast(_line_number as integer) as line_number,
    _delivery_stamp as delivery_stamp,
    cast(_delivered_on as date) as delivered_on,
    _row_error as row_error,
    _row_error_detail as row_error_detail
{%- endmacro %}
