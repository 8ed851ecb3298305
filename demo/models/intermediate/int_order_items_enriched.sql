select
    ip.order_item_id,
    ip.order_id,
    o.customer_id,
    o.store_id,
    o.order_date,
    o.order_status,
    ip.product_id,
    ip.product_name,
    ip.category_id,
    ip.category_name,
    ip.department,
    ip.quantity,
    ip.unit_price,
    ip.line_amount,
    ip.currency_code,
    {{ to_usd('ip.line_amount', 'fx.rate_to_usd') }} as line_amount_usd,
    ip.line_cost_usd,
    {{ to_usd('ip.line_amount', 'fx.rate_to_usd') }} - ip.line_cost_usd as line_margin_usd
from {{ ref('int_order_items_priced') }} as ip
join {{ ref('stg_shop__orders') }} as o
    on o.order_id = ip.order_id
{{ fx_rate_join('ip.currency_code', 'o.order_date') }}
