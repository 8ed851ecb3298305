select
    p.payment_id,
    p.order_id,
    o.customer_id,
    o.store_id,
    p.payment_method,
    p.payment_method_name,
    p.payment_provider,
    p.payment_status,
    p.currency_code,
    p.amount,
    p.amount_usd,
    p.processing_fee_usd,
    p.paid_at,
    p.paid_on
from {{ ref('int_payments_converted') }} as p
left join {{ ref('int_orders_enriched') }} as o
    on o.order_id = p.order_id
