with revenue as (
    select
        store_id,
        sum(orders) as orders,
        sum(net_sales_usd) as net_sales_usd,
        sum(net_revenue_usd) as net_revenue_usd,
        sum(payment_fees_usd) as payment_fees_usd
    from {{ ref('fin_revenue_by_store') }}
    where month_start >= cast(date_trunc('month', {{ as_of_date() }} - interval 11 month) as date)
    group by store_id
),

volume as (
    select
        store_id,
        sum(cancelled_orders) as cancelled_orders,
        round(avg(avg_hours_to_ship), 1) as avg_hours_to_ship
    from {{ ref('ops_store_daily_volume') }}
    where order_date > {{ as_of_date() }} - interval 365 day
    group by store_id
)

select
    s.store_id,
    s.store_name,
    s.store_type,
    s.region,
    coalesce(r.orders, 0) as orders_last_12_months,
    coalesce(r.net_sales_usd, 0) as net_sales_usd_last_12_months,
    coalesce(r.net_revenue_usd, 0) as net_revenue_usd_last_12_months,
    coalesce(v.cancelled_orders, 0) as cancelled_orders_last_12_months,
    v.avg_hours_to_ship,
    rank() over (order by coalesce(r.net_revenue_usd, 0) desc) as revenue_rank
from {{ ref('dim_stores') }} as s
left join revenue as r
    on r.store_id = s.store_id
left join volume as v
    on v.store_id = s.store_id
