
    

    create  table
      "kommun"."intermediate"."int_master__organisation_units_resolved__dbt_tmp"
  
    
    as (
      with

staged as (
    select
        landed_row_key,
        source_file,
        line_number,
        delivery_stamp,
        delivered_on,
        ansvar,
        unit_id,
        unit_name,
        forvaltning_code,
        forvaltning_name,
        valid_from,
        valid_to
    from "kommun"."staging"."stg_master__organisation_units"
    where not is_quarantined
),

ranked as (
    select
        *,
        row_number() over (
            partition by ansvar, valid_from
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
    );
    
  