-- Still on dim_customers v1 (pinned) because it needs the e-mail opt-in population; migrate before v1's deprecation date.
select
    cast(date_trunc('month', signed_up_on) as date) as signup_month,
    country_code,
    count(*) as new_customers,
    count(*) filter (where accepts_marketing) as marketable_customers,
    count(*) filter (where order_count > 0) as customers_with_orders,
    round({{ safe_divide('count(*) filter (where order_count > 0)', 'count(*)') }}, 4) as order_conversion_rate,
    sum(lifetime_value_usd) as lifetime_value_usd
from {{ ref('dim_customers', v=1) }}
group by all
