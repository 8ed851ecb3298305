select
    id as order_item_id,
    order_id,
    line_number,
    product_id,
    quantity,
    unit_price,
    quantity * unit_price as line_amount,
    upper(currency) as currency_code
from {{ source('shop', 'order_items') }}
