-- Payments converted to USD with the monthly rate of the payment date, plus processor fees.
select
    p.payment_id,
    p.order_id,
    p.payment_method,
    pm.payment_method_name,
    pm.payment_provider,
    p.payment_status,
    p.amount,
    p.currency_code,
    {{ to_usd('p.amount', 'fx.rate_to_usd') }} as amount_usd,
    {{ to_usd('p.amount * pm.fee_pct', 'fx.rate_to_usd') }} as processing_fee_usd,
    p.paid_at,
    p.paid_on
    {%- if var('demo_break_model', false) %},
    -- failure switch 1 (var demo_break_model): this column does not exist upstream
    p.chargeback_amount
    {%- endif %}
from {{ ref('stg_shop__payments') }} as p
left join {{ ref('stg_ref__payment_methods') }} as pm
    on pm.payment_method = p.payment_method
{{ fx_rate_join('p.currency_code', 'p.paid_on') }}
