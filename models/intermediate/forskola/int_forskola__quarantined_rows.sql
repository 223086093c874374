{{ quarantined_rows_of('stg_forskola__applications', 'forskola', 'ansokningar') }}
