{{ quarantined_rows_of('stg_omsorg__visits', 'omsorg', 'besok') }}
