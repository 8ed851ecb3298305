select
    id as customer_id,
    first_name,
    last_name,
    first_name || ' ' || last_name as customer_name,
    lower(trim(email)) as email,
    upper(country_code) as country_code,
    accepts_marketing,
    created_at as signed_up_at,
    cast(created_at as date) as signed_up_on,
    _loaded_at
from {{ source('shop', 'customers') }}
