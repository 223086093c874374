{{ resolve_latest_delivery('stg_hr__absences', ['absence_id']) }}
