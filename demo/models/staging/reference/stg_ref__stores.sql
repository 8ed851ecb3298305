select
    store_id,
    store_name,
    store_type,
    nullif(city, '') as city,
    country_code,
    currency_code,
    opened_on,
    store_type = 'online' as is_online
from {{ ref('stores') }}
