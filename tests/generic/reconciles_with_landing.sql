{#- The reconciliation rule of the landing contract, per delivery file of one entity:
    rows landed (staging, one row per data line) = rows accepted (current in the resolved
    model) + rows quarantined (the quarantine model, this entity) + rows superseded (not
    current in the resolved model). Applied to the resolved model of each entity. Returns
    one row per file where the counts disagree, or where a row appears in both the resolved
    and the quarantine model, so a row lost or counted twice fails the build. -#}
{% test reconciles_with_landing(model, staging_model, quarantine_model, entity) %}

with

landed as (
    select
        source_file,
        count(*) as rows_landed
    from {{ staging_model }}
    group by source_file
),

resolved as (
    select
        source_file,
        sum(case when is_current then 1 else 0 end) as rows_accepted,
        sum(case when is_current then 0 else 1 end) as rows_superseded
    from {{ model }}
    group by source_file
),

quarantined as (
    select
        source_file,
        count(*) as rows_quarantined
    from {{ quarantine_model }}
    where entity = '{{ entity }}'
    group by source_file
),

counted_twice as (
    select
        resolved_rows.source_file,
        count(*) as rows_counted_twice
    from {{ model }} as resolved_rows
    inner join {{ quarantine_model }} as quarantined_rows
        on resolved_rows.landed_row_key = quarantined_rows.quarantined_row_key
    group by resolved_rows.source_file
),

compared as (
    select
        coalesce(landed.source_file, resolved.source_file, quarantined.source_file)
            as source_file,
        coalesce(landed.rows_landed, 0) as rows_landed,
        coalesce(resolved.rows_accepted, 0) as rows_accepted,
        coalesce(quarantined.rows_quarantined, 0) as rows_quarantined,
        coalesce(resolved.rows_superseded, 0) as rows_superseded
    from landed
    full outer join resolved
        on landed.source_file = resolved.source_file
    full outer join quarantined
        on coalesce(landed.source_file, resolved.source_file) = quarantined.source_file
),

final as (
    select
        compared.*,
        coalesce(counted_twice.rows_counted_twice, 0) as rows_counted_twice
    from compared
    left join counted_twice
        on compared.source_file = counted_twice.source_file
)

select * from final
where rows_landed <> rows_accepted + rows_quarantined + rows_superseded
    or rows_counted_twice > 0

{% endtest %}
