select
    order_item_id,
    order_id,
    customer_id,
    store_id,
    order_date,
    order_status,
    product_id,
    category_id,
    category_name,
    department,
    quantity,
    line_amount_usd,
    line_cost_usd,
    line_margin_usd
from {{ ref('int_order_items_enriched') }}
where order_status <> 'cancelled'
