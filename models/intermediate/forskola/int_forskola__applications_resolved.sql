{{ resolve_latest_delivery('stg_forskola__applications', ['application_id']) }}
