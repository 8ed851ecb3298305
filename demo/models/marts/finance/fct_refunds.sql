select
    r.refund_id,
    r.order_id,
    o.customer_id,
    o.store_id,
    r.refund_reason,
    r.currency_code,
    r.refund_amount,
    r.refund_amount_usd,
    r.refunded_at,
    r.refunded_on
from {{ ref('int_refunds_converted') }} as r
left join {{ ref('int_orders_enriched') }} as o
    on o.order_id = r.order_id
