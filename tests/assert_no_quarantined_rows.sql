{#- A quarantined row is a warning, not an error (source-contract.md, "Bad input" 4): this
    test returns every quarantined row, so each build warns with their count. The rows
    themselves, with file, line and reason, are in marts.quarantined_rows. -#}
{{ config(severity='warn') }}

select
    quarantined_row_key,
    source_system,
    entity,
    source_file,
    line_number,
    reason
from {{ ref('quarantined_rows') }}
