{#- One row per landed line of ekonomi/huvudbok_<period>_<delivered>.csv (ISO-8859-1).
    Debit positive (cost), credit negative (revenue). Which delivery of a period counts is
    decided in int_ekonomi__ledger_entries_resolved (the latest replaces the whole period). -#}
with

source as (
    select * from {{ source('ekonomi', 'huvudbok') }}
),

parsed as (
    select
        {{ landing_metadata() }},
        substr(_delivery_stamp, 1, 6) as file_period,
        {{ clean_text('verifikation') }} as voucher_id,
        {{ clean_text('rad') }} as voucher_line_raw,
        {{ parse_integer(clean_text('rad')) }} as voucher_line,
        {{ clean_text('bokforingsdatum') }} as booking_date_raw,
        {{ parse_date(clean_text('bokforingsdatum')) }} as booking_date,
        {{ clean_text('period') }} as period,
        {{ clean_text('konto') }} as account_code,
        {{ clean_text('ansvar') }} as ansvar,
        {{ clean_text('verksamhet') }} as activity_code,
        {{ clean_text('aktivitet') }} as aktivitet,
        {{ clean_text('motpart') }} as counterpart_code,
        {{ clean_text('belopp') }} as amount_raw,
        {{ parse_swedish_decimal(clean_text('belopp')) }} as amount_sek,
        {{ clean_text('text') }} as entry_text
    from source
),

-- Counted apart: a column alias cannot be used in the select that defines it.
counted as (
    select
        *,
        {{ count_in_delivery(['period', 'voucher_id', 'voucher_line']) }}
            as rows_with_key_in_delivery
    from parsed
),

validated as (
    select
        *,
        {{ quarantine_reason([
            ['voucher_id is null', 'missing_value', 'verifikation'],
            [is_invalid('voucher_line_raw', 'voucher_line'), 'invalid_number', 'rad'],
            ['voucher_line is null', 'missing_value', 'rad'],
            ['period is null', 'missing_value', 'period'],
            ['rows_with_key_in_delivery > 1', 'duplicate_key_in_delivery', 'period, verifikation, rad'],
            [regex_full_match('period', '[0-9]{4}(0[1-9]|1[0-2])') ~ ' = false', 'invalid_code', 'period'],
            ['period <> file_period', 'period_mismatch', 'period'],
            [is_invalid('booking_date_raw', 'booking_date'), 'invalid_date', 'bokforingsdatum'],
            ['booking_date is null', 'missing_value', 'bokforingsdatum'],
            ['account_code is null', 'missing_value', 'konto'],
            [regex_full_match('account_code', '[0-9]{4}') ~ ' = false', 'invalid_code', 'konto'],
            [is_invalid('amount_raw', 'amount_sek'), 'invalid_number', 'belopp'],
            ['amount_sek is null', 'missing_value', 'belopp'],
        ]) }}
    from counted
),

final as (
    select
        landed_row_key,
        source_file,
        line_number,
        delivery_stamp,
        delivered_on,
        file_period,
        period,
        voucher_id,
        voucher_line,
        account_code,
        ansvar,
        activity_code,
        aktivitet,
        counterpart_code,
        entry_text,
        amount_sek,
        booking_date,
        quarantine_reason,
        quarantine_detail,
        quarantine_reason is not null as is_quarantined
    from validated
)

select * from final
