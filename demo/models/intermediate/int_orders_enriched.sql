with items as (
    select
        order_id,
        count(*) as item_count,
        sum(quantity) as units,
        sum(line_cost_usd) as cost_of_goods_usd
    from {{ ref('int_order_items_enriched') }}
    group by order_id
)

select
    o.order_id,
    o.customer_id,
    o.store_id,
    s.store_name,
    s.store_type,
    s.country_code as store_country_code,
    o.order_status,
    o.currency_code,
    o.promo_code,
    pr.promo_name,
    o.subtotal_amount,
    o.discount_amount,
    o.order_amount,
    fx.rate_to_usd,
    {{ to_usd('o.subtotal_amount', 'fx.rate_to_usd') }} as subtotal_amount_usd,
    {{ to_usd('o.discount_amount', 'fx.rate_to_usd') }} as discount_amount_usd,
    {{ to_usd('o.order_amount', 'fx.rate_to_usd') }} as order_amount_usd,
    coalesce(items.item_count, 0) as item_count,
    coalesce(items.units, 0) as units,
    coalesce(items.cost_of_goods_usd, 0) as cost_of_goods_usd,
    o.ordered_at,
    o.order_date,
    o.shipped_at,
    o.delivered_at,
    date_diff('hour', o.ordered_at, o.shipped_at) as hours_to_ship,
    date_diff('day', o.ordered_at, o.delivered_at) as days_to_deliver,
    o.order_status <> 'cancelled' as is_valid_order
from {{ ref('stg_shop__orders') }} as o
left join items
    on items.order_id = o.order_id
left join {{ ref('stg_ref__stores') }} as s
    on s.store_id = o.store_id
left join {{ ref('stg_ref__promotions') }} as pr
    on pr.promo_code = o.promo_code
{{ fx_rate_join('o.currency_code', 'o.order_date') }}
