{{ config(tags=['hourly']) }}

select
    session_id,
    customer_id,
    customer_id is not null as is_identified,
    started_at,
    session_date,
    device,
    utm_source,
    utm_medium,
    utm_campaign,
    channel_group,
    is_paid_channel,
    event_count,
    page_views,
    product_views,
    reached_cart,
    reached_checkout,
    converted,
    session_duration_seconds
from {{ ref('int_sessions_enriched') }}
