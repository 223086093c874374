{#- Each current, not cancelled `Sjuk` row with the spell it belongs to. A spell is the
    sick rows of one employment merged where they overlap or touch (the next row starts
    on or before the day after the latest end so far); it is long when the whole spell,
    unclipped by any period or employment, spans >= 60 calendar days inclusive
    (kpi-definitions.md, HR_LONG_SICK_SHARE_PCT; LKBR's "60 days or more"). An open-ended
    row (empty till_datum) keeps its spell open: such a spell has no length and counts as
    long, because it has already lasted as long as anything we can observe. -#}
with

absences as (
    select
        absence_id,
        employment_id,
        extent_pct,
        start_date,
        end_date
    from {{ ref('int_hr__absences_resolved') }}
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
            when start_date > {{ dbt.dateadd('day', 1, 'previous_latest_end_date') }} then 1
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
        max(case when end_date is null then 1 else 0 end) as has_open_row,
        -- dbt's datediff expands to one long line on DuckDB.
        {{ dbt.datediff('min(start_date)', 'max(effective_end_date)', 'day') }} + 1  -- noqa: LT05
            as spell_length_days
    from numbered
    group by employment_id, spell_number
),

final as (
    select
        numbered.absence_id,
        numbered.employment_id || '|' || cast(spell_bounds.spell_start_date as {{ dbt.type_string() }})
            as sick_spell_id,
        numbered.employment_id,
        numbered.extent_pct,
        case
            when spell_bounds.has_open_row = 0 then spell_bounds.spell_length_days
        end as spell_length_days,
        spell_bounds.has_open_row = 1 or spell_bounds.spell_length_days >= 60 as is_long_spell,
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
