

with

days as (
    


    


    with rawdata as (

        
    select
        generate_series as generated_number
    from generate_series(1, 14976)


    ),

    all_periods as (

        select (
            

    (cast('2000-01-01' as date) + cast(row_number() over (order by 1) - 1 as bigint) * interval 1 day)
        ) as date_day
        from rawdata

    ),

    filtered as (

        select *
        from all_periods
        where date_day <= 

    (cast('2040-12-31' as date) + cast(1 as bigint) * interval 1 day)

    )

    select * from filtered


),

easter as (
    select
        2000 as easter_year,
        cast('2000-04-23' as date) as easter_sunday
    union all
    select
        2001 as easter_year,
        cast('2001-04-15' as date) as easter_sunday
    union all
    select
        2002 as easter_year,
        cast('2002-03-31' as date) as easter_sunday
    union all
    select
        2003 as easter_year,
        cast('2003-04-20' as date) as easter_sunday
    union all
    select
        2004 as easter_year,
        cast('2004-04-11' as date) as easter_sunday
    union all
    select
        2005 as easter_year,
        cast('2005-03-27' as date) as easter_sunday
    union all
    select
        2006 as easter_year,
        cast('2006-04-16' as date) as easter_sunday
    union all
    select
        2007 as easter_year,
        cast('2007-04-08' as date) as easter_sunday
    union all
    select
        2008 as easter_year,
        cast('2008-03-23' as date) as easter_sunday
    union all
    select
        2009 as easter_year,
        cast('2009-04-12' as date) as easter_sunday
    union all
    select
        2010 as easter_year,
        cast('2010-04-04' as date) as easter_sunday
    union all
    select
        2011 as easter_year,
        cast('2011-04-24' as date) as easter_sunday
    union all
    select
        2012 as easter_year,
        cast('2012-04-08' as date) as easter_sunday
    union all
    select
        2013 as easter_year,
        cast('2013-03-31' as date) as easter_sunday
    union all
    select
        2014 as easter_year,
        cast('2014-04-20' as date) as easter_sunday
    union all
    select
        2015 as easter_year,
        cast('2015-04-05' as date) as easter_sunday
    union all
    select
        2016 as easter_year,
        cast('2016-03-27' as date) as easter_sunday
    union all
    select
        2017 as easter_year,
        cast('2017-04-16' as date) as easter_sunday
    union all
    select
        2018 as easter_year,
        cast('2018-04-01' as date) as easter_sunday
    union all
    select
        2019 as easter_year,
        cast('2019-04-21' as date) as easter_sunday
    union all
    select
        2020 as easter_year,
        cast('2020-04-12' as date) as easter_sunday
    union all
    select
        2021 as easter_year,
        cast('2021-04-04' as date) as easter_sunday
    union all
    select
        2022 as easter_year,
        cast('2022-04-17' as date) as easter_sunday
    union all
    select
        2023 as easter_year,
        cast('2023-04-09' as date) as easter_sunday
    union all
    select
        2024 as easter_year,
        cast('2024-03-31' as date) as easter_sunday
    union all
    select
        2025 as easter_year,
        cast('2025-04-20' as date) as easter_sunday
    union all
    select
        2026 as easter_year,
        cast('2026-04-05' as date) as easter_sunday
    union all
    select
        2027 as easter_year,
        cast('2027-03-28' as date) as easter_sunday
    union all
    select
        2028 as easter_year,
        cast('2028-04-16' as date) as easter_sunday
    union all
    select
        2029 as easter_year,
        cast('2029-04-01' as date) as easter_sunday
    union all
    select
        2030 as easter_year,
        cast('2030-04-21' as date) as easter_sunday
    union all
    select
        2031 as easter_year,
        cast('2031-04-13' as date) as easter_sunday
    union all
    select
        2032 as easter_year,
        cast('2032-03-28' as date) as easter_sunday
    union all
    select
        2033 as easter_year,
        cast('2033-04-17' as date) as easter_sunday
    union all
    select
        2034 as easter_year,
        cast('2034-04-09' as date) as easter_sunday
    union all
    select
        2035 as easter_year,
        cast('2035-03-25' as date) as easter_sunday
    union all
    select
        2036 as easter_year,
        cast('2036-04-13' as date) as easter_sunday
    union all
    select
        2037 as easter_year,
        cast('2037-04-05' as date) as easter_sunday
    union all
    select
        2038 as easter_year,
        cast('2038-04-25' as date) as easter_sunday
    union all
    select
        2039 as easter_year,
        cast('2039-04-10' as date) as easter_sunday
    union all
    select
        2040 as easter_year,
        cast('2040-04-01' as date) as easter_sunday
),

calendar as (
    select
        cast(days.date_day as date) as date_day,
        cast(extract(year from days.date_day) as integer) as year,
        cast(extract(quarter from days.date_day) as integer) as quarter,
        cast(extract(month from days.date_day) as integer) as month,
        cast(extract(day from days.date_day) as integer) as day_of_month,
        cast(extract(isoyear from days.date_day) as integer) as iso_year,
        cast(extract(week from days.date_day) as integer) as iso_week,
        cast(extract(isodow from days.date_day) as integer) as iso_weekday
    from days
),

with_easter as (
    select
        calendar.*,
        cast(

    (easter.easter_sunday + cast(-2 as bigint) * interval 1 day) as date) as good_friday,
        cast(

    (easter.easter_sunday + cast(1 as bigint) * interval 1 day) as date) as easter_monday,
        cast(

    (easter.easter_sunday + cast(39 as bigint) * interval 1 day) as date) as ascension_day
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
            cast(year as TEXT) || '-'
            || lpad(cast(month as TEXT), 2, '0')
            as TEXT
        ) as year_month,
        cast(holiday_name as TEXT) as holiday_name,
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
        date_day = cast(cast(
        

    (

    (date_trunc('month', date_day) + cast(1 as bigint) * interval 1 month) + cast(-1 as bigint) * interval 1 day)
        as date) as date) as is_month_end,
        month = 12 and day_of_month = 31 as is_year_end,
        cast(date_trunc('month', date_day) as date) as month_start_date,
        cast(cast(
        

    (

    (date_trunc('month', date_day) + cast(1 as bigint) * interval 1 month) + cast(-1 as bigint) * interval 1 day)
        as date) as date) as month_end_date
    from named
)

select * from final