{{ quarantined_rows_of('stg_master__organisation_units', 'master', 'organisation') }}
