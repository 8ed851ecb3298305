with spend as (
    select
        case channel when 'paid_search' then 'Paid search' when 'paid_social' then 'Paid social' end as channel_group,
        sum(spend_usd) as spend_usd,
        sum(clicks) as clicks
    from {{ ref('mkt_campaign_performance') }}
    group by all
),

revenue as (
    select channel_group, count(*) as attributed_orders, sum(order_amount_usd) as attributed_revenue_usd
    from {{ ref('int_order_attribution') }}
    group by channel_group
)

select
    r.channel_group,
    r.attributed_orders,
    r.attributed_revenue_usd,
    coalesce(s.spend_usd, 0) as spend_usd,
    coalesce(s.clicks, 0) as clicks,
    round({{ safe_divide('r.attributed_revenue_usd', 's.spend_usd') }}, 4) as roas
from revenue as r
left join spend as s
    on s.channel_group = r.channel_group
