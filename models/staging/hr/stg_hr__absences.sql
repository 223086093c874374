{#- One row per landed line of hr/franvaro_*.csv: parsed and validated.
    Delivery resolution (latest wins) is in int_hr__absences_resolved. -#}
with

source as (
    select * from {{ source('hr', 'franvaro') }}
),

parsed as (
    select
        {{ landing_metadata() }},
        {{ clean_text('franvaro_id') }} as absence_id,
        {{ clean_text('anstallnings_id') }} as employment_id,
        {{ clean_text('orsak') }} as absence_type,
        {{ clean_text('fran_datum') }} as start_date_raw,
        {{ parse_date(clean_text('fran_datum')) }} as start_date,
        {{ clean_text('till_datum') }} as end_date_raw,
        {{ parse_date(clean_text('till_datum')) }} as end_date,
        {{ clean_text('omfattning') }} as extent_raw,
        {{ parse_swedish_decimal(clean_text('omfattning'), 9, 4) }} as extent_pct,
        {{ clean_text('makulerad') }} as cancelled_flag
    from source
),

-- Counted apart: a column alias cannot be used in the select that defines it.
counted as (
    select
        *,
        {{ count_in_delivery(['absence_id']) }} as rows_with_key_in_delivery
    from parsed
),

validated as (
    select
        *,
        {{ quarantine_reason([
            ['absence_id is null', 'missing_value', 'franvaro_id'],
            ['rows_with_key_in_delivery > 1', 'duplicate_key_in_delivery', 'franvaro_id'],
            ['employment_id is null', 'missing_value', 'anstallnings_id'],
            ["absence_type is null or absence_type not in ('Sjuk', 'Föräldraledig', 'VAB', 'Semester', 'Tjänstledig')",
                'invalid_enum', 'orsak'],
            [is_invalid('start_date_raw', 'start_date'), 'invalid_date', 'fran_datum'],
            ['start_date is null', 'missing_value', 'fran_datum'],
            [is_invalid('end_date_raw', 'end_date'), 'invalid_date', 'till_datum'],
            ['end_date < start_date', 'date_range_reversed', 'till_datum'],
            [is_invalid('extent_raw', 'extent_pct'), 'invalid_number', 'omfattning'],
            ['extent_pct is null', 'missing_value', 'omfattning'],
            ['extent_pct <= 0 or extent_pct > 100', 'out_of_range', 'omfattning'],
            ["cancelled_flag is null or cancelled_flag not in ('J', 'N')", 'invalid_enum', 'makulerad'],
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
        absence_id,
        employment_id,
        absence_type,
        extent_pct,
        cancelled_flag = 'J' as is_cancelled,
        start_date,
        end_date,
        quarantine_reason,
        quarantine_detail,
        quarantine_reason is not null as is_quarantined
    from validated
)

select * from final
