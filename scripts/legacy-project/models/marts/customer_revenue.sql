select
    c.customer_id,
    c.full_name,
    c.order_count,
    coalesce(sum(p.amount), 0) as revenue
from {{ ref('dim_customers') }} as c
left join {{ ref('fct_orders') }} as o on o.customer_id = c.customer_id
left join {{ ref('fct_payments') }} as p on p.order_id = o.order_id
group by 1, 2, 3
