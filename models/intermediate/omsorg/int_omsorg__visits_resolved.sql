{{ resolve_latest_delivery('stg_omsorg__visits', ['visit_id']) }}
