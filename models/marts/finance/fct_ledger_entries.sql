{#- One row per ledger line that counts: the accepted lines of the current delivery of
    each period (a re-delivered period replaces the earlier one whole), attributed to the
    förvaltning of their ansvar on the booking date. All accounts are kept, so the fact
    reconciles row for row with the resolved ledger; `net_cost_sek` carries the amount only
    on the net-cost accounts (classes 3–7), the sum behind FIN_NET_COST. -#}
with

ledger as (
    select
        landed_row_key,
        period,
        voucher_id,
        voucher_line,
        account_code,
        ansvar,
        activity_code,
        counterpart_code,
        amount_sek,
        booking_date
    from {{ ref('int_ekonomi__ledger_entries_resolved') }}
    where is_current
),

org as (
    select
        org_unit_version_id,
        ansvar,
        forvaltning_code,
        valid_from,
        effective_valid_to
    from {{ ref('dim_organisation_units') }}
),

attributed as (
    select
        ledger.landed_row_key,
        ledger.period,
        ledger.voucher_id,
        ledger.voucher_line,
        ledger.account_code,
        ledger.ansvar,
        ledger.activity_code,
        ledger.counterpart_code,
        ledger.amount_sek,
        ledger.booking_date,
        org.org_unit_version_id,
        org.forvaltning_code
    from ledger
    left join org
        on {{ org_unit_on_date('org', 'ansvar', 'ledger.ansvar', 'ledger.booking_date') }}
),

final as (
    select
        cast(landed_row_key as {{ dbt.type_string() }}) as ledger_entry_key,
        cast(period as {{ dbt.type_string() }}) as period,
        cast(voucher_id as {{ dbt.type_string() }}) as voucher_id,
        cast(voucher_line as integer) as voucher_line,
        cast(account_code as {{ dbt.type_string() }}) as account_code,
        cast(substr(account_code, 1, 1) as {{ dbt.type_string() }}) as account_class,
        cast(substr(account_code, 1, 2) as {{ dbt.type_string() }}) as account_group,
        cast(ansvar as {{ dbt.type_string() }}) as ansvar,
        cast(org_unit_version_id as {{ dbt.type_string() }}) as org_unit_version_id,
        cast(coalesce(forvaltning_code, 'UNMAPPED') as {{ dbt.type_string() }}) as forvaltning_code,
        cast(coalesce(activity_code, 'NONE') as {{ dbt.type_string() }}) as activity_code,
        cast(counterpart_code as {{ dbt.type_string() }}) as counterpart_code,
        cast(amount_sek as decimal(18, 2)) as amount_sek,
        cast(
            case when substr(account_code, 1, 1) in ('3', '4', '5', '6', '7') then amount_sek else 0 end
            as decimal(18, 2)
        ) as net_cost_sek,
        cast(substr(account_code, 1, 1) in ('3', '4', '5', '6', '7') as boolean) as is_net_cost_account,
        cast(booking_date as date) as booking_date,
        cast({{ dbt.date_trunc('month', 'booking_date') }} as date) as booking_month_start_date,
        cast(extract(year from booking_date) as integer) as booking_year,
        cast(extract(month from booking_date) as integer) as booking_month
    from attributed
)

select * from final
