select
    o.order_id,
    o.customer_id,
    o.store_id,
    o.store_type,
    o.order_status,
    o.is_valid_order,
    o.promo_code,
    o.currency_code,
    o.order_amount,
    o.subtotal_amount_usd,
    o.discount_amount_usd,
    o.order_amount_usd,
    o.cost_of_goods_usd,
    o.item_count,
    o.units,
    p.paid_amount_usd,
    p.refunded_amount_usd,
    p.net_paid_amount_usd,
    p.payment_fees_usd,
    p.failed_payment_attempts,
    a.channel_group as attributed_channel_group,
    a.utm_campaign as attributed_utm_campaign,
    o.ordered_at,
    o.order_date,
    o.shipped_at,
    o.delivered_at,
    o.hours_to_ship,
    o.days_to_deliver
from {{ ref('int_orders_enriched') }} as o
left join {{ ref('int_order_payments') }} as p
    on p.order_id = o.order_id
left join {{ ref('int_order_attribution') }} as a
    on a.order_id = o.order_id
