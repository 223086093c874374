{#- The accepted ledger rows with period replacement applied: the latest delivery of a
    period replaces the whole period, so every row of an earlier delivery of that period is
    superseded. A delivery whose every row is quarantined (e.g. a bad header) replaces
    nothing, and the previous delivery stands. -#}
with

staged as (
    select
        {{ star_except(
            ref('stg_ekonomi__ledger_entries'),
            ['quarantine_reason', 'quarantine_detail', 'is_quarantined'],
        ) }}
    from {{ ref('stg_ekonomi__ledger_entries') }}
    where not is_quarantined
),

period_deliveries as (
    select
        file_period,
        max(delivery_stamp) as current_delivery_stamp
    from staged
    group by file_period
),

final as (
    select
        staged.*,
        staged.delivery_stamp = period_deliveries.current_delivery_stamp as is_current
    from staged
    inner join period_deliveries
        on staged.file_period = period_deliveries.file_period
)

select * from final
