{#- A raw text that is present but did not parse: the test behind `invalid_*` reasons. -#}
{% macro is_invalid(raw, parsed) -%}
    ({{ raw }} is not null and {{ parsed }} is null)
{%- endmacro %}
