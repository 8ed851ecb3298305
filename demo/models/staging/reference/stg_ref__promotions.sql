select
    promo_code,
    promo_name,
    discount_pct,
    starts_on,
    ends_on,
    channel as promo_channel
from {{ ref('promotions') }}
