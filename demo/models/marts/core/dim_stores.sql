with volume as (
    select
        store_id,
        min(order_date) as first_order_date,
        sum(orders) as lifetime_orders,
        sum(revenue_usd) as lifetime_revenue_usd
    from {{ ref('int_store_daily_orders') }}
    group by store_id
)

select
    s.store_id,
    s.store_name,
    s.store_type,
    s.is_online,
    s.city,
    s.country_code,
    c.country_name,
    c.region,
    s.currency_code,
    s.opened_on,
    v.first_order_date,
    coalesce(v.lifetime_orders, 0) as lifetime_orders,
    coalesce(v.lifetime_revenue_usd, 0) as lifetime_revenue_usd
from {{ ref('stg_ref__stores') }} as s
left join {{ ref('stg_ref__countries') }} as c
    on c.country_code = s.country_code
left join volume as v
    on v.store_id = s.store_id
