{{ config(materialized='view') }}

-- The FX rate table as published to finance users, including months entered ahead of time.
select
    currency_code,
    cast(rate_date as date) as rate_month,
    cast(rate_to_usd as decimal(12, 6)) as rate_to_usd,
    round(1 / nullif(rate_to_usd, 0), 6) as units_per_usd,
    cast(rate_date as date) > cast('{{ var("as_of_date") }}' as date) as is_future_month
from {{ ref('fx_rates') }}
