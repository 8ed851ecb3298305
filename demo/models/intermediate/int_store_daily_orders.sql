{{ config(tags=['hourly']) }}

select
    store_id,
    order_date,
    count(*) as orders,
    count(*) filter (where order_status = 'cancelled') as cancelled_orders,
    sum(units) filter (where is_valid_order) as units,
    sum(order_amount_usd) filter (where is_valid_order) as revenue_usd,
    round(avg(hours_to_ship), 1) as avg_hours_to_ship
from {{ ref('int_orders_enriched') }}
group by store_id, order_date
