-- Refunds are converted at the rate of the original order's month so that they net exactly
-- against the sale (finance policy), not at the rate of the refund date.
select
    r.refund_id,
    r.order_id,
    r.refund_reason,
    r.refund_amount,
    r.currency_code,
    {{ to_usd('r.refund_amount', 'fx.rate_to_usd') }} as refund_amount_usd,
    r.refunded_at,
    r.refunded_on
from {{ ref('stg_shop__refunds') }} as r
join {{ ref('stg_shop__orders') }} as o
    on o.order_id = r.order_id
{{ fx_rate_join('r.currency_code', 'o.order_date') }}
