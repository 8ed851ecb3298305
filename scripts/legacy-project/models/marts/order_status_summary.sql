{{ config(materialized='view') }}

select
    status,
    count(*) as order_count,
    sum(amount) as amount
from {{ ref('fct_orders') }}
group by 1
