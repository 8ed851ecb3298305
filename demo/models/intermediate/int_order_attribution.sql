{{ config(materialized='table') }}

-- last-touch attribution: the customer's latest session in the 7 days before the order
select
    o.order_id,
    o.customer_id,
    o.ordered_at,
    o.order_date,
    o.order_amount_usd,
    s.session_id,
    s.utm_source,
    s.utm_medium,
    s.utm_campaign,
    coalesce(s.channel_group, 'Unattributed') as channel_group,
    coalesce(s.is_paid_channel, false) as is_paid_channel
from {{ ref('int_orders_enriched') }} as o
left join {{ ref('int_sessions_enriched') }} as s
    on s.customer_id = o.customer_id
   and s.started_at between o.ordered_at - interval 7 day and o.ordered_at
where o.is_valid_order
qualify row_number() over (partition by o.order_id order by s.started_at desc nulls last) = 1
