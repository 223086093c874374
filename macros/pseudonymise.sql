{#- A keyed pseudonym (person_key) of a normalised 12-digit personnummer: SHA-256 over the
    secret key and the number. An unkeyed hash could be reversed by trying every number.
    The key is a session variable set by the landing plugin from PSEUDONYM_KEY, so it never
    appears in compiled SQL, logs or docs. -#}
{% macro pseudonymise(pnr12) -%}
    {{ return(adapter.dispatch('pseudonymise', 'kommun')(pnr12)) }}
{%- endmacro %}

{% macro default__pseudonymise(pnr12) -%}
    sha256(
        coalesce(getvariable('pseudonym_key'), error('pseudonym key is not set'))
        || '|' || {{ pnr12 }}
    )
{%- endmacro %}

{% macro postgres__pseudonymise(pnr12) -%}
    encode(sha256(convert_to(
        current_setting('kommun.pseudonym_key') || '|' || {{ pnr12 }}, 'UTF8'
    )), 'hex')
{%- endmacro %}
