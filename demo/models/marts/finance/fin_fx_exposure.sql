{{ config(materialized='view') }}

with monthly as (
    select
        cast(date_trunc('month', paid_on) as date) as month_start,
        currency_code,
        count(*) as payments,
        sum(amount) as amount_local,
        sum(amount_usd) as amount_usd
    from {{ ref('fct_payments') }}
    where payment_status = 'succeeded'
    group by all
)

select
    *,
    round({{ safe_divide('amount_usd', 'sum(amount_usd) over (partition by month_start)') }}, 4) as share_of_month
from monthly
