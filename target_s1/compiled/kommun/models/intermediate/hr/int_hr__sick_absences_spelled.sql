with

absences as (
    select
        absence_id,
        employment_id,
        extent_pct,
        start_date,
        end_date
    from "kommun"."intermediate"."int_hr__absences_resolved"
    where
        is_current
        and not is_cancelled
        and absence_type = 'Sjuk'
),

with_effective_end as (
    select
        absence_id,
        employment_id,
        extent_pct,
        start_date,
        end_date,
        coalesce(end_date, cast('9999-12-31' as date)) as effective_end_date
    from absences
),

with_previous_end as (
    select
        absence_id,
        employment_id,
        extent_pct,
        start_date,
        end_date,
        effective_end_date,
        max(effective_end_date) over (
            partition by employment_id
            order by start_date, effective_end_date, absence_id
            rows between unbounded preceding and 1 preceding
        ) as previous_latest_end_date
    from with_effective_end
),

flagged as (
    select
        absence_id,
        employment_id,
        extent_pct,
        start_date,
        end_date,
        effective_end_date,
        case
            when previous_latest_end_date is null then 1
            when start_date > 

    (previous_latest_end_date + cast(1 as bigint) * interval 1 day) then 1
            else 0
        end as starts_spell
    from with_previous_end
),

numbered as (
    select
        absence_id,
        employment_id,
        extent_pct,
        start_date,
        end_date,
        effective_end_date,
        sum(starts_spell) over (
            partition by employment_id
            order by start_date, effective_end_date, absence_id
            rows between unbounded preceding and current row
        ) as spell_number
    from flagged
),

spell_bounds as (
    select
        employment_id,
        spell_number,
        min(start_date) as spell_start_date,
        max(effective_end_date) as spell_effective_end_date,
        max(case when end_date is null then 1 else 0 end) as has_open_row
    from numbered
    group by employment_id, spell_number
),

final as (
    select
        numbered.absence_id,
        numbered.employment_id || '|' || cast(spell_bounds.spell_start_date as TEXT)
            as sick_spell_id,
        numbered.employment_id,
        numbered.extent_pct,
        case
            when spell_bounds.has_open_row = 1 then null
            else 
        (date_diff('day', spell_bounds.spell_start_date::timestamp, spell_bounds.spell_effective_end_date::timestamp ))
     + 1
        end as spell_length_days,
        spell_bounds.has_open_row = 1
        or 
        (date_diff('day', spell_bounds.spell_start_date::timestamp, spell_bounds.spell_effective_end_date::timestamp ))
     + 1
        >= 60 as is_long_spell,
        spell_bounds.has_open_row = 1 as is_open_spell,
        numbered.start_date,
        numbered.end_date,
        numbered.effective_end_date,
        spell_bounds.spell_start_date,
        case
            when spell_bounds.has_open_row = 0 then spell_bounds.spell_effective_end_date
        end as spell_end_date
    from numbered
    inner join spell_bounds
        on
            numbered.employment_id = spell_bounds.employment_id
            and numbered.spell_number = spell_bounds.spell_number
)

select * from final