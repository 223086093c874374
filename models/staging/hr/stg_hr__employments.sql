{#- One row per landed line of hr/anstallningar_*.csv: parsed, validated, pseudonymised.
    Delivery resolution (latest wins) is in int_hr__employments_resolved. -#}
with

source as (
    select * from {{ source('hr', 'anstallningar') }}
),

parsed as (
    select
        {{ landing_metadata() }},
        {{ clean_text('anstallnings_id') }} as employment_id,
        {{ personnummer_to_12(clean_text('personnummer'), 'cast(_delivered_on as date)') }}
            as personnummer_12,
        {{ clean_text('enhet_id') }} as unit_id,
        {{ clean_text('befattning') }} as job_title,
        {{ clean_text('yrkesgrupp') }} as occupational_group,
        {{ clean_text('anstallningsform') }} as employment_type,
        {{ clean_text('sysselsattningsgrad') }} as employment_rate_raw,
        {{ parse_swedish_decimal(clean_text('sysselsattningsgrad'), 9, 4) }} as employment_rate_pct,
        {{ clean_text('heltidsmatt_timmar') }} as full_time_hours_raw,
        {{ parse_swedish_decimal(clean_text('heltidsmatt_timmar'), 9, 4) }}
            as full_time_hours_per_week,
        {{ clean_text('manadslon') }} as monthly_salary_raw,
        {{ parse_swedish_decimal(clean_text('manadslon')) }} as monthly_salary_sek,
        {{ clean_text('fran_datum') }} as start_date_raw,
        {{ parse_date(clean_text('fran_datum')) }} as start_date,
        {{ clean_text('till_datum') }} as end_date_raw,
        {{ parse_date(clean_text('till_datum')) }} as end_date
    from source
),

-- Counted apart: a column alias cannot be used in the select that defines it.
counted as (
    select
        *,
        {{ count_in_delivery(['employment_id']) }} as rows_with_key_in_delivery
    from parsed
),

validated as (
    select
        *,
        {{ quarantine_reason([
            ['employment_id is null', 'missing_value', 'anstallnings_id'],
            ['rows_with_key_in_delivery > 1', 'duplicate_key_in_delivery', 'anstallnings_id'],
            ['not ' ~ personnummer_is_valid('personnummer_12'), 'invalid_personnummer', 'personnummer'],
            ['unit_id is null', 'missing_value', 'enhet_id'],
            ["employment_type is null or employment_type not in ('Tillsvidare', 'Visstid', 'Timavlönad')",
                'invalid_enum', 'anstallningsform'],
            [is_invalid('employment_rate_raw', 'employment_rate_pct'), 'invalid_number', 'sysselsattningsgrad'],
            ['employment_rate_pct is null', 'missing_value', 'sysselsattningsgrad'],
            ['employment_rate_pct < 0 or employment_rate_pct > 100', 'out_of_range', 'sysselsattningsgrad'],
            [is_invalid('full_time_hours_raw', 'full_time_hours_per_week'), 'invalid_number', 'heltidsmatt_timmar'],
            ['full_time_hours_per_week is null', 'missing_value', 'heltidsmatt_timmar'],
            ['full_time_hours_per_week <= 0 or full_time_hours_per_week > 168', 'out_of_range', 'heltidsmatt_timmar'],
            [is_invalid('monthly_salary_raw', 'monthly_salary_sek'), 'invalid_number', 'manadslon'],
            [is_invalid('start_date_raw', 'start_date'), 'invalid_date', 'fran_datum'],
            ['start_date is null', 'missing_value', 'fran_datum'],
            [is_invalid('end_date_raw', 'end_date'), 'invalid_date', 'till_datum'],
            ['end_date < start_date', 'date_range_reversed', 'till_datum'],
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
        employment_id,
        {{ person_columns('personnummer_12') }},
        unit_id,
        job_title,
        occupational_group,
        employment_type,
        employment_rate_pct,
        full_time_hours_per_week,
        monthly_salary_sek,
        start_date,
        end_date,
        quarantine_reason,
        quarantine_detail,
        quarantine_reason is not null as is_quarantined
    from validated
)

select * from final
