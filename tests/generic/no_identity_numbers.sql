{#- The personnummer scan (tests/assert_no_personnummer_past_staging.sql) of one model's
    string columns, run as soon as the model is built; the end-of-build scan then leaves the
    model out. For a large model, so that its scan runs beside the models built from it. -#}
{% test no_identity_numbers(model) %}

{%- set scanned_columns = identity_scan_columns(model) if execute else [] %}
{{ identity_number_scan(scanned_columns) }}

{% endtest %}
