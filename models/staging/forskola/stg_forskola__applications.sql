{#- One row per landed line of forskola/ansokningar_*.csv: one version of a preschool
    application; the child's personnummer is replaced by a keyed pseudonym.
    Delivery resolution (latest wins per ansokan_id) is in
    int_forskola__applications_resolved. -#}
with

source as (
    select * from {{ source('forskola', 'ansokningar') }}
),

parsed as (
    select
        {{ landing_metadata() }},
        {{ clean_text('ansokan_id') }} as application_id,
        {{ personnummer_to_12(clean_text('barn_personnummer'), 'cast(_delivered_on as date)') }}
            as personnummer_12,
        {{ clean_text('ansokningsdatum') }} as application_date_raw,
        {{ parse_date(clean_text('ansokningsdatum')) }} as application_date,
        {{ clean_text('onskat_startdatum') }} as requested_start_date_raw,
        {{ parse_date(clean_text('onskat_startdatum')) }} as requested_start_date,
        {{ clean_text('erbjudet_datum') }} as offered_date_raw,
        {{ parse_date(clean_text('erbjudet_datum')) }} as offered_date,
        {{ clean_text('status') }} as status,
        {{ clean_text('distrikt_kod') }} as district_code
    from source
),

-- Counted apart: a column alias cannot be used in the select that defines it.
counted as (
    select
        *,
        {{ count_in_delivery(['application_id']) }} as rows_with_key_in_delivery
    from parsed
),

validated as (
    select
        *,
        {{ quarantine_reason([
            ['application_id is null', 'missing_value', 'ansokan_id'],
            ['rows_with_key_in_delivery > 1', 'duplicate_key_in_delivery', 'ansokan_id'],
            ['not ' ~ personnummer_is_valid('personnummer_12'), 'invalid_personnummer', 'barn_personnummer'],
            [is_invalid('application_date_raw', 'application_date'), 'invalid_date', 'ansokningsdatum'],
            ['application_date is null', 'missing_value', 'ansokningsdatum'],
            [is_invalid('requested_start_date_raw', 'requested_start_date'), 'invalid_date', 'onskat_startdatum'],
            ['requested_start_date is null', 'missing_value', 'onskat_startdatum'],
            [is_invalid('offered_date_raw', 'offered_date'), 'invalid_date', 'erbjudet_datum'],
            ["status is null or status not in ('Erbjuden', 'Väntar', 'Återtagen')", 'invalid_enum', 'status'],
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
        application_id,
        {{ person_columns('personnummer_12', prefix='child_') }},
        status,
        district_code,
        application_date,
        requested_start_date,
        offered_date,
        quarantine_reason,
        quarantine_detail,
        quarantine_reason is not null as is_quarantined
    from validated
)

select * from final
