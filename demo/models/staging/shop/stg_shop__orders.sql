{{ config(tags=['hourly']) }}

with source as (
    select * from {{ source('shop', 'orders') }}
)

select
    id as order_id,
    customer_id,
    store_id,
    -- the POS writes statuses in mixed case and sometimes with trailing blanks
    lower(trim(status)) as order_status,
    upper(currency) as currency_code,
    nullif(trim(promo_code), '') as promo_code,
    {{ cents_to_units('subtotal_cents') }} as subtotal_amount,
    {{ cents_to_units('discount_cents') }} as discount_amount,
    {{ cents_to_units('subtotal_cents - discount_cents') }} as order_amount,
    ordered_at,
    cast(ordered_at as date) as order_date,
    shipped_at,
    delivered_at,
    updated_at
from source
where cast(ordered_at as date) <= cast('{{ var("as_of_date") }}' as date)
