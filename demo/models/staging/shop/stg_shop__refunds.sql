select
    id as refund_id,
    order_id,
    {{ cents_to_units('amount_cents') }} as refund_amount,
    upper(currency) as currency_code,
    reason as refund_reason,
    refunded_at,
    cast(refunded_at as date) as refunded_on
from {{ source('shop', 'refunds') }}
where cast(refunded_at as date) <= {{ as_of_date() }}
