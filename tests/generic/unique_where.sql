{#- `column_name` (a column or a comma-separated list of columns: the business key) is
    unique among the rows that satisfy `condition`, e.g. `is_current` in a resolved model.
    Written here because dbt_utils is not installable (no package hub). -#}
{% test unique_where(model, column_name, condition='true') %}

select
    {{ column_name }},
    count(*) as rows_with_key
from {{ model }}
where {{ condition }}
group by {{ column_name }}
having count(*) > 1

{% endtest %}
