with payments as (
    select
        order_id,
        sum(amount_usd) filter (where payment_status = 'succeeded') as paid_amount_usd,
        sum(processing_fee_usd) filter (where payment_status = 'succeeded') as payment_fees_usd,
        count(*) filter (where payment_status = 'succeeded') as successful_payments,
        count(*) filter (where payment_status = 'failed') as failed_payment_attempts,
        min(paid_at) filter (where payment_status = 'succeeded') as first_paid_at
    from {{ ref('int_payments_converted') }}
    group by order_id
),

refunds as (
    select order_id, sum(refund_amount_usd) as refunded_amount_usd
    from {{ ref('int_refunds_converted') }}
    group by order_id
)

select
    o.order_id,
    o.customer_id,
    o.store_id,
    o.order_date,
    o.order_status,
    o.order_amount_usd,
    coalesce(p.paid_amount_usd, 0) as paid_amount_usd,
    coalesce(p.payment_fees_usd, 0) as payment_fees_usd,
    coalesce(p.successful_payments, 0) as successful_payments,
    coalesce(p.failed_payment_attempts, 0) as failed_payment_attempts,
    p.first_paid_at,
    coalesce(r.refunded_amount_usd, 0) as refunded_amount_usd,
    coalesce(p.paid_amount_usd, 0) - coalesce(r.refunded_amount_usd, 0) as net_paid_amount_usd
from {{ ref('int_orders_enriched') }} as o
left join payments as p
    on p.order_id = o.order_id
left join refunds as r
    on r.order_id = o.order_id
