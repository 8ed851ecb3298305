select
    h.product_id,
    p.product_name,
    p.category_name,
    h.list_price_usd,
    h.unit_cost_usd,
    h.valid_from,
    h.valid_to,
    h.is_current
from {{ ref('int_product_price_history') }} as h
join {{ ref('dim_products') }} as p
    on p.product_id = h.product_id
