select
    id as product_id,
    sku,
    name as product_name,
    category_id,
    list_price_usd,
    unit_cost_usd,
    is_active,
    updated_at
from {{ source('shop', 'products') }}
