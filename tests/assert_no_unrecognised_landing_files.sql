{{ config(severity='warn') }}
{#- A file below the landing root that matches no entity of the contract is not read; it is
    listed here (a warning) so that a misnamed delivery is noticed, never silently ignored. -#}
select
    source_file,
    file_size_bytes
from {{ ref('fct_landing_deliveries') }}
where not is_recognised
