{#- One row per landed line of master/organisation_*.csv: one version of an org unit.
    Delivery resolution (latest wins per ansvar + giltig_fran) is in
    int_master__organisation_units_resolved. -#}
with

source as (
    select * from {{ source('master', 'organisation') }}
),

parsed as (
    select
        {{ landing_metadata() }},
        {{ clean_text('ansvar') }} as ansvar,
        {{ clean_text('enhet_id') }} as unit_id,
        {{ clean_text('enhetsnamn') }} as unit_name,
        {{ clean_text('forvaltning_kod') }} as forvaltning_code,
        {{ clean_text('forvaltning_namn') }} as forvaltning_name,
        {{ clean_text('giltig_fran') }} as valid_from_raw,
        {{ parse_date(clean_text('giltig_fran')) }} as valid_from,
        {{ clean_text('giltig_till') }} as valid_to_raw,
        {{ parse_date(clean_text('giltig_till')) }} as valid_to
    from source
),

-- Counted apart: a column alias cannot be used in the select that defines it.
counted as (
    select
        *,
        {{ count_in_delivery(['ansvar', 'valid_from']) }} as rows_with_key_in_delivery
    from parsed
),

validated as (
    select
        *,
        {{ quarantine_reason([
            ['ansvar is null', 'missing_value', 'ansvar'],
            [is_invalid('valid_from_raw', 'valid_from'), 'invalid_date', 'giltig_fran'],
            ['valid_from is null', 'missing_value', 'giltig_fran'],
            ['rows_with_key_in_delivery > 1', 'duplicate_key_in_delivery', 'ansvar, giltig_fran'],
            [regex_full_match('ansvar', '[0-9]{5}') ~ ' = false', 'invalid_code', 'ansvar'],
            ['unit_id is null', 'missing_value', 'enhet_id'],
            ['forvaltning_code is null', 'missing_value', 'forvaltning_kod'],
            [is_invalid('valid_to_raw', 'valid_to'), 'invalid_date', 'giltig_till'],
            ['valid_to < valid_from', 'date_range_reversed', 'giltig_till'],
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
        ansvar,
        unit_id,
        unit_name,
        forvaltning_code,
        forvaltning_name,
        valid_from,
        valid_to,
        quarantine_reason,
        quarantine_detail,
        quarantine_reason is not null as is_quarantined
    from validated
)

select * from final
