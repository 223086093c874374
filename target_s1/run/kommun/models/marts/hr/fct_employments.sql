
    
      
    

    create  table
      "kommun"."marts"."fct_employments__dbt_tmp"
  
  (
    employment_id varchar,
    person_key varchar,
    unit_id varchar,
    sex varchar,
    job_title varchar,
    occupational_group varchar,
    employment_type varchar,
    birth_year integer,
    employment_rate_pct decimal(9,4),
    full_time_hours_per_week double,
    ordinary_hours_per_working_day double,
    monthly_salary_sek double,
    is_monthly_paid boolean,
    is_open_ended boolean,
    start_date date,
    end_date date
    
    )
 ;
    
    
    insert into "kommun"."marts"."fct_employments__dbt_tmp" 
  (
    
      
      
      employment_id ,
    
      
      
      person_key ,
    
      
      
      unit_id ,
    
      
      
      sex ,
    
      
      
      job_title ,
    
      
      
      occupational_group ,
    
      
      
      employment_type ,
    
      
      
      birth_year ,
    
      
      
      employment_rate_pct ,
    
      
      
      full_time_hours_per_week ,
    
      
      
      ordinary_hours_per_working_day ,
    
      
      
      monthly_salary_sek ,
    
      
      
      is_monthly_paid ,
    
      
      
      is_open_ended ,
    
      
      
      start_date ,
    
      
      
      end_date 
    
  )
 (
      
    select employment_id, person_key, unit_id, sex, job_title, occupational_group, employment_type, birth_year, employment_rate_pct, full_time_hours_per_week, ordinary_hours_per_working_day, monthly_salary_sek, is_monthly_paid, is_open_ended, start_date, end_date
    from (
        with

employments as (
    select
        employment_id,
        person_key,
        sex,
        birth_year,
        unit_id,
        job_title,
        occupational_group,
        employment_type,
        employment_rate_pct,
        full_time_hours_per_week,
        monthly_salary_sek,
        start_date,
        end_date
    from "kommun"."intermediate"."int_hr__employments_resolved"
    where is_current
),

final as (
    select
        cast(employment_id as TEXT) as employment_id,
        cast(person_key as TEXT) as person_key,
        cast(unit_id as TEXT) as unit_id,
        cast(sex as TEXT) as sex,
        cast(job_title as TEXT) as job_title,
        cast(occupational_group as TEXT) as occupational_group,
        cast(employment_type as TEXT) as employment_type,
        cast(birth_year as integer) as birth_year,
        cast(employment_rate_pct as decimal(9, 4)) as employment_rate_pct,
        cast(full_time_hours_per_week as double) as full_time_hours_per_week,
        cast(
            full_time_hours_per_week / 5 * employment_rate_pct / 100 as double
        ) as ordinary_hours_per_working_day,
        cast(monthly_salary_sek as double) as monthly_salary_sek,
        employment_type in ('Tillsvidare', 'Visstid') as is_monthly_paid,
        end_date is null as is_open_ended,
        cast(start_date as date) as start_date,
        cast(end_date as date) as end_date
    from employments
)

select * from final
    ) as model_subq
    );
  