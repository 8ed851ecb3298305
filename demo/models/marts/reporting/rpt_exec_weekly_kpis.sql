-- The Monday exec email: one row per week, several layers downstream of every source.
with revenue as (
    select
        week_start,
        sum(orders) as orders,
        sum(net_sales_usd) as net_sales_usd,
        sum(net_revenue_usd) as net_revenue_usd,
        sum(cash_collected_usd) as cash_collected_usd
    from {{ ref('fin_daily_revenue') }}
    group by week_start
),

funnel as (
    select
        cast(date_trunc('week', date_day) as date) as week_start,
        sum(sessions) as sessions,
        sum(purchase_sessions) as purchase_sessions
    from {{ ref('mkt_funnel_daily') }}
    group by all
),

new_customers as (
    select cast(date_trunc('week', first_order_date) as date) as week_start, count(*) as new_customers
    from {{ ref('dim_customers') }}
    where first_order_date is not null
    group by all
)

select
    r.week_start,
    r.orders,
    r.net_sales_usd,
    r.net_revenue_usd,
    r.cash_collected_usd,
    coalesce(f.sessions, 0) as sessions,
    round({{ safe_divide('coalesce(f.purchase_sessions, 0)', 'f.sessions') }}, 4) as web_conversion_rate,
    coalesce(n.new_customers, 0) as new_customers,
    sla.ship_sla_rate
from revenue as r
left join funnel as f
    on f.week_start = r.week_start
left join new_customers as n
    on n.week_start = r.week_start
left join {{ ref('ops_fulfillment_sla') }} as sla
    on sla.week_start = r.week_start
