with

source as (
    select * from "kommun"."landing"."hr__anstallningar"
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
        nullif(trim(anstallnings_id), '') as employment_id,
        case
        when regexp_full_match(nullif(trim(personnummer), ''), '[0-9]{8}[-+]?[0-9]{4}')
            then substr(nullif(trim(personnummer), ''), 1, 8) || substr(nullif(trim(personnummer), ''), length(nullif(trim(personnummer), '')) - 3, 4)
        when regexp_full_match(nullif(trim(personnummer), ''), '[0-9]{6}[-+][0-9]{4}')
            then cast(
                (cast(extract(year from cast(_delivered_on as date)) as integer) - mod(cast(extract(year from cast(_delivered_on as date)) as integer) - cast(substr(nullif(trim(personnummer), ''), 1, 2) as integer), 100))
                - case
                    when (cast(extract(year from cast(_delivered_on as date)) as integer) - mod(cast(extract(year from cast(_delivered_on as date)) as integer) - cast(substr(nullif(trim(personnummer), ''), 1, 2) as integer), 100)) = cast(extract(year from cast(_delivered_on as date)) as integer) and cast(substr(nullif(trim(personnummer), ''), 3, 2) as integer) * 100 + mod(cast(substr(nullif(trim(personnummer), ''), 5, 2) as integer), 60) > cast(extract(month from cast(_delivered_on as date)) as integer) * 100 + cast(extract(day from cast(_delivered_on as date)) as integer)
                        then 100
                    else 0
                end
                - case when substr(nullif(trim(personnummer), ''), 7, 1) = '+' then 100 else 0 end
                as TEXT
            ) || substr(nullif(trim(personnummer), ''), 3, 4) || substr(nullif(trim(personnummer), ''), 8, 4)
    end
            as personnummer_12,
        nullif(trim(enhet_id), '') as unit_id,
        nullif(trim(befattning), '') as job_title,
        nullif(trim(yrkesgrupp), '') as occupational_group,
        nullif(trim(anstallningsform), '') as employment_type,
        nullif(trim(sysselsattningsgrad), '') as employment_rate_raw,
        case
        when regexp_full_match(replace(replace(replace(nullif(trim(sysselsattningsgrad), ''), ' ', ''), chr(160), ''), ',', '.'), '-?[0-9]{1,5}([.][0-9]+)?')
            then cast(replace(replace(replace(nullif(trim(sysselsattningsgrad), ''), ' ', ''), chr(160), ''), ',', '.') as decimal(9, 4))
    end as employment_rate_pct,
        nullif(trim(heltidsmatt_timmar), '') as full_time_hours_raw,
        case
        when regexp_full_match(replace(replace(replace(nullif(trim(heltidsmatt_timmar), ''), ' ', ''), chr(160), ''), ',', '.'), '-?[0-9]{1,5}([.][0-9]+)?')
            then cast(replace(replace(replace(nullif(trim(heltidsmatt_timmar), ''), ' ', ''), chr(160), ''), ',', '.') as decimal(9, 4))
    end
            as full_time_hours_per_week,
        nullif(trim(manadslon), '') as monthly_salary_raw,
        case
        when regexp_full_match(replace(replace(replace(nullif(trim(manadslon), ''), ' ', ''), chr(160), ''), ',', '.'), '-?[0-9]{1,16}([.][0-9]+)?')
            then cast(replace(replace(replace(nullif(trim(manadslon), ''), ' ', ''), chr(160), ''), ',', '.') as decimal(18, 2))
    end as monthly_salary_sek,
        nullif(trim(fran_datum), '') as start_date_raw,
        case
        when regexp_full_match(nullif(trim(fran_datum), ''), '[0-9]{4}-[0-9]{2}-[0-9]{2}')
            then try_cast(nullif(trim(fran_datum), '') as date)
    end as start_date,
        nullif(trim(till_datum), '') as end_date_raw,
        case
        when regexp_full_match(nullif(trim(till_datum), ''), '[0-9]{4}-[0-9]{2}-[0-9]{2}')
            then try_cast(nullif(trim(till_datum), '') as date)
    end as end_date
    from source
),

