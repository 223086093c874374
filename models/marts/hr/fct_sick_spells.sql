{#- One row per sick spell: the current, not cancelled `Sjuk` rows of one employment
    merged where they overlap or touch. Length and the long/short class are of the whole
    spell, unclipped by period or employment (kpi-definitions.md, HR_LONG_SICK_SHARE_PCT). -#}
with

spelled as (
    select
        sick_spell_id,
        employment_id,
        extent_pct,
        spell_length_days,
        is_long_spell,
        is_open_spell,
        spell_start_date,
        spell_end_date
    from {{ ref('int_hr__sick_absences_spelled') }}
),

employments as (
    select
        employment_id,
        person_key
    from {{ ref('int_hr__employments_resolved') }}
    where is_current
),

spells as (
    select
        sick_spell_id,
        employment_id,
        spell_length_days,
        is_long_spell,
        is_open_spell,
        spell_start_date,
        spell_end_date,
        count(*) as absence_rows,
        max(extent_pct) as max_extent_pct
    from spelled
    group by
        sick_spell_id,
        employment_id,
        spell_length_days,
        is_long_spell,
        is_open_spell,
        spell_start_date,
        spell_end_date
),

final as (
    select
        cast(spells.sick_spell_id as {{ dbt.type_string() }}) as sick_spell_id,
        cast(spells.employment_id as {{ dbt.type_string() }}) as employment_id,
        cast(employments.person_key as {{ dbt.type_string() }}) as person_key,
        cast(
            case when spells.is_long_spell then 'long' else 'short' end
            as {{ dbt.type_string() }}
        ) as spell_class,
        cast(spells.absence_rows as integer) as absence_rows,
        cast(spells.spell_length_days as integer) as spell_length_days,
        cast(spells.max_extent_pct as {{ type_double() }}) as max_extent_pct,
        spells.is_long_spell,
        spells.is_open_spell,
        cast(spells.spell_start_date as date) as spell_start_date,
        cast(spells.spell_end_date as date) as spell_end_date
    from spells
    left join employments
        on spells.employment_id = employments.employment_id
)

select * from final
