{{ config(tags=['finance']) }}

select
    currency_code,
    cast(rate_date as date) as rate_month,
    cast(rate_to_usd as decimal(12, 6)) as rate_to_usd
from {{ ref('fx_rates') }}
where cast(rate_date as date) <= cast('{{ var("as_of_date") }}' as date)
