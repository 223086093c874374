{{ resolve_latest_delivery('stg_hr__employments', ['employment_id']) }}
