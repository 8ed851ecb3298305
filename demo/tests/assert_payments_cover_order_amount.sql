-- Completed and returned orders must be paid in full (within a cent per payment of FX rounding).
-- Orders placed on the as_of_date itself may still have their payment land the next day.
select
    order_id,
    order_amount_usd,
    paid_amount_usd,
    order_amount_usd - paid_amount_usd as difference_usd
from {{ ref('fct_orders') }}
where order_status in ('completed', 'returned')
  and order_date < cast('{{ var("as_of_date") }}' as date)
  and abs(order_amount_usd - paid_amount_usd) > 0.05
