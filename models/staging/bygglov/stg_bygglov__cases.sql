{#- One row per landed line of bygglov/arenden_*.csv: one version of a building-permit case.
    Delivery resolution (latest wins per diarienummer) is in int_bygglov__cases_resolved. -#}
with

source as (
    select * from {{ source('bygglov', 'arenden') }}
),

parsed as (
    select
        {{ landing_metadata() }},
        {{ clean_text('diarienummer') }} as case_id,
        {{ clean_text('arendetyp') }} as case_type,
        {{ clean_text('inkom_datum') }} as received_date_raw,
        {{ parse_date(clean_text('inkom_datum')) }} as received_date,
        {{ clean_text('komplett_datum') }} as complete_date_raw,
        {{ parse_date(clean_text('komplett_datum')) }} as complete_date,
        {{ clean_text('beslut_datum') }} as decision_date_raw,
        {{ parse_date(clean_text('beslut_datum')) }} as decision_date,
        {{ clean_text('beslut') }} as decision,
        {{ clean_text('distrikt_kod') }} as district_code
    from source
),

-- Counted apart: a column alias cannot be used in the select that defines it.
counted as (
    select
        *,
        {{ count_in_delivery(['case_id']) }} as rows_with_key_in_delivery
    from parsed
),

validated as (
    select
        *,
        {{ quarantine_reason([
            ['case_id is null', 'missing_value', 'diarienummer'],
            ['rows_with_key_in_delivery > 1', 'duplicate_key_in_delivery', 'diarienummer'],
            [is_invalid('received_date_raw', 'received_date'), 'invalid_date', 'inkom_datum'],
            ['received_date is null', 'missing_value', 'inkom_datum'],
            [is_invalid('complete_date_raw', 'complete_date'), 'invalid_date', 'komplett_datum'],
            [is_invalid('decision_date_raw', 'decision_date'), 'invalid_date', 'beslut_datum'],
            ["decision not in ('Beviljat', 'Avslag', 'Avskrivet')", 'invalid_enum', 'beslut'],
            ['complete_date < received_date', 'date_range_reversed', 'komplett_datum'],
            ['decision_date < received_date', 'date_range_reversed', 'beslut_datum'],
            ['decision is not null and decision_date is null', 'missing_value', 'beslut_datum'],
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
        case_id,
        case_type,
        decision,
        district_code,
        received_date,
        complete_date,
        decision_date,
        quarantine_reason,
        quarantine_detail,
        quarantine_reason is not null as is_quarantined
    from validated
)

select * from final
