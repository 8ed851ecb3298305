{{ config(tags=['finance']) }}

-- We never refund more than we collected for an order.
select order_id, paid_amount_usd, refunded_amount_usd
from {{ ref('int_order_payments') }}
where refunded_amount_usd > paid_amount_usd + 0.05
