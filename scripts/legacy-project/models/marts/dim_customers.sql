select
    c.customer_id,
    c.full_name,
    c.email,
    c.signup_date,
    count(o.order_id) as order_count
from {{ ref('stg_customers') }} as c
left join {{ ref('stg_orders') }} as o on o.customer_id = c.customer_id
group by 1, 2, 3, 4
