{{ quarantined_rows_of('stg_hr__employments', 'hr', 'anstallningar') }}
union all
{{ quarantined_rows_of('stg_hr__absences', 'hr', 'franvaro') }}
