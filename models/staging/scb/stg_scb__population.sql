{#- One row per landed line of scb/befolkning_<year>.csv: population on 31 December by
    district, sex and single year of age (`100+` kept as age 100 with its label). -#}
with

source as (
    select * from {{ source('scb', 'befolkning') }}
),

parsed as (
    select
        {{ landing_metadata() }},
        {{ clean_text('ar') }} as population_year_raw,
        {{ parse_integer(clean_text('ar')) }} as population_year,
        {{ clean_text('distrikt_kod') }} as district_code,
        {{ clean_text('distrikt_namn') }} as district_name,
        {{ clean_text('kon') }} as sex_code,
        {{ clean_text('alder') }} as age_label,
        case
            when {{ clean_text('alder') }} = '100+' then 100
            when {{ regex_full_match(clean_text('alder'), '[0-9]{1,2}') }}
                then cast({{ clean_text('alder') }} as integer)
        end as age,
        {{ clean_text('antal') }} as population_count_raw,
        {{ parse_integer(clean_text('antal')) }} as population_count
    from source
),

-- Counted apart: a column alias cannot be used in the select that defines it.
counted as (
    select
        *,
        {{ count_in_delivery(['population_year', 'district_code', 'sex_code', 'age_label']) }}
            as rows_with_key_in_delivery
    from parsed
),

validated as (
    select
        *,
        {{ quarantine_reason([
            [is_invalid('population_year_raw', 'population_year'), 'invalid_number', 'ar'],
            ['population_year is null', 'missing_value', 'ar'],
            ['district_code is null', 'missing_value', 'distrikt_kod'],
            ['rows_with_key_in_delivery > 1', 'duplicate_key_in_delivery', 'ar, distrikt_kod, kon, alder'],
            ['cast(population_year as ' ~ dbt.type_string() ~ ') <> delivery_stamp', 'period_mismatch', 'ar'],
            ["sex_code is null or sex_code not in ('1', '2')", 'invalid_enum', 'kon'],
            ['age is null', 'invalid_enum', 'alder'],
            [is_invalid('population_count_raw', 'population_count'), 'invalid_number', 'antal'],
            ['population_count is null', 'missing_value', 'antal'],
            ['population_count < 0', 'out_of_range', 'antal'],
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
        district_code,
        district_name,
        case sex_code when '1' then 'M' when '2' then 'K' end as sex,
        age_label,
        population_year,
        age,
        population_count,
        quarantine_reason,
        quarantine_detail,
        quarantine_reason is not null as is_quarantined
    from validated
)

select * from final
