select
    customer_id,
    min(order_date) as first_order_date,
    max(order_date) as last_order_date,
    count(*) as order_count,
    count(*) filter (where order_status = 'returned') as returned_order_count,
    sum(order_amount_usd) as lifetime_order_value_usd,
    round(avg(order_amount_usd), 2) as avg_order_value_usd,
    case
        when count(*) >= 8 then 'loyal'
        when count(*) >= 3 then 'repeat'
        when count(*) = 2 then 'returning'
        else 'one_time'
    end as customer_segment
from {{ ref('int_orders_enriched') }}
where is_valid_order
group by customer_id
