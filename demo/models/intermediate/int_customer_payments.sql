select
    customer_id,
    sum(paid_amount_usd) as lifetime_paid_usd,
    sum(refunded_amount_usd) as lifetime_refunded_usd,
    sum(payment_fees_usd) as lifetime_payment_fees_usd,
    sum(net_paid_amount_usd) as lifetime_net_paid_usd,
    sum(failed_payment_attempts) as failed_payment_attempts
from {{ ref('int_order_payments') }}
group by customer_id
