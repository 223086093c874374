{#- The Kommun-Bas accounts: the seed's chart, plus every account the ledger or the budget
    uses that the seed lacks (class and group read from its digits, name unknown), so that
    every fact row finds its account here and a gap in the seed shows up as a named row
    instead of a broken join. -#}
with

seeded_accounts as (
    select
        account_code,
        account_name,
        account_class,
        account_class_name,
        account_group,
        account_group_name
    from {{ ref('kommunbas_accounts') }}
),

ledger_accounts as (
    select distinct account_code
    from {{ ref('int_ekonomi__ledger_entries_resolved') }}
),

budget_accounts as (
    select distinct account_code
    from {{ ref('int_ekonomi__budget_lines_resolved') }}
),

used_accounts as (
    select account_code from ledger_accounts
    union
    select account_code from budget_accounts
),

unseeded_accounts as (
    select
        used_accounts.account_code,
        'Okänt konto (saknas i Kommun-Bas-seeden)' as account_name,
        substr(used_accounts.account_code, 1, 1) as account_class,
        cast(null as {{ dbt.type_string() }}) as account_class_name,
        substr(used_accounts.account_code, 1, 2) as account_group,
        cast(null as {{ dbt.type_string() }}) as account_group_name
    from used_accounts
    left join seeded_accounts
        on used_accounts.account_code = seeded_accounts.account_code
    where seeded_accounts.account_code is null
),

all_accounts as (
    select
        *,
        true as is_in_seed
    from seeded_accounts
    union all
    select
        *,
        false as is_in_seed
    from unseeded_accounts
),

final as (
    select
        cast(account_code as {{ dbt.type_string() }}) as account_code,
        cast(account_name as {{ dbt.type_string() }}) as account_name,
        cast(account_class as {{ dbt.type_string() }}) as account_class,
        cast(account_class_name as {{ dbt.type_string() }}) as account_class_name,
        cast(account_group as {{ dbt.type_string() }}) as account_group,
        cast(account_group_name as {{ dbt.type_string() }}) as account_group_name,
        cast(
            case
                when account_class in ('1', '2') then 'balance'
                when account_class = '3' then 'revenue'
                when account_class in ('4', '5', '6', '7') then 'cost'
                -- Class 8: tax, grants and financial income are revenue; equalisation
                -- fees and financial costs are costs.
                when account_group in ('80', '81', '82', '84') then 'revenue'
                when account_group in ('83', '85') then 'cost'
                else 'unknown'
            end as {{ dbt.type_string() }}
        ) as cost_or_revenue,
        cast(
            case
                when account_class in ('1', '2') then 'balance_sheet'
                when account_class in ('3', '4', '5', '6', '7') then 'operating'
                when account_group in ('80', '81', '82', '83') then 'tax_and_equalisation'
                when account_group in ('84', '85') then 'financial'
                else 'unknown'
            end as {{ dbt.type_string() }}
        ) as result_category,
        cast(account_class in ('3', '4', '5', '6', '7') as boolean) as is_net_cost_account,
        cast(is_in_seed as boolean) as is_in_seed
    from all_accounts
)

select * from final
