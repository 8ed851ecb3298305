{{ config(materialized='view') }}

-- monthly gross margin per category; private to the finance group
select
    cast(date_trunc('month', order_date) as date) as month_start,
    category_name,
    sum(quantity) as units,
    sum(line_amount_usd) as gross_sales_usd,
    sum(line_cost_usd) as cost_of_goods_usd,
    sum(line_margin_usd) as gross_margin_usd,
    round({{ safe_divide('sum(line_margin_usd)', 'sum(line_amount_usd)') }}, 4) as gross_margin_pct
from {{ ref('fct_order_items') }}
group by all
