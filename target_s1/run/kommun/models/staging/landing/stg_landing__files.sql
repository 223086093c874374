
    

    create  table
      "kommun"."staging"."stg_landing__files__dbt_tmp"
  
    
    as (
      with

source as (
    select * from "kommun"."landing"."files"
),

final as (
    select
        source_file,
        source_system,
        entity,
        delivery_stamp,
        file_status,
        cast(size_bytes as bigint) as file_size_bytes,
        cast(data_lines as bigint) as data_lines,
        file_status <> 'unrecognised_file' as is_recognised,
        cast(delivered_on as date) as delivered_on
    from source
)

select * from final
    );
    
  