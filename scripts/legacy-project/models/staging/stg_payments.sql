{{ config(tags=['payments']) }}

select
    payment_id,
    order_id,
    method_code,
{%- if var('legacy_break_model') %}
    -- legacy_break_model=true: this column does not exist, so the model fails in the database
    payment_currency,
{%- endif %}
    {{ cents_to_dollars('amount_cents') }} as amount
from {{ source('app', 'payments') }}
