-- Version 2 of dim_customers: no e-mail (PII), adds region, segment and payment facts.
select
    c.customer_id,
    c.customer_name,
    c.country_code,
    co.country_name,
    co.region,
    c.accepts_marketing,
    c.signed_up_on,
    o.first_order_date,
    o.last_order_date,
    coalesce(o.order_count, 0) as order_count,
    coalesce(o.customer_segment, 'prospect') as customer_segment,
    coalesce(o.lifetime_order_value_usd, 0) as lifetime_value_usd,
    coalesce(p.lifetime_paid_usd, 0) as lifetime_paid_usd,
    coalesce(p.lifetime_refunded_usd, 0) as lifetime_refunded_usd,
    coalesce(p.lifetime_net_paid_usd, 0) as lifetime_net_paid_usd,
    cast(
        date_diff('day', coalesce(o.last_order_date, c.signed_up_on), {{ as_of_date() }}) > 180
        as boolean
    ) as is_churn_risk
from {{ ref('stg_shop__customers') }} as c
left join {{ ref('stg_ref__countries') }} as co
    on co.country_code = c.country_code
left join {{ ref('int_customer_orders') }} as o
    on o.customer_id = c.customer_id
left join {{ ref('int_customer_payments') }} as p
    on p.customer_id = c.customer_id
