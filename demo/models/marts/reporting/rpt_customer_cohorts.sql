-- Monthly acquisition cohorts: active customers and revenue by months since the first order.
with orders as (
    select
        o.customer_id,
        cast(date_trunc('month', c.first_order_date) as date) as cohort_month,
        date_diff('month', date_trunc('month', c.first_order_date), date_trunc('month', o.order_date)) as months_since_first_order,
        o.net_paid_amount_usd
    from {{ ref('fct_orders') }} as o
    join {{ ref('dim_customers') }} as c
        on c.customer_id = o.customer_id
    where o.is_valid_order
)

select
    cohort_month,
    months_since_first_order,
    count(distinct customer_id) as active_customers,
    sum(net_paid_amount_usd) as net_paid_usd
from orders
group by all
