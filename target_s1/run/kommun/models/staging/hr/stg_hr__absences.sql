
    

    create  table
      "kommun"."staging"."stg_hr__absences__dbt_tmp"
  
    
    as (
      with

source as (
    select * from "kommun"."landing"."hr__franvaro"
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
        nullif(trim(franvaro_id), '') as absence_id,
        nullif(trim(anstallnings_id), '') as employment_id,
        nullif(trim(orsak), '') as absence_type,
        nullif(trim(fran_datum), '') as start_date_raw,
        case
        when regexp_full_match(nullif(trim(fran_datum), ''), '[0-9]{4}-[0-9]{2}-[0-9]{2}')
            then try_cast(nullif(trim(fran_datum), '') as date)
    end as start_date,
        nullif(trim(till_datum), '') as end_date_raw,
        case
        when regexp_full_match(nullif(trim(till_datum), ''), '[0-9]{4}-[0-9]{2}-[0-9]{2}')
            then try_cast(nullif(trim(till_datum), '') as date)
    end as end_date,
        nullif(trim(omfattning), '') as extent_raw,
        case
        when regexp_full_match(replace(replace(replace(nullif(trim(omfattning), ''), ' ', ''), chr(160), ''), ',', '.'), '-?[0-9]{1,5}([.][0-9]+)?')
            then cast(replace(replace(replace(nullif(trim(omfattning), ''), ' ', ''), chr(160), ''), ',', '.') as decimal(9, 4))
    end as extent_pct,
        nullif(trim(makulerad), '') as cancelled_flag
    from source
),

validated as (
    select
        *,
        case
        when absence_id is not null
            then count(*) over (partition by source_file, absence_id)
        else 1
    end as rows_with_key_in_delivery,
        case
        when row_error is not null then row_error
        when absence_id is null then 'missing_value'
        when rows_with_key_in_delivery > 1 then 'duplicate_key_in_delivery'
        when employment_id is null then 'missing_value'
        when absence_type is null or absence_type not in ('Sjuk', 'Föräldraledig', 'VAB', 'Semester', 'Tjänstledig') then 'invalid_enum'
        when (start_date_raw is not null and start_date is null) then 'invalid_date'
        when start_date is null then 'missing_value'
        when (end_date_raw is not null and end_date is null) then 'invalid_date'
        when end_date < start_date then 'date_range_reversed'
        when (extent_raw is not null and extent_pct is null) then 'invalid_number'
        when extent_pct is null then 'missing_value'
        when extent_pct <= 0 or extent_pct > 100 then 'out_of_range'
        when cancelled_flag is null or cancelled_flag not in ('J', 'N') then 'invalid_enum'
    end as quarantine_reason,
    case
        when row_error is not null then row_error_detail
        when absence_id is null then 'franvaro_id'
        when rows_with_key_in_delivery > 1 then 'franvaro_id'
        when employment_id is null then 'anstallnings_id'
        when absence_type is null or absence_type not in ('Sjuk', 'Föräldraledig', 'VAB', 'Semester', 'Tjänstledig') then 'orsak'
        when (start_date_raw is not null and start_date is null) then 'fran_datum'
        when start_date is null then 'fran_datum'
        when (end_date_raw is not null and end_date is null) then 'till_datum'
        when end_date < start_date then 'till_datum'
        when (extent_raw is not null and extent_pct is null) then 'omfattning'
        when extent_pct is null then 'omfattning'
        when extent_pct <= 0 or extent_pct > 100 then 'omfattning'
        when cancelled_flag is null or cancelled_flag not in ('J', 'N') then 'makulerad'
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
    );
    
  