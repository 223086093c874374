{#- MetricFlow's time spine (one row per day): the calendar's days. -#}
with

dates as (
    select date_day from {{ ref('dim_dates') }}
),

final as (
    select date_day
    from dates
)

select * from final
