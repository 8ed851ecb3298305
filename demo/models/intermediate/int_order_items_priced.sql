{{ config(materialized='ephemeral') }}

-- order lines with product and category attributes; inlined as a CTE wherever it is used
select
    i.order_item_id,
    i.order_id,
    i.line_number,
    i.product_id,
    p.product_name,
    p.category_id,
    c.category_name,
    c.department,
    i.quantity,
    i.unit_price,
    i.line_amount,
    i.currency_code,
    p.unit_cost_usd,
    p.unit_cost_usd * i.quantity as line_cost_usd
from {{ ref('stg_shop__order_items') }} as i
join {{ ref('stg_shop__products') }} as p
    on p.product_id = i.product_id
left join {{ ref('stg_ref__product_categories') }} as c
    on c.category_id = p.category_id
