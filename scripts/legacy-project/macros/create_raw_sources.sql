{#- Creates the raw "app" source tables that the project reads with source('app', ...).
    orders   : loaded just now            -> freshness pass
    payments : last loaded in 2020        -> freshness error (stale)
    refunds  : has no loaded_at column    -> freshness runtime error
    Returned as SQL so it can run as an on-run-start hook (dbt commits hook statements). -#}
{% macro create_raw_sources() %}
create schema if not exists raw_app;
drop table if exists raw_app.orders;
create table raw_app.orders as
select * from (values
    (101, 1, 'completed', 4200, cast(now() as timestamp)),
    (102, 1, 'completed', 1550, cast(now() as timestamp)),
    (103, 2, 'shipped',   9900, cast(now() as timestamp)),
    (104, 3, 'placed',     800, cast(now() as timestamp)),
    (105, 4, 'returned',  2300, cast(now() as timestamp)),
    (106, 5, 'completed', 12500, cast(now() as timestamp))
) as t(order_id, customer_id, status, amount_cents, loaded_at);
drop table if exists raw_app.payments;
create table raw_app.payments as
select * from (values
    (1001, 101, 'card',    4200, timestamp '2020-03-01 08:00:00'),
    (1002, 102, 'bank',    1550, timestamp '2020-03-01 08:00:00'),
    (1003, 103, 'card',    9900, timestamp '2020-03-02 09:30:00'),
    (1004, 104, 'voucher',  800, timestamp '2020-03-02 09:30:00'),
    (1005, 105, 'card',    2300, timestamp '2020-03-03 10:15:00'),
    (1006, 106, 'bank',   12500, timestamp '2020-03-03 10:15:00')
) as t(payment_id, order_id, method_code, amount_cents, loaded_at);
drop table if exists raw_app.refunds;
create table raw_app.refunds as
select * from (values
    (9001, 105, 2300)
) as t(refund_id, order_id, amount_cents)
{% endmacro %}

{% macro cents_to_dollars(column_name) -%}
    round(cast({{ column_name }} as double) / 100, 2)
{%- endmacro %}
