select
    payment_method,
    display_name as payment_method_name,
    provider as payment_provider,
    fee_pct,
    is_instant
from {{ ref('payment_methods') }}
