{#- Privacy rule (source-contract.md): no personnummer past staging. At run time, every
    string column of every table in every schema except `staging` and `landing` (and the
    catalogs) is scanned for a value containing a personnummer: 6 or 8 digits, an optional
    `-` or `+`, 4 digits (`[0-9]{6}([0-9]{2})?[-+]?[0-9]{4}`), not part of a longer run of
    digits, that is also a valid personnummer by the platform's own rule (a real date of
    birth, samordningsnummer day + 60 included, and a Luhn check digit; the macros
    personnummer_to_12 and personnummer_is_valid). The pattern alone is not enough: source
    systems' ids such as voucher `202304000708` or visit `B2021010000038` are long digit
    runs, and would fail every build. Only the first candidate in a value is checked.
    A keyed pseudonym (a SHA-256 hex digest, exactly 64 hex characters) is not scanned.
    A digit-only id of exactly 10 or 12 digits can still be a valid personnummer by chance
    (the ledger's voucher numbers (period + sequence) are: `202112900001` reads as a
    samordningsnummer). Such a column is declared in its model's YAML with
    `meta: {identity_number_scan: skip}` and a description saying why; it is not scanned.

    The test returns one row per offending column with the number of matching values, not
    the values themselves, so that a failure does not copy personnummer into logs or into
    a --store-failures table. Zero rows (also when no string column exists) = pass.

    A model that carries the generic test no_identity_numbers (tests/generic) is scanned by
    that test, as soon as it is built, and not again here (the 11 M resolved visits).

    The refs below only order the test after the models it scans (every intermediate
    model feeds these marts); add new marts here when they are created. -#}
-- depends_on: {{ ref('quarantined_rows') }}
-- depends_on: {{ ref('fct_landing_deliveries') }}
-- depends_on: {{ ref('kpi_values_finance') }}
-- depends_on: {{ ref('fct_forecast_errors') }}
-- depends_on: {{ ref('dim_accounts') }}
-- depends_on: {{ ref('dim_organisation_units') }}
-- depends_on: {{ ref('dim_districts') }}
-- depends_on: {{ ref('fct_population') }}
-- depends_on: {{ ref('int_reporting_periods') }}
-- depends_on: {{ ref('fct_building_permit_cases') }}
-- depends_on: {{ ref('fct_preschool_applications') }}
-- depends_on: {{ ref('fct_homecare_visits') }}
-- depends_on: {{ ref('fct_homecare_visit_days') }}
-- depends_on: {{ ref('fct_homecare_recipient_months') }}
-- depends_on: {{ ref('fct_homecare_months') }}
-- depends_on: {{ ref('fct_homecare_continuity') }}
-- depends_on: {{ ref('fct_homecare_demand_capacity') }}
-- depends_on: {{ ref('fct_homecare_hours_projections') }}
-- depends_on: {{ ref('kpi_values_services') }}
-- depends_on: {{ ref('dim_persons') }}
-- depends_on: {{ ref('fct_employments') }}
-- depends_on: {{ ref('fct_sick_spells') }}
-- depends_on: {{ ref('fct_employment_months') }}
-- depends_on: {{ ref('fct_employment_month_ends') }}
-- depends_on: {{ ref('fct_tillsvidare_exits') }}
-- depends_on: {{ ref('fct_hr_unit_months') }}
-- depends_on: {{ ref('fct_hr_sick_leave_groups') }}
-- depends_on: {{ ref('kpi_values_hr') }}
-- depends_on: {{ ref('kpi_values') }}

{%- set scanned_columns = identity_scan_columns() if execute else [] %}
{{ identity_number_scan(scanned_columns) }}
