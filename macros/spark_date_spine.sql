{#- Spark: dbt's default date spine cross-joins powers of two and unions them (80 s for the
    41-year calendar here); Spark makes the same days in one generator. The end is
    exclusive, as in dbt.date_spine; an empty range gives no rows. -#}
{% macro spark__date_spine(datepart, start_date, end_date) -%}
    select explode(case
        when {{ start_date }} < {{ end_date }}
            then sequence(
                {{ start_date }},
                {{ dbt.dateadd(datepart, -1, end_date) }},
                interval 1 {{ datepart }}
            )
    end) as date_{{ datepart }}
{%- endmacro %}
