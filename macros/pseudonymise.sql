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

{#- Spark: the key comes from the environment of Spark's driver, hex-encoded, through
    Spark SQL's variable substitution (`${env:...}` is replaced before the statement is
    parsed), so compiled SQL, dbt's logs and the docs hold only the reference. Hex keeps any
    key (quotes, backslashes, `${`) from changing the SQL; the bytes hashed are the same
    UTF-8 `key|pnr` as on DuckDB and PostgreSQL. No key: the build fails (raise_error)
    instead of hashing without one. scripts/build_spark.sh sets the variable from
    PSEUDONYM_KEY; var `spark_pseudonym_key_ref` names another conf on a cluster. -#}
{% macro spark__pseudonymise(pnr12) -%}
    {%- set ref = var('spark_pseudonym_key_ref', 'env:KOMMUN_PSEUDONYM_KEY_HEX') -%}
    sha2(concat(
        coalesce(unhex('${ {{- ref -}} }'), raise_error('pseudonym key is not set ({{ ref }})')),
        encode(concat('|', {{ pnr12 }}), 'UTF-8')
    ), 256)
{%- endmacro %}
