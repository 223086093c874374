{#- A 12-digit personnummer is valid when its check digit passes Luhn and its date of birth
    is a real date (samordningsnummer: day of month + 60). -#}
{% macro personnummer_is_valid(pnr12) -%}
    (
        {{ pnr12 }} is not null
        and {{ luhn_is_valid('substr(' ~ pnr12 ~ ', 3, 10)') }}
        and {{ parse_date(
            "substr(" ~ pnr12 ~ ", 1, 4) || '-' || substr(" ~ pnr12 ~ ", 5, 2) || '-' || "
            ~ "lpad(cast(mod(cast(substr(" ~ pnr12 ~ ", 7, 2) as integer), 60) as "
            ~ dbt.type_string() ~ "), 2, '0')"
        ) }} is not null
    )
{%- endmacro %}
