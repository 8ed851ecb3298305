{{ config(tags=['hourly']) }}

with events as (
    select
        event_date,
        count(distinct session_id) filter (where event_type = 'product_view') as product_view_sessions,
        count(distinct session_id) filter (where event_type = 'add_to_cart') as cart_sessions,
        count(distinct session_id) filter (where event_type = 'checkout') as checkout_sessions,
        count(distinct session_id) filter (where event_type = 'purchase') as purchase_sessions
    from {{ ref('fct_web_events') }}
    group by event_date
),

sessions as (
    select session_date, count(*) as sessions, count(*) filter (where is_paid_channel) as paid_sessions
    from {{ ref('fct_web_sessions') }}
    group by session_date
)

select
    s.session_date as date_day,
    s.sessions,
    s.paid_sessions,
    coalesce(e.product_view_sessions, 0) as product_view_sessions,
    coalesce(e.cart_sessions, 0) as cart_sessions,
    coalesce(e.checkout_sessions, 0) as checkout_sessions,
    coalesce(e.purchase_sessions, 0) as purchase_sessions,
    round({{ safe_divide('coalesce(e.purchase_sessions, 0)', 's.sessions') }}, 4) as conversion_rate
from sessions as s
left join events as e
    on e.event_date = s.session_date
