{#- A `YYYY-MM-DD HH:MM` local-time text as a timestamp (no time zone: Europe/Stockholm
    wall-clock time, as the source systems write it); null when empty or invalid. -#}
{% macro parse_timestamp(expr) -%}
    case
        when {{ regex_full_match(expr, '[0-9]{4}-[0-9]{2}-[0-9]{2} ([01][0-9]|2[0-3]):[0-5][0-9]') }}
            and {{ parse_date('substr(' ~ expr ~ ', 1, 10)') }} is not null
            then cast({{ expr }} || ':00' as {{ dbt.type_timestamp() }})
    end
{%- endmacro %}
