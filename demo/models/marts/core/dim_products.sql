with price_changes as (
    select product_id, count(*) - 1 as price_change_count
    from {{ ref('int_product_price_history') }}
    group by product_id
)

select
    p.product_id,
    p.sku,
    p.product_name,
    p.category_id,
    c.category_name,
    c.department,
    p.list_price_usd,
    p.unit_cost_usd,
    p.list_price_usd - p.unit_cost_usd as unit_margin_usd,
    p.is_active,
    coalesce(pc.price_change_count, 0) as price_change_count
from {{ ref('stg_shop__products') }} as p
left join {{ ref('stg_ref__product_categories') }} as c
    on c.category_id = p.category_id
left join price_changes as pc
    on pc.product_id = p.product_id
