{#- A personnummer in either source form as its 12 digits `YYYYMMDDNNNN`, or null when the
    format is wrong. The 10-digit form `YYMMDD-NNNN` (care system) gets its century from
    `reference_date` (the day the number was written): with `-` the person is under 100 on
    that day (born on or before it), with `+` they are 100 or more (source-contract.md). -#}
{% macro personnummer_to_12(raw, reference_date) -%}
    {%- set ref_year = 'cast(extract(year from ' ~ reference_date ~ ') as integer)' -%}
    {%- set yy = 'cast(substr(' ~ raw ~ ', 1, 2) as integer)' -%}
    {%- set latest_year = '(' ~ ref_year ~ ' - mod(' ~ ref_year ~ ' - ' ~ yy ~ ', 100))' -%}
    {#- month * 100 + day, the day taken mod 60 for samordningsnummer -#}
    {%- set birth_day = 'cast(substr(' ~ raw ~ ', 3, 2) as integer) * 100 + mod(cast(substr('
        ~ raw ~ ', 5, 2) as integer), 60)' -%}
    {%- set ref_day = 'cast(extract(month from ' ~ reference_date ~ ') as integer) * 100 + '
        ~ 'cast(extract(day from ' ~ reference_date ~ ') as integer)' -%}
    case
        when {{ regex_full_match(raw, '[0-9]{8}[-+]?[0-9]{4}') }}
            then substr({{ raw }}, 1, 8) || substr({{ raw }}, length({{ raw }}) - 3, 4)
        when {{ regex_full_match(raw, '[0-9]{6}[-+][0-9]{4}') }}
            then cast(
                {{ latest_year }}
                - case
                    when {{ latest_year }} = {{ ref_year }} and {{ birth_day }} > {{ ref_day }}
                        then 100
                    else 0
                end
                - case when substr({{ raw }}, 7, 1) = '+' then 100 else 0 end
                as {{ dbt.type_string() }}
            ) || substr({{ raw }}, 3, 4) || substr({{ raw }}, 8, 4)
    end
{%- endmacro %}
