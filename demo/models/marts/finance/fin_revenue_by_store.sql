with orders as (
    select
        store_id,
        cast(date_trunc('month', order_date) as date) as month_start,
        count(*) filter (where is_valid_order) as orders,
        sum(order_amount_usd) filter (where is_valid_order) as net_sales_usd,
        sum(refunded_amount_usd) as refunds_usd
    from {{ ref('fct_orders') }}
    group by all
),

payments as (
    select
        store_id,
        cast(date_trunc('month', paid_on) as date) as month_start,
        sum(amount_usd) as cash_collected_usd,
        sum(processing_fee_usd) as payment_fees_usd
    from {{ ref('fct_payments') }}
    where payment_status = 'succeeded'
    group by all
)

select
    o.store_id,
    o.month_start,
    o.orders,
    o.net_sales_usd,
    o.refunds_usd,
    coalesce(p.cash_collected_usd, 0) as cash_collected_usd,
    coalesce(p.payment_fees_usd, 0) as payment_fees_usd,
    o.net_sales_usd - o.refunds_usd - coalesce(p.payment_fees_usd, 0) as net_revenue_usd
from orders as o
left join payments as p
    on p.store_id = o.store_id
   and p.month_start = o.month_start
