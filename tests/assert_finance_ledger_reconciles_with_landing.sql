{#- The ledger fact holds exactly the accepted, current landed rows of each period: the
    same number of rows and the same sum of amounts per period as
    int_ekonomi__ledger_entries_resolved where is_current. A join in the fact that lost or
    doubled rows (two organisation versions on one day, say) fails here. Returns one row
    per period that differs. -#}
with

landed as (
    select
        period,
        count(*) as row_count,
        sum(amount_sek) as amount_sek
    from {{ ref('int_ekonomi__ledger_entries_resolved') }}
    where is_current
    group by period
),

facts as (
    select
        period,
        count(*) as row_count,
        sum(amount_sek) as amount_sek
    from {{ ref('fct_ledger_entries') }}
    group by period
)

select
    coalesce(landed.period, facts.period) as period,
    landed.row_count as landed_rows,
    facts.row_count as fact_rows,
    landed.amount_sek as landed_amount_sek,
    facts.amount_sek as fact_amount_sek
from landed
full outer join facts
    on landed.period = facts.period
where
    landed.period is null
    or facts.period is null
    or landed.row_count <> facts.row_count
    or landed.amount_sek <> facts.amount_sek
