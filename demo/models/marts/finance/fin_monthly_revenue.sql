with revenue as (
    select
        month_start,
        sum(orders) as orders,
        sum(gross_sales_usd) as gross_sales_usd,
        sum(discounts_usd) as discounts_usd,
        sum(net_sales_usd) as net_sales_usd,
        sum(refunds_usd) as refunds_usd,
        sum(net_revenue_usd) as net_revenue_usd,
        sum(cash_collected_usd) as cash_collected_usd,
        sum(payment_fees_usd) as payment_fees_usd
    from {{ ref('fin_daily_revenue') }}
    group by month_start
),

margin as (
    select month_start, sum(cost_of_goods_usd) as cost_of_goods_usd
    from {{ ref('fin_gross_margin') }}
    group by month_start
)

select
    r.*,
    coalesce(m.cost_of_goods_usd, 0) as cost_of_goods_usd,
    r.net_sales_usd - coalesce(m.cost_of_goods_usd, 0) - r.payment_fees_usd as contribution_margin_usd,
    round({{ safe_divide('r.net_sales_usd - coalesce(m.cost_of_goods_usd, 0)', 'r.net_sales_usd') }}, 4) as gross_margin_pct
from revenue as r
left join margin as m
    on m.month_start = r.month_start
