{{ config(tags=['payments']) }}

select
    p.payment_id,
    p.order_id,
    p.method_code,
    m.method_name,
    m.is_card,
    p.amount
from {{ ref('stg_payments') }} as p
left join {{ ref('stg_payment_methods') }} as m on m.method_code = p.method_code
