with orders as (
    select
        order_date,
        count(*) filter (where is_valid_order) as orders,
        sum(subtotal_amount_usd) filter (where is_valid_order) as gross_sales_usd,
        sum(discount_amount_usd) filter (where is_valid_order) as discounts_usd,
        sum(order_amount_usd) filter (where is_valid_order) as net_sales_usd
    from {{ ref('fct_orders') }}
    group by order_date
),

payments as (
    select
        paid_on,
        sum(amount_usd) as cash_collected_usd,
        sum(processing_fee_usd) as payment_fees_usd
    from {{ ref('fct_payments') }}
    where payment_status = 'succeeded'
    group by paid_on
),

refunds as (
    select refunded_on, sum(refund_amount_usd) as refunds_usd
    from {{ ref('fct_refunds') }}
    group by refunded_on
)

select
    d.date_day,
    d.week_start,
    d.month_start,
    coalesce(o.orders, 0) as orders,
    coalesce(o.gross_sales_usd, 0) as gross_sales_usd,
    coalesce(o.discounts_usd, 0) as discounts_usd,
    coalesce(o.net_sales_usd, 0) as net_sales_usd,
    coalesce(p.cash_collected_usd, 0) as cash_collected_usd,
    coalesce(p.payment_fees_usd, 0) as payment_fees_usd,
    coalesce(r.refunds_usd, 0) as refunds_usd,
    coalesce(o.net_sales_usd, 0) - coalesce(r.refunds_usd, 0) as net_revenue_usd
from {{ ref('dim_dates') }} as d
left join orders as o
    on o.order_date = d.date_day
left join payments as p
    on p.paid_on = d.date_day
left join refunds as r
    on r.refunded_on = d.date_day
