select
    id as payment_id,
    order_id,
    lower(payment_method) as payment_method,
    lower(status) as payment_status,
    {{ cents_to_units('amount_cents') }} as amount,
    upper(currency) as currency_code,
    created_at as paid_at,
    cast(created_at as date) as paid_on
from {{ source('shop', 'payments') }}
where cast(created_at as date) <= {{ as_of_date() }}
