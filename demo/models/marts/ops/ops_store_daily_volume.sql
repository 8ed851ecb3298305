select
    v.order_date,
    v.store_id,
    s.store_name,
    s.store_type,
    v.orders,
    v.cancelled_orders,
    v.units,
    v.revenue_usd,
    v.avg_hours_to_ship
from {{ ref('int_store_daily_orders') }} as v
join {{ ref('dim_stores') }} as s
    on s.store_id = v.store_id
