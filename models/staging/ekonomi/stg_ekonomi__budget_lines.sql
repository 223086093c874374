{#- One row per landed line of ekonomi/budget_<year>.csv (ISO-8859-1): the adopted budget,
    same sign convention as the ledger. A budget has no key of its own: two lines on the
    same kodsträng are both kept and add up, as they do in the adopted document. -#}
with

source as (
    select * from {{ source('ekonomi', 'budget') }}
),

parsed as (
    select
        {{ landing_metadata() }},
        {{ clean_text('ar') }} as budget_year_raw,
        {{ parse_integer(clean_text('ar')) }} as budget_year,
        {{ clean_text('ansvar') }} as ansvar,
        {{ clean_text('verksamhet') }} as activity_code,
        {{ clean_text('konto') }} as account_code,
        {{ clean_text('belopp') }} as amount_raw,
        {{ parse_swedish_decimal(clean_text('belopp')) }} as amount_sek
    from source
),

validated as (
    select
        *,
        {{ quarantine_reason([
            [is_invalid('budget_year_raw', 'budget_year'), 'invalid_number', 'ar'],
            ['budget_year is null', 'missing_value', 'ar'],
            ['cast(budget_year as ' ~ dbt.type_string() ~ ') <> delivery_stamp', 'period_mismatch', 'ar'],
            ['account_code is null', 'missing_value', 'konto'],
            [regex_full_match('account_code', '[0-9]{4}') ~ ' = false', 'invalid_code', 'konto'],
            [is_invalid('amount_raw', 'amount_sek'), 'invalid_number', 'belopp'],
            ['amount_sek is null', 'missing_value', 'belopp'],
        ]) }}
    from parsed
),

final as (
    select
        landed_row_key,
        source_file,
        line_number,
        delivery_stamp,
        delivered_on,
        budget_year,
        ansvar,
        activity_code,
        account_code,
        amount_sek,
        quarantine_reason,
        quarantine_detail,
        quarantine_reason is not null as is_quarantined
    from validated
)

select * from final
