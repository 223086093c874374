{#- The days of each monthly-paid employment inside the years the reporting range touches,
    cut into segments that never cross a month boundary nor a change of the unit's
    organisation version: within a segment every day belongs to the same month and the
    same förvaltning. A segment's days are counted, not listed: the working days come
    from a running count over dim_dates, which keeps this at about one row per
    employment-month (a daily grain is ~20 M rows at scale 1). Days on which the unit has
    no valid organisation row form segments of their own, attributed to UNMAPPED. -#}
with

employments as (
    select
        employment_id,
        unit_id,
        employment_rate_pct,
        full_time_hours_per_week,
        start_date,
        end_date
    from {{ ref('int_hr__employments_resolved') }}
    where
        is_current
        and employment_type in ('Tillsvidare', 'Visstid')
),

organisation_units as (
    select
        org_unit_version_id,
        unit_id,
        valid_from,
        effective_valid_to
    from {{ ref('dim_organisation_units') }}
),

dates as (
    select
        date_day,
        month_start_date,
        is_working_day
    from {{ ref('dim_dates') }}
),

reporting_years as (
    select
        min(period_start_date) as horizon_start_date,
        max(period_end_date) as horizon_end_date
    from {{ ref('int_reporting_periods') }}
    where period_type = 'year'
),

clipped as (
    select
        employments.employment_id,
        employments.unit_id,
        employments.employment_rate_pct,
        employments.full_time_hours_per_week,
        greatest(employments.start_date, reporting_years.horizon_start_date)
            as clipped_start_date,
        least(
            coalesce(employments.end_date, reporting_years.horizon_end_date),
            reporting_years.horizon_end_date
        ) as clipped_end_date
    from employments
    cross join reporting_years
    where
        employments.start_date <= reporting_years.horizon_end_date
        and coalesce(employments.end_date, reporting_years.horizon_end_date)
        >= reporting_years.horizon_start_date
),

month_starts as (
    select distinct month_start_date from dates
),

-- Every day on which something changes: the employment starts, a month starts, a
-- version of the unit starts, or the day after a version ends. Dates, not timestamps
-- (dateadd gives a timestamp): PostgreSQL cannot hash-join a timestamp to dim_dates'
-- date and fell back to a nested loop over every day for every segment.
boundaries as (
    select
        employment_id,
        clipped_start_date as boundary_date
    from clipped

    union

    select
        clipped.employment_id,
        month_starts.month_start_date as boundary_date
    from clipped
    inner join month_starts
        on
            clipped.clipped_start_date < month_starts.month_start_date
            and clipped.clipped_end_date >= month_starts.month_start_date

    union

    select
        clipped.employment_id,
        organisation_units.valid_from as boundary_date
    from clipped
    inner join organisation_units
        on
            clipped.unit_id = organisation_units.unit_id
            and clipped.clipped_start_date < organisation_units.valid_from
            and clipped.clipped_end_date >= organisation_units.valid_from

    union

    select
        clipped.employment_id,
        cast({{ dbt.dateadd('day', 1, 'organisation_units.effective_valid_to') }} as date)
            as boundary_date
    from clipped
    inner join organisation_units
        on
            clipped.unit_id = organisation_units.unit_id
            and clipped.clipped_start_date <= organisation_units.effective_valid_to
            and clipped.clipped_end_date > organisation_units.effective_valid_to
),

segments as (
    select
        boundaries.employment_id,
        clipped.unit_id,
        clipped.employment_rate_pct,
        clipped.full_time_hours_per_week,
        boundaries.boundary_date as segment_start_date,
        coalesce(
            cast({{ dbt.dateadd(
                'day', -1,
                'lead(boundaries.boundary_date) over (partition by boundaries.employment_id '
                ~ 'order by boundaries.boundary_date)'
            ) }} as date),
            clipped.clipped_end_date
        ) as segment_end_date
    from boundaries
    inner join clipped
        on boundaries.employment_id = clipped.employment_id
),

working_day_counts as (
    select
        date_day,
        month_start_date,
        is_working_day,
        sum(case when is_working_day then 1 else 0 end) over (
            order by date_day
            rows between unbounded preceding and current row
        ) as working_days_through
    from dates
),

attributed as (
    select
        segments.employment_id,
        segments.unit_id,
        org.org_unit_version_id,
        segment_start.month_start_date,
        segments.segment_start_date,
        segments.segment_end_date,
        segment_end.working_days_through - segment_start.working_days_through
        + case when segment_start.is_working_day then 1 else 0 end as working_days,
        -- Ordinary hours a working day: heltidsmått / 5 x sysselsättningsgrad / 100.
        cast(segments.full_time_hours_per_week as {{ type_double() }}) / 5
        * cast(segments.employment_rate_pct as {{ type_double() }}) / 100
            as ordinary_hours_per_working_day
    from segments
    inner join working_day_counts as segment_start
        on segments.segment_start_date = segment_start.date_day
    inner join working_day_counts as segment_end
        on segments.segment_end_date = segment_end.date_day
    left join organisation_units as org
        on {{ org_unit_on_date('org', 'unit_id', 'segments.unit_id', 'segments.segment_start_date') }}
),

final as (
    select
        employment_id || '|' || cast(segment_start_date as {{ dbt.type_string() }})
            as employment_segment_id,
        employment_id,
        unit_id,
        org_unit_version_id,
        working_days,
        ordinary_hours_per_working_day,
        working_days * ordinary_hours_per_working_day as ordinary_hours,
        month_start_date,
        segment_start_date,
        segment_end_date
    from attributed
)

select * from final
