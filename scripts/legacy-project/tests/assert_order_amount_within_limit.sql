-- Singular test: no order may exceed var('legacy_max_order_amount').
-- gen-legacy-fixtures lowers the limit so that this test fails.
select order_id, amount
from {{ ref('fct_orders') }}
where amount > {{ var('legacy_max_order_amount') }}
