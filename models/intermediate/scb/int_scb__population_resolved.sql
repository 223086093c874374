{{ resolve_latest_delivery('stg_scb__population', ['population_year', 'district_code', 'sex', 'age_label']) }}
