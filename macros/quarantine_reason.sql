{#- The first failing check of a landed row gives its reason and detail; null = accepted.
    `checks` is a list of [condition, reason code, detail] in priority order. -#}
{% macro quarantine_reason(checks) -%}
    case
        when row_error is not null then row_error
        {%- for check in checks %}
        when {{ check[0] }} then '{{ check[1] }}'
        {%- endfor %}
    end as quarantine_reason,
    case
        when row_error is not null then row_error_detail
        {%- for check in checks %}
        when {{ check[0] }} then '{{ check[2] }}'
        {%- endfor %}
    end as quarantine_detail
{%- endmacro %}
