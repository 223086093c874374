{{ resolve_latest_delivery('stg_ekonomi__budget_lines', ['landed_row_key']) }}
