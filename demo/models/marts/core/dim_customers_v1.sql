-- Version 1 of dim_customers (deprecated): keeps the e-mail address, no payment facts.
select
    c.customer_id,
    c.customer_name,
    c.email,
    c.country_code,
    c.accepts_marketing,
    c.signed_up_on,
    o.first_order_date,
    o.last_order_date,
    coalesce(o.order_count, 0) as order_count,
    coalesce(o.lifetime_order_value_usd, 0) as lifetime_value_usd
from {{ ref('stg_shop__customers') }} as c
left join {{ ref('int_customer_orders') }} as o
    on o.customer_id = c.customer_id
