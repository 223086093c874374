{{ quarantined_rows_of('stg_ekonomi__ledger_entries', 'ekonomi', 'huvudbok') }}
union all
{{ quarantined_rows_of('stg_ekonomi__budget_lines', 'ekonomi', 'budget') }}
