select
    product_id,
    list_price_usd,
    unit_cost_usd,
    dbt_valid_from as valid_from,
    dbt_valid_to as valid_to,
    dbt_valid_to is null as is_current
from {{ ref('snap_product_prices') }}
