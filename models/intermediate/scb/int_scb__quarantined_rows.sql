{{ quarantined_rows_of('stg_scb__population', 'scb', 'befolkning') }}
