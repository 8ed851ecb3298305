-- Weekly fulfilment SLA: ship within 48 hours, deliver within 5 days of the order.
select
    cast(date_trunc('week', order_date) as date) as week_start,
    count(*) as orders,
    count(*) filter (where shipped_at is not null) as shipped_orders,
    count(*) filter (where hours_to_ship <= 48) as shipped_within_sla,
    count(*) filter (where days_to_deliver <= 5) as delivered_within_sla,
    round({{ safe_divide('count(*) filter (where hours_to_ship <= 48)', 'count(*) filter (where shipped_at is not null)') }}, 4) as ship_sla_rate,
    round(avg(hours_to_ship), 1) as avg_hours_to_ship
from {{ ref('int_orders_enriched') }}
where is_valid_order
group by all
