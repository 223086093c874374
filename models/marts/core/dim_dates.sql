{#- The calendar: one row per day from var('calendar_start') to var('calendar_end'), with the
    working-day rule of kpi-definitions.md. Easter (and so Good Friday, Easter Monday and
    Ascension Day) is computed per year at compile time; Midsummer Eve is the Friday
    19-25 June. The range is fixed rather than taken from the data, so the same calendar
    exists on every engine and before any data has landed. -#}
{%- set first_year = var('calendar_start')[:4] | int %}
{%- set last_year = var('calendar_end')[:4] | int %}

with

days as (
    {{ dbt.date_spine(
        'day',
        "cast('" ~ var('calendar_start') ~ "' as date)",
        dbt.dateadd('day', 1, "cast('" ~ var('calendar_end') ~ "' as date)"),
    ) }}
),

easter as (
    {%- for year in range(first_year, last_year + 1) %}
        select
            {{ year }} as easter_year,
            cast('{{ easter_sunday(year) }}' as date) as easter_sunday
        {%- if not loop.last %}
            union all
        {%- endif %}
    {%- endfor %}
),

calendar as (
    select
        cast(days.date_day as date) as date_day,
        cast(extract(year from days.date_day) as integer) as year,
        cast(extract(quarter from days.date_day) as integer) as quarter,
        cast(extract(month from days.date_day) as integer) as month,
        cast(extract(day from days.date_day) as integer) as day_of_month,
        {{ iso_date_part('isoyear', 'days.date_day') }} as iso_year,
        {{ iso_date_part('week', 'days.date_day') }} as iso_week,
        {{ iso_date_part('isodow', 'days.date_day') }} as iso_weekday
    from days
),

with_easter as (
    select
        calendar.*,
        cast({{ dbt.dateadd('day', -2, 'easter.easter_sunday') }} as date) as good_friday,
        cast({{ dbt.dateadd('day', 1, 'easter.easter_sunday') }} as date) as easter_monday,
        cast({{ dbt.dateadd('day', 39, 'easter.easter_sunday') }} as date) as ascension_day
    from calendar
    inner join easter
        on calendar.year = easter.easter_year
),

named as (
    select
        *,
        case
            when month = 1 and day_of_month = 1 then 'Nyårsdagen'
            when month = 1 and day_of_month = 6 then 'Trettondedag jul'
            when date_day = good_friday then 'Långfredagen'
            when date_day = easter_monday then 'Annandag påsk'
            when month = 5 and day_of_month = 1 then 'Första maj'
            when date_day = ascension_day then 'Kristi himmelsfärdsdag'
            when month = 6 and day_of_month = 6 then 'Sveriges nationaldag'
            when month = 6 and day_of_month between 19 and 25 and iso_weekday = 5
                then 'Midsommarafton'
            when month = 12 and day_of_month = 24 then 'Julafton'
            when month = 12 and day_of_month = 25 then 'Juldagen'
            when month = 12 and day_of_month = 26 then 'Annandag jul'
            when month = 12 and day_of_month = 31 then 'Nyårsafton'
        end as holiday_name
    from with_easter
),

final as (
    select
        date_day,
        cast(
            cast(year as {{ dbt.type_string() }}) || '-'
            || lpad(cast(month as {{ dbt.type_string() }}), 2, '0')
            as {{ dbt.type_string() }}
        ) as year_month,
        cast(holiday_name as {{ dbt.type_string() }}) as holiday_name,
        year,
        quarter,
        month,
        day_of_month,
        iso_year,
        iso_week,
        iso_weekday,
        iso_weekday >= 6 as is_weekend,
        holiday_name is not null as is_holiday,
        iso_weekday <= 5 and holiday_name is null as is_working_day,
        date_day = cast({{ dbt.last_day('date_day', 'month') }} as date) as is_month_end,
        month = 12 and day_of_month = 31 as is_year_end,
        cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month_start_date,
        cast({{ dbt.last_day('date_day', 'month') }} as date) as month_end_date
    from named
)

select * from final
