{#- Easter Sunday of a Gregorian year as 'YYYY-MM-DD', computed at compile time with the
    anonymous Gregorian algorithm (Meeus/Jones/Butcher), so that every engine gets the same
    dates without a date function of its own. -#}
{% macro easter_sunday(year) -%}
    {%- set a = year % 19 -%}
    {%- set b = year // 100 -%}
    {%- set c = year % 100 -%}
    {%- set h = (19 * a + b - b // 4 - (b - (b + 8) // 25 + 1) // 3 + 15) % 30 -%}
    {%- set l = (32 + 2 * (b % 4) + 2 * (c // 4) - h - c % 4) % 7 -%}
    {%- set m = (a + 11 * h + 22 * l) // 451 -%}
    {%- set month = (h + l - 7 * m + 114) // 31 -%}
    {%- set day = (h + l - 7 * m + 114) % 31 + 1 -%}
    {{ return('%04d-%02d-%02d' % (year, month, day)) }}
{%- endmacro %}
