{{ config(tags=['hourly']) }}

with events as (
    select
        session_id,
        count(*) as event_count,
        count(*) filter (where event_type = 'page_view') as page_views,
        count(*) filter (where event_type = 'product_view') as product_views,
        bool_or(event_type = 'add_to_cart') as reached_cart,
        bool_or(event_type = 'checkout') as reached_checkout,
        bool_or(event_type = 'purchase') as converted,
        max(occurred_at) as last_event_at
    from {{ ref('stg_web__events') }}
    group by session_id
)

select
    s.session_id,
    s.customer_id,
    s.started_at,
    s.session_date,
    s.device,
    s.utm_source,
    s.utm_medium,
    s.utm_campaign,
    coalesce(ch.channel_group, 'Other') as channel_group,
    coalesce(ch.is_paid, false) as is_paid_channel,
    coalesce(e.event_count, 0) as event_count,
    coalesce(e.page_views, 0) as page_views,
    coalesce(e.product_views, 0) as product_views,
    coalesce(e.reached_cart, false) as reached_cart,
    coalesce(e.reached_checkout, false) as reached_checkout,
    coalesce(e.converted, false) as converted,
    date_diff('second', s.started_at, e.last_event_at) as session_duration_seconds
from {{ ref('stg_web__sessions') }} as s
left join events as e
    on e.session_id = s.session_id
left join {{ ref('stg_ref__marketing_channels') }} as ch
    on ch.utm_source = s.utm_source
   and ch.utm_medium = s.utm_medium
