{#- The accepted rows of a staging model with delivery resolution applied: per key, the row
    from the latest delivery (by the stamp in its file name) is current, earlier ones are
    superseded. Quarantined rows take no part: a broken correction leaves the previous
    version of the record standing. -#}
{% macro resolve_latest_delivery(staging_model, key_columns) -%}
with

staged as (
    select
        {{ star_except(ref(staging_model), ['quarantine_reason', 'quarantine_detail', 'is_quarantined']) }}
    from {{ ref(staging_model) }}
    where not is_quarantined
),

ranked as (
    select
        *,
        row_number() over (
            partition by {{ key_columns | join(', ') }}
            order by delivery_stamp desc
        ) as delivery_rank
    from staged
),

final as (
    select
        *,
        delivery_rank = 1 as is_current
    from ranked
)

select * from final
{%- endmacro %}
