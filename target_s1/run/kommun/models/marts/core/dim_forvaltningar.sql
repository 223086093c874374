
    
      
    

    create  table
      "kommun"."marts"."dim_forvaltningar__dbt_tmp"
  
  (
    forvaltning_code varchar,
    forvaltning_name varchar,
    is_unmapped boolean
    
    )
 ;
    
    
    insert into "kommun"."marts"."dim_forvaltningar__dbt_tmp" 
  (
    
      
      
      forvaltning_code ,
    
      
      
      forvaltning_name ,
    
      
      
      is_unmapped 
    
  )
 (
      
    select forvaltning_code, forvaltning_name, is_unmapped
    from (
        with

units as (
    select
        forvaltning_code,
        forvaltning_name,
        valid_from
    from "kommun"."marts"."dim_organisation_units"
),

ranked as (
    select
        forvaltning_code,
        forvaltning_name,
        row_number() over (
            partition by forvaltning_code
            order by valid_from desc, forvaltning_name
        ) as name_rank
    from units
),

named as (
    select
        forvaltning_code,
        forvaltning_name,
        false as is_unmapped
    from ranked
    where name_rank = 1

    union all

    select
        'UNMAPPED' as forvaltning_code,
        'Ej kopplad till organisationen' as forvaltning_name,
        true as is_unmapped
),

final as (
    select
        cast(forvaltning_code as TEXT) as forvaltning_code,
        cast(forvaltning_name as TEXT) as forvaltning_name,
        is_unmapped
    from named
)

select * from final
    ) as model_subq
    );
  