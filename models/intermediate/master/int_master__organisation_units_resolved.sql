{{ resolve_latest_delivery('stg_master__organisation_units', ['ansvar', 'valid_from']) }}
