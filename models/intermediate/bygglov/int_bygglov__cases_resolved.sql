{{ resolve_latest_delivery('stg_bygglov__cases', ['case_id']) }}
