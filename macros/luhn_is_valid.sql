{#- Luhn (modulus 10, weights 2-1) over a 10-digit text: the personnummer check digit. -#}
{% macro luhn_is_valid(ten_digits) -%}
    (mod(
        {%- for position in range(1, 11) %}
        {%- set digit = 'cast(substr(' ~ ten_digits ~ ', ' ~ position ~ ', 1) as integer)' %}
        {%- if position % 2 == 1 %}
        {{ '+ ' if not loop.first }}(2 * {{ digit }} - case when {{ digit }} >= 5 then 9 else 0 end)
        {%- else %}
        + {{ digit }}
        {%- endif %}
        {%- endfor %}
    , 10) = 0)
{%- endmacro %}
