with spend as (
    select
        campaign_id,
        any_value(campaign_name) as campaign_name,
        any_value(platform) as platform,
        any_value(channel) as channel,
        any_value(utm_campaign) as utm_campaign,
        min(spend_date) as first_spend_date,
        max(spend_date) as last_spend_date,
        sum(impressions) as impressions,
        sum(clicks) as clicks,
        sum(spend_usd) as spend_usd
    from {{ ref('int_campaign_spend_daily') }}
    group by campaign_id
),

sessions as (
    select utm_campaign, count(*) as sessions, count(*) filter (where converted) as converted_sessions
    from {{ ref('fct_web_sessions') }}
    where utm_campaign is not null
    group by utm_campaign
),

orders as (
    select utm_campaign, count(*) as attributed_orders, sum(order_amount_usd) as attributed_revenue_usd
    from {{ ref('int_order_attribution') }}
    where utm_campaign is not null
    group by utm_campaign
)

select
    sp.campaign_id,
    sp.campaign_name,
    sp.platform,
    sp.channel,
    sp.utm_campaign,
    sp.first_spend_date,
    sp.last_spend_date,
    sp.impressions,
    sp.clicks,
    sp.spend_usd,
    coalesce(se.sessions, 0) as sessions,
    coalesce(se.converted_sessions, 0) as converted_sessions,
    coalesce(o.attributed_orders, 0) as attributed_orders,
    coalesce(o.attributed_revenue_usd, 0) as attributed_revenue_usd,
    round({{ safe_divide('sp.spend_usd', 'sp.clicks') }}, 4) as cost_per_click_usd,
    round({{ safe_divide('coalesce(o.attributed_revenue_usd, 0)', 'sp.spend_usd') }}, 4) as roas
from spend as sp
left join sessions as se
    on se.utm_campaign = sp.utm_campaign
left join orders as o
    on o.utm_campaign = sp.utm_campaign
