{#- The quarantined rows of one staging model, in the shape of marts.quarantined_rows. -#}
{% macro quarantined_rows_of(staging_model, source_system, entity) -%}
    select
        landed_row_key as quarantined_row_key,
        '{{ source_system }}' as source_system,
        '{{ entity }}' as entity,
        source_file,
        quarantine_reason as reason,
        quarantine_detail as reason_detail,
        delivery_stamp,
        line_number
    from {{ ref(staging_model) }}
    where is_quarantined
{%- endmacro %}
