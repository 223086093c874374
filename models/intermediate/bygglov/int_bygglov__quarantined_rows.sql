{{ quarantined_rows_of('stg_bygglov__cases', 'bygglov', 'arenden') }}
