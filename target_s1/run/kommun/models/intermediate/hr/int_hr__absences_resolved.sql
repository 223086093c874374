
    

    create  table
      "kommun"."intermediate"."int_hr__absences_resolved__dbt_tmp"
  
    
    as (
      with

staged as (
    select
        landed_row_key,
        source_file,
        line_number,
        delivery_stamp,
        delivered_on,
        absence_id,
        employment_id,
        absence_type,
        extent_pct,
        is_cancelled,
        start_date,
        end_date
    from "kommun"."staging"."stg_hr__absences"
    where not is_quarantined
),

ranked as (
    select
        *,
        row_number() over (
            partition by absence_id
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
    
  