-- A customer cannot order before the account exists.
select
    o.order_id,
    o.customer_id,
    o.ordered_at,
    c.signed_up_at
from {{ ref('stg_shop__orders') }} as o
join {{ ref('stg_shop__customers') }} as c
    on c.customer_id = o.customer_id
where o.ordered_at < c.signed_up_at
