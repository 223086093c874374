{#- The landing plugin counts each recognised file's data lines on its own; staging must
    hold exactly that many rows of the file (no line lost or read twice). -#}
select
    source_file,
    rows_in_file,
    rows_landed
from {{ ref('fct_landing_deliveries') }}
where is_recognised
    and rows_in_file <> rows_landed
