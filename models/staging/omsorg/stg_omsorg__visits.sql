{#- One row per landed line of omsorg/besok_<month>.csv: one home-care visit; the 10-digit
    personnummer (`+` at 100 or more) is normalised against the file's year, then replaced
    by a keyed pseudonym. Delivery resolution (latest month file wins per besok_id) is in
    int_omsorg__visits_resolved. -#}
{#- Named once: each call of source() has the landing plugin read the files again. -#}
{%- set landed = source('omsorg', 'besok') %}
{#- The day a 10-digit number is read against (its century): the visit's planned day, else
    the day before the delivery. One text for both reads below, so that they agree. -#}
{%- set reference_date = 'coalesce(cast({} as date), ' ~ dbt.dateadd('day', -1, 'delivered_on') ~ ')' %}
with

source as (
    select * from {{ landed }}
),

-- The fields trimmed first, then parsed: the parse macros repeat their argument.
cleaned as (
    select
        {{ landing_metadata() }},
        {{ clean_text('besok_id') }} as visit_id,
        {{ clean_text('brukare_personnummer') }} as personnummer_raw,
        {{ clean_text('personal_id') }} as staff_id,
        {{ clean_text('insatstyp') }} as service_type,
        {{ clean_text('planerad_start') }} as planned_start_raw,
        {{ clean_text('utford_start') }} as performed_start_raw,
        {{ clean_text('utford_slut') }} as performed_end_raw
    from source
),

-- Counted apart: a column alias cannot be used in the select that defines it. Right after
-- cleaning: the window carries only the text columns, and on PostgreSQL it computes each
-- trimmed field once (a window cannot be merged into the select that reads it).
counted as (
    select
        *,
        {{ count_in_delivery(['visit_id']) }} as rows_with_key_in_delivery
    from cleaned
),

-- Materialised on PostgreSQL: the century rule below reads the planned start seven times.
parsed as {{ materialized_cte(['postgres']) }} (
    select
        *,
        {{ parse_timestamp('planned_start_raw') }} as planned_start_at,
        {{ parse_timestamp('performed_start_raw') }} as performed_start_at,
        {{ parse_timestamp('performed_end_raw') }} as performed_end_at
    from counted
),

normalised as (
    select
        *,
        -- The century of a 10-digit number depends on the person's age on the visit day.
        {{ personnummer_to_12('personnummer_raw', reference_date.format('planned_start_at')) }}
            as personnummer_12
    from parsed
),

-- The same fields, read apart from the rows above, for the distinct numbers: the visits
-- then stream through one join to `persons` and are never held in memory whole (held, the
-- 11 M rows spilled 3 GB to disk at scale 1). The same macros on the same fields give both
-- sides the same 12-digit number; the century rule runs twice, which costs less than
-- holding the rows.
number_fields as {{ materialized_cte(['postgres']) }} (
    select
        {{ clean_text('brukare_personnummer') }} as personnummer_raw,
        {{ clean_text('planerad_start') }} as planned_start_raw,
        cast(_delivered_on as date) as delivered_on
    -- The table itself: a CTE read twice is held whole by DuckDB.
    from {{ landed }}
),

-- Materialised on PostgreSQL: the century rule reads the reference day seven times.
number_dates as {{ materialized_cte(['postgres']) }} (
    select
        personnummer_raw,
        {{ reference_date.format(parse_timestamp('planned_start_raw')) }} as reference_date
    from number_fields
),

numbers_12 as (
    select {{ personnummer_to_12('personnummer_raw', 'reference_date') }} as personnummer_12
    from number_dates
),

-- The check digit, the date of birth and the pseudonym depend on the number alone: worked
-- out once per distinct number (about 10,000 at scale 1), not once per visit (11 M).
numbers as (
    select distinct personnummer_12
    from numbers_12
),

persons as (
    select
        personnummer_12,
        {{ personnummer_is_valid('personnummer_12') }} as is_valid_personnummer,
        {{ pseudonymise('personnummer_12') }} as person_key,
        {{ personnummer_sex('personnummer_12') }} as sex,
        {{ personnummer_birth_year('personnummer_12') }} as birth_year
    -- The null number stays: it matches no visit. Filtered out, DuckDB moves the filter
    -- below the distinct and works out the century rule of every visit once more.
    from numbers
),

checked as (
    select
        normalised.*,
        coalesce(persons.is_valid_personnummer, false) as is_valid_personnummer,
        persons.person_key,
        persons.sex,
        persons.birth_year
    from normalised
    left join persons
        on normalised.personnummer_12 = persons.personnummer_12
),

validated as (
    select
        *,
        {{ quarantine_reason([
            ['visit_id is null', 'missing_value', 'besok_id'],
            ['rows_with_key_in_delivery > 1', 'duplicate_key_in_delivery', 'besok_id'],
            ['not is_valid_personnummer', 'invalid_personnummer', 'brukare_personnummer'],
            [is_invalid('planned_start_raw', 'planned_start_at'), 'invalid_timestamp', 'planerad_start'],
            ['planned_start_at is null', 'missing_value', 'planerad_start'],
            [is_invalid('performed_start_raw', 'performed_start_at'), 'invalid_timestamp', 'utford_start'],
            [is_invalid('performed_end_raw', 'performed_end_at'), 'invalid_timestamp', 'utford_slut'],
            ['performed_start_at is not null and performed_end_at is null', 'missing_value', 'utford_slut'],
            ['performed_start_at is null and performed_end_at is not null', 'missing_value', 'utford_start'],
            ['performed_end_at < performed_start_at', 'date_range_reversed', 'utford_slut'],
            ['performed_start_at is not null and staff_id is null', 'missing_value', 'personal_id'],
        ]) }}
    from checked
),

final as (
    select
        landed_row_key,
        source_file,
        line_number,
        delivery_stamp,
        delivered_on,
        visit_id,
        {{ accepted_person_columns('person_key', 'sex', 'birth_year', prefix='recipient_') }},
        staff_id,
        service_type,
        performed_start_at is not null as is_performed,
        planned_start_at,
        performed_start_at,
        performed_end_at,
        quarantine_reason,
        quarantine_detail,
        quarantine_reason is not null as is_quarantined
    from validated
)

select * from final
