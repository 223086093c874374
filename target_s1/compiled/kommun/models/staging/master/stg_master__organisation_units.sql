with

source as (
    select * from "kommun"."landing"."master__organisation"
),

parsed as (
    select
        _source_file || ':' || cast(_line_number as TEXT) as landed_row_key,
    _source_file as source_file,
    cast(_line_number as integer) as line_number,
    _delivery_stamp as delivery_stamp,
    cast(_delivered_on as date) as delivered_on,
    _row_error as row_error,
    _row_error_detail as row_error_detail,
        nullif(trim(ansvar), '') as ansvar,
        nullif(trim(enhet_id), '') as unit_id,
        nullif(trim(enhetsnamn), '') as unit_name,
        nullif(trim(forvaltning_kod), '') as forvaltning_code,
        nullif(trim(forvaltning_namn), '') as forvaltning_name,
        nullif(trim(giltig_fran), '') as valid_from_raw,
        case
        when regexp_full_match(nullif(trim(giltig_fran), ''), '[0-9]{4}-[0-9]{2}-[0-9]{2}')
            then try_cast(nullif(trim(giltig_fran), '') as date)
    end as valid_from,
        nullif(trim(giltig_till), '') as valid_to_raw,
        case
        when regexp_full_match(nullif(trim(giltig_till), ''), '[0-9]{4}-[0-9]{2}-[0-9]{2}')
            then try_cast(nullif(trim(giltig_till), '') as date)
    end as valid_to
    from source
),

validated as (
    select
        *,
        case
        when ansvar is not null and valid_from is not null
            then count(*) over (partition by source_file, ansvar, valid_from)
        else 1
    end as rows_with_key_in_delivery,
        case
        when row_error is not null then row_error
        when ansvar is null then 'missing_value'
        when (valid_from_raw is not null and valid_from is null) then 'invalid_date'
        when valid_from is null then 'missing_value'
        when rows_with_key_in_delivery > 1 then 'duplicate_key_in_delivery'
        when regexp_full_match(ansvar, '[0-9]{5}') = false then 'invalid_code'
        when unit_id is null then 'missing_value'
        when forvaltning_code is null then 'missing_value'
        when (valid_to_raw is not null and valid_to is null) then 'invalid_date'
        when valid_to < valid_from then 'date_range_reversed'
    end as quarantine_reason,
    case
        when row_error is not null then row_error_detail
        when ansvar is null then 'ansvar'
        when (valid_from_raw is not null and valid_from is null) then 'giltig_fran'
        when valid_from is null then 'giltig_fran'
        when rows_with_key_in_delivery > 1 then 'ansvar, giltig_fran'
        when regexp_full_match(ansvar, '[0-9]{5}') = false then 'ansvar'
        when unit_id is null then 'enhet_id'
        when forvaltning_code is null then 'forvaltning_kod'
        when (valid_to_raw is not null and valid_to is null) then 'giltig_till'
        when valid_to < valid_from then 'giltig_till'
    end as quarantine_detail
    from parsed
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