validated as (
    select
        *,
        case
        when employment_id is not null
            then count(*) over (partition by source_file, employment_id)
        else 1
    end as rows_with_key_in_delivery,
        case
        when row_error is not null then row_error
        when employment_id is null then 'missing_value'
        when rows_with_key_in_delivery > 1 then 'duplicate_key_in_delivery'
        when not (
        personnummer_12 is not null
        and (mod(
        (2 * cast(substr(substr(personnummer_12, 3, 10), 1, 1) as integer) - case when cast(substr(substr(personnummer_12, 3, 10), 1, 1) as integer) >= 5 then 9 else 0 end)
        + cast(substr(substr(personnummer_12, 3, 10), 2, 1) as integer)
        + (2 * cast(substr(substr(personnummer_12, 3, 10), 3, 1) as integer) - case when cast(substr(substr(personnummer_12, 3, 10), 3, 1) as integer) >= 5 then 9 else 0 end)
        + cast(substr(substr(personnummer_12, 3, 10), 4, 1) as integer)
        + (2 * cast(substr(substr(personnummer_12, 3, 10), 5, 1) as integer) - case when cast(substr(substr(personnummer_12, 3, 10), 5, 1) as integer) >= 5 then 9 else 0 end)
        + cast(substr(substr(personnummer_12, 3, 10), 6, 1) as integer)
        + (2 * cast(substr(substr(personnummer_12, 3, 10), 7, 1) as integer) - case when cast(substr(substr(personnummer_12, 3, 10), 7, 1) as integer) >= 5 then 9 else 0 end)
        + cast(substr(substr(personnummer_12, 3, 10), 8, 1) as integer)
        + (2 * cast(substr(substr(personnummer_12, 3, 10), 9, 1) as integer) - case when cast(substr(substr(personnummer_12, 3, 10), 9, 1) as integer) >= 5 then 9 else 0 end)
        + cast(substr(substr(personnummer_12, 3, 10), 10, 1) as integer)
    , 10) = 0)
        and case
        when regexp_full_match(substr(personnummer_12, 1, 4) || '-' || substr(personnummer_12, 5, 2) || '-' || lpad(cast(mod(cast(substr(personnummer_12, 7, 2) as integer), 60) as TEXT), 2, '0'), '[0-9]{4}-[0-9]{2}-[0-9]{2}')
            then try_cast(substr(personnummer_12, 1, 4) || '-' || substr(personnummer_12, 5, 2) || '-' || lpad(cast(mod(cast(substr(personnummer_12, 7, 2) as integer), 60) as TEXT), 2, '0') as date)
    end is not null
    ) then 'invalid_personnummer'
        when unit_id is null then 'missing_value'
        when employment_type is null or employment_type not in ('Tillsvidare', 'Visstid', 'Timavlönad') then 'invalid_enum'
        when (employment_rate_raw is not null and employment_rate_pct is null) then 'invalid_number'
        when employment_rate_pct is null then 'missing_value'
        when employment_rate_pct < 0 or employment_rate_pct > 100 then 'out_of_range'
        when (full_time_hours_raw is not null and full_time_hours_per_week is null) then 'invalid_number'
        when full_time_hours_per_week is null then 'missing_value'
        when full_time_hours_per_week <= 0 or full_time_hours_per_week > 168 then 'out_of_range'
        when (monthly_salary_raw is not null and monthly_salary_sek is null) then 'invalid_number'
        when (start_date_raw is not null and start_date is null) then 'invalid_date'
        when start_date is null then 'missing_value'
        when (end_date_raw is not null and end_date is null) then 'invalid_date'
        when end_date < start_date then 'date_range_reversed'
    end as quarantine_reason,
    case
        when row_error is not null then row_error_detail
        when employment_id is null then 'anstallnings_id'
        when rows_with_key_in_delivery > 1 then 'anstallnings_id'
        when not (
        personnummer_12 is not null
        and (mod(
        (2 * cast(substr(substr(personnummer_12, 3, 10), 1, 1) as integer) - case when cast(substr(substr(personnummer_12, 3, 10), 1, 1) as integer) >= 5 then 9 else 0 end)
        + cast(substr(substr(personnummer_12, 3, 10), 2, 1) as integer)
        + (2 * cast(substr(substr(personnummer_12, 3, 10), 3, 1) as integer) - case when cast(substr(substr(personnummer_12, 3, 10), 3, 1) as integer) >= 5 then 9 else 0 end)
        + cast(substr(substr(personnummer_12, 3, 10), 4, 1) as integer)
        + (2 * cast(substr(substr(personnummer_12, 3, 10), 5, 1) as integer) - case when cast(substr(substr(personnummer_12, 3, 10), 5, 1) as integer) >= 5 then 9 else 0 end)
        + cast(substr(substr(personnummer_12, 3, 10), 6, 1) as integer)
        + (2 * cast(substr(substr(personnummer_12, 3, 10), 7, 1) as integer) - case when cast(substr(substr(personnummer_12, 3, 10), 7, 1) as integer) >= 5 then 9 else 0 end)
        + cast(substr(substr(personnummer_12, 3, 10), 8, 1) as integer)
        + (2 * cast(substr(substr(personnummer_12, 3, 10), 9, 1) as integer) - case when cast(substr(substr(personnummer_12, 3, 10), 9, 1) as integer) >= 5 then 9 else 0 end)
        + cast(substr(substr(personnummer_12, 3, 10), 10, 1) as integer)
    , 10) = 0)
        and case
        when regexp_full_match(substr(personnummer_12, 1, 4) || '-' || substr(personnummer_12, 5, 2) || '-' || lpad(cast(mod(cast(substr(personnummer_12, 7, 2) as integer), 60) as TEXT), 2, '0'), '[0-9]{4}-[0-9]{2}-[0-9]{2}')
            then try_cast(substr(personnummer_12, 1, 4) || '-' || substr(personnummer_12, 5, 2) || '-' || lpad(cast(mod(cast(substr(personnummer_12, 7, 2) as integer), 60) as TEXT), 2, '0') as date)
    end is not null
    ) then 'personnummer'
        when unit_id is null then 'enhet_id'
        when employment_type is null or employment_type not in ('Tillsvidare', 'Visstid', 'Timavlönad') then 'anstallningsform'
        when (employment_rate_raw is not null and employment_rate_pct is null) then 'sysselsattningsgrad'
        when employment_rate_pct is null then 'sysselsattningsgrad'
        when employment_rate_pct < 0 or employment_rate_pct > 100 then 'sysselsattningsgrad'
        when (full_time_hours_raw is not null and full_time_hours_per_week is null) then 'heltidsmatt_timmar'
        when full_time_hours_per_week is null then 'heltidsmatt_timmar'
        when full_time_hours_per_week <= 0 or full_time_hours_per_week > 168 then 'heltidsmatt_timmar'
        when (monthly_salary_raw is not null and monthly_salary_sek is null) then 'manadslon'
        when (start_date_raw is not null and start_date is null) then 'fran_datum'
        when start_date is null then 'fran_datum'
        when (end_date_raw is not null and end_date is null) then 'till_datum'
        when end_date < start_date then 'till_datum'
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
        employment_id,
        case when quarantine_reason is null then sha256(
        coalesce(getvariable('pseudonym_key'), error('pseudonym key is not set'))
        || '|' || personnummer_12
    ) end
        as person_key,
    case when quarantine_reason is null then case
        when mod(cast(substr(personnummer_12, 11, 1) as integer), 2) = 1 then 'M'
        else 'K'
    end end
        as sex,
    case when quarantine_reason is null then cast(substr(personnummer_12, 1, 4) as integer) end
        as birth_year,
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