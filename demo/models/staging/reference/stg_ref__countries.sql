select
    country_code,
    country_name,
    region,
    default_currency as default_currency_code
from {{ ref('countries') }}
