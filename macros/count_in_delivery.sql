{#- How many rows of the same delivery file share this row's key: above 1 means the key
    occurs twice in one delivery, and every row of that key is quarantined. -#}
{% macro count_in_delivery(key_columns) -%}
    case
        when {{ key_columns | join(' is not null and ') }} is not null
            then count(*) over (partition by source_file, {{ key_columns | join(', ') }})
        else 1
    end
{%- endmacro %}
