{#-
    load_raw_data: plays the part of the EL tool that lands raw data in the warehouse.

    DuckDB starts empty, so this operation (re)creates the raw schemas raw_shop, raw_web and raw_ads
    with deterministic, made-up rows generated in SQL (range() + hash(); no files, no network).
    Business timestamps are fixed (2024-01-01 .. 2025-06-30); the _loaded_at column is now() minus
    a small per-source lag, so `dbt source freshness` passes right after a load.

    Usage:
        dbt run-operation load_raw_data
        dbt run-operation load_raw_data --args '{stale_tables: [web_events]}'

    Every table named in stale_tables gets _loaded_at about three days in the past, which is past
    every error_after threshold, so `dbt source freshness` reports `error` for it.
-#}

{%- macro _demo_rnd(expr, salt, n) -%}
    cast(hash({{ expr }}, '{{ salt }}') % {{ n }} as integer)
{%- endmacro -%}

{%- macro _demo_loaded_at(table_name, fresh_lag, stale_tables) -%}
    {%- if table_name in stale_tables -%}
        (now() - interval '3 days' - interval '17 minutes')
    {%- else -%}
        (now() - interval '{{ fresh_lag }}')
    {%- endif -%}
{%- endmacro -%}

{% macro load_raw_data(stale_tables=[]) %}
    {%- set known = ['customers', 'products', 'orders', 'order_items', 'payments', 'refunds',
                     'sessions', 'web_events', 'campaigns', 'ad_spend'] -%}
    {%- if stale_tables is string -%}
        {%- set stale_tables = [stale_tables] -%}
    {%- endif -%}
    {%- for t in stale_tables -%}
        {%- if t not in known -%}
            {{ exceptions.raise_compiler_error("load_raw_data: unknown table '" ~ t ~ "' in stale_tables; known tables: " ~ known | join(', ')) }}
        {%- endif -%}
    {%- endfor -%}
    {%- set r = _demo_rnd -%}

    {%- set sql -%}
create schema if not exists raw_shop;
create schema if not exists raw_web;
create schema if not exists raw_ads;

-- ---------------------------------------------------------------- shop: customers
create or replace table raw_shop.customers as
with base as (
    select
        i as id,
        ['Ava', 'Ben', 'Chloe', 'Dev', 'Elif', 'Finn', 'Greta', 'Hugo', 'Ines', 'Jonas',
         'Kira', 'Luca', 'Maya', 'Nils', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tove'][{{ r('i', 'fn', 20) }} + 1] as first_name,
        ['Abbott', 'Berg', 'Castro', 'Dahl', 'Eriksen', 'Fischer', 'Garnier', 'Holm',
         'Ibsen', 'Jansen', 'Keller', 'Lind', 'Moreau', 'Nyberg', 'Okafor', 'Park'][{{ r('i', 'ln', 16) }} + 1] as last_name,
        ['US', 'US', 'US', 'GB', 'GB', 'DE', 'FR', 'SE', 'NL', 'CA'][{{ r('i', 'cc', 10) }} + 1] as country_code,
        timestamp '2023-01-01 00:00:00' + to_seconds({{ r('i', 'su', 31536000) }}) as created_at,
        {{ r('i', 'mk', 10) }} < 6 as accepts_marketing
    from range(1, 601) t(i)
)
select
    id,
    first_name,
    last_name,
    lower(first_name || '.' || last_name || id) || '@example.com' as email,
    country_code,
    accepts_marketing,
    created_at,
    {{ _demo_loaded_at('customers', '20 minutes', stale_tables) }} as _loaded_at
from base;

-- ---------------------------------------------------------------- shop: products
create or replace table raw_shop.products as
with base as (
    select
        i as id,
        'SKU-' || lpad(cast(i as varchar), 4, '0') as sku,
        ['Bright', 'Calm', 'Sturdy', 'Tiny', 'Urban', 'Woolly', 'Classic', 'Nordic'][{{ r('i', 'adj', 8) }} + 1]
            || ' ' ||
        ['Mug', 'Lamp', 'Backpack', 'Notebook', 'Scarf', 'Kettle', 'Candle', 'Blanket',
         'Planter', 'Bottle', 'Apron', 'Tray'][{{ r('i', 'noun', 12) }} + 1] as name,
        {{ r('i', 'cat', 8) }} + 1 as category_id,
        round(4.5 + {{ r('i', 'price', 19500) }} / 100.0, 2) as list_price_usd,
        (35 + {{ r('i', 'margin', 30) }}) / 100.0 as cost_ratio,
        i % 17 <> 0 as is_active
    from range(1, 61) t(i)
)
select
    id,
    sku,
    name,
    category_id,
    cast(list_price_usd as decimal(10, 2)) as list_price_usd,
    cast(round(list_price_usd * cost_ratio, 2) as decimal(10, 2)) as unit_cost_usd,
    is_active,
    timestamp '2025-06-01 08:00:00' as updated_at,
    {{ _demo_loaded_at('products', '20 minutes', stale_tables) }} as _loaded_at
from base;

-- ---------------------------------------------------------------- shop: orders (+ items)
create or replace temp table _orders_base as
with base as (
    select
        i as id,
        {{ r('i', 'cust', 600) }} + 1 as customer_id,
        [1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 8][{{ r('i', 'store', 12) }} + 1] as store_id,
        timestamp '2024-01-01 00:00:00'
            + to_seconds(cast((i - 1) * 15753 as bigint) + {{ r('i', 'jit', 15000) }}) as ordered_at,
        {{ r('i', 'status', 100) }} as status_roll,
        {{ r('i', 'promo', 10) }} as promo_roll,
        {{ r('i', 'ship', 92) }} + 4 as ship_hours,
        {{ r('i', 'deliv', 6) }} + 1 as deliver_days
    from range(1, 3001) t(i)
)
select
    *,
    case store_id when 2 then 'GBP' when 3 then 'EUR' when 4 then 'EUR' when 5 then 'SEK'
                  when 6 then 'EUR' when 7 then 'CAD' else 'USD' end as currency,
    case
        when ordered_at >= timestamp '2025-06-28 00:00:00' then (case when status_roll < 50 then 'placed' else 'shipped' end)
        when status_roll < 3 then 'cancelled'
        when status_roll < 9 then 'returned'
        when status_roll < 11 then 'Completed '
        else 'completed'
    end as status,
    case
        when promo_roll <> 0 then null
        when ordered_at < timestamp '2024-06-01' then 'SPRING24'
        when ordered_at < timestamp '2024-09-01' then 'SUMMER24'
        when ordered_at < timestamp '2024-12-01' then 'AUTUMN24'
        when ordered_at < timestamp '2025-01-01' then 'WINTER24'
        when ordered_at < timestamp '2025-04-01' then 'NEWYEAR25'
        else 'SPRING25'
    end as promo_code
from base;

create or replace table raw_shop.order_items as
with lines as (
    select
        o.id as order_id,
        k as line_number,
        {{ r('o.id * 10 + k', 'prod', 60) }} + 1 as product_id,
        {{ r('o.id * 10 + k', 'qty', 3) }} + 1 as quantity,
        o.currency
    from _orders_base o
    cross join range(1, 5) r(k)
    where k <= {{ r('o.id', 'lines', 4) }} + 1
)
select
    row_number() over (order by l.order_id, l.line_number) as id,
    l.order_id,
    l.line_number,
    l.product_id,
    l.quantity,
    cast(round(p.list_price_usd / case l.currency when 'GBP' then 1.27 when 'EUR' then 1.08
                                                   when 'SEK' then 0.095 when 'CAD' then 0.74
                                                   else 1.0 end, 2) as decimal(12, 2)) as unit_price,
    l.currency,
    {{ _demo_loaded_at('order_items', '20 minutes', stale_tables) }} as _loaded_at
from lines l
join raw_shop.products p on p.id = l.product_id;

create or replace table raw_shop.orders as
with subtotals as (
    select order_id, cast(round(sum(quantity * unit_price) * 100) as bigint) as subtotal_cents
    from raw_shop.order_items
    group by order_id
)
select
    o.id,
    o.customer_id,
    o.store_id,
    o.status,
    o.currency,
    o.promo_code,
    s.subtotal_cents,
    cast(round(s.subtotal_cents * case o.promo_code
        when 'SPRING24' then 0.10 when 'SUMMER24' then 0.15 when 'AUTUMN24' then 0.10
        when 'WINTER24' then 0.20 when 'NEWYEAR25' then 0.10 when 'SPRING25' then 0.12
        else 0 end) as bigint) as discount_cents,
    o.ordered_at,
    case when o.status not in ('placed', 'cancelled')
         then o.ordered_at + to_hours(o.ship_hours) end as shipped_at,
    case when lower(trim(o.status)) in ('completed', 'returned')
         then o.ordered_at + to_hours(o.ship_hours) + to_days(o.deliver_days) end as delivered_at,
    o.ordered_at + to_minutes(5) as updated_at,
    {{ _demo_loaded_at('orders', '20 minutes', stale_tables) }} as _loaded_at
from _orders_base o
join subtotals s on s.order_id = o.id;

-- ---------------------------------------------------------------- shop: payments
create or replace table raw_shop.payments as
with orders as (
    select *, subtotal_cents - discount_cents as total_cents
    from raw_shop.orders
    where status <> 'cancelled'
),
attempts as (
    -- a failed card attempt before the real payment for ~4% of orders
    select id as order_id, 0 as attempt, 'credit_card' as method, total_cents as amount_cents,
           'failed' as status, ordered_at + to_seconds(30) as created_at, currency
    from orders where {{ r('id', 'fail', 25) }} = 0
    union all
    -- gift card part of split payments
    select id, 1, 'gift_card', 2000, 'succeeded', ordered_at + to_seconds(60), currency
    from orders where total_cents > 5000 and {{ r('id', 'split', 8) }} = 0
    union all
    -- main payment
    select id, 2,
           ['credit_card', 'credit_card', 'credit_card', 'paypal', 'paypal', 'klarna', 'apple_pay', 'bank_transfer'][{{ r('id', 'method', 8) }} + 1],
           total_cents - case when total_cents > 5000 and {{ r('id', 'split', 8) }} = 0 then 2000 else 0 end,
           case when status = 'placed' then 'pending' else 'succeeded' end,
           ordered_at + to_seconds(90), currency
    from orders
)
select
    row_number() over (order by order_id, attempt) as id,
    order_id,
    method as payment_method,
    amount_cents,
    currency,
    status,
    created_at,
    {{ _demo_loaded_at('payments', '20 minutes', stale_tables) }} as _loaded_at
from attempts;

-- ---------------------------------------------------------------- shop: refunds
create or replace table raw_shop.refunds as
select
    row_number() over (order by o.id) as id,
    o.id as order_id,
    cast(case when {{ r('o.id', 'partial', 3) }} = 0
              then round((o.subtotal_cents - o.discount_cents) / 2)
              else o.subtotal_cents - o.discount_cents end as bigint) as amount_cents,
    o.currency,
    ['damaged', 'wrong_size', 'changed_mind', 'late_delivery'][{{ r('o.id', 'reason', 4) }} + 1] as reason,
    o.delivered_at + to_days({{ r('o.id', 'rdays', 18) }} + 3) as refunded_at,
    {{ _demo_loaded_at('refunds', '20 minutes', stale_tables) }} as _loaded_at
from raw_shop.orders o
where o.status = 'returned';

-- ---------------------------------------------------------------- ads: campaigns + spend
create or replace table raw_ads.campaigns as
select
    id, name, platform, channel, utm_campaign, currency,
    cast(started_on as date) as started_on,
    cast(ended_on as date) as ended_on,
    {{ _demo_loaded_at('campaigns', '2 hours', stale_tables) }} as _loaded_at
from (values
    (1,  'Brand search 2024',         'google',    'paid_search', 'g_brand_24',     'USD', '2024-01-01', '2024-12-31'),
    (2,  'Generic search 2024',       'google',    'paid_search', 'g_generic_24',   'USD', '2024-03-01', '2024-12-31'),
    (3,  'Prospecting EU 2024',       'facebook',  'paid_social', 'fb_prospect_24', 'EUR', '2024-02-01', '2024-11-30'),
    (4,  'Stories summer 2024',       'instagram', 'paid_social', 'ig_stories_24',  'EUR', '2024-04-01', '2024-09-30'),
    (5,  'Bing brand 2024',           'bing',      'paid_search', 'b_brand_24',     'USD', '2024-01-01', '2024-12-31'),
    (6,  'Brand search 2025',         'google',    'paid_search', 'g_brand_25',     'USD', '2025-01-01', '2025-06-30'),
    (7,  'Shopping UK 2025',          'google',    'paid_search', 'g_shop_uk_25',   'GBP', '2025-02-01', '2025-06-30'),
    (8,  'Retargeting EU 2025',       'facebook',  'paid_social', 'fb_retarget_25', 'EUR', '2025-01-01', '2025-06-30'),
    (9,  'Creators UK 2025',          'instagram', 'paid_social', 'ig_creators_25', 'GBP', '2025-03-01', '2025-06-30'),
    (10, 'Bing brand 2025',           'bing',      'paid_search', 'b_brand_25',     'USD', '2025-01-01', '2025-06-30')
) v(id, name, platform, channel, utm_campaign, currency, started_on, ended_on);

create or replace table raw_ads.ad_spend as
with days as (
    select c.id as campaign_id, c.currency,
           cast(unnest(generate_series(c.started_on, c.ended_on, interval 1 day)) as date) as spend_date
    from raw_ads.campaigns c
),
metrics as (
    select
        campaign_id,
        spend_date,
        currency,
        2000 + {{ r("campaign_id * 100000 + cast(strftime(spend_date, '%Y%m%d') as integer)", 'imp', 8000) }} as impressions,
        (5 + {{ r("campaign_id * 100000 + cast(strftime(spend_date, '%Y%m%d') as integer)", 'ctr', 40) }}) / 1000.0 as ctr,
        (30 + {{ r("campaign_id * 100000 + cast(strftime(spend_date, '%Y%m%d') as integer)", 'cpc', 120) }}) / 100.0 as cpc
    from days
)
select
    campaign_id,
    spend_date,
    impressions,
    cast(round(impressions * ctr) as integer) as clicks,
    cast(round(round(impressions * ctr) * cpc, 2) as decimal(12, 2)) as spend,
    currency,
    {{ _demo_loaded_at('ad_spend', '2 hours', stale_tables) }} as _loaded_at
from metrics;

-- ---------------------------------------------------------------- web: sessions + events
create or replace table raw_web.sessions as
with base as (
    select
        'sess_' || lpad(cast(i as varchar), 6, '0') as id,
        case when {{ r('i', 'anon', 10) }} < 4 then null else {{ r('i', 'scust', 600) }} + 1 end as customer_id,
        timestamp '2024-01-01 00:00:00'
            + to_seconds(cast((i - 1) * 7876 as bigint) + {{ r('i', 'sjit', 7000) }}) as started_at,
        {{ r('i', 'src', 10) }} as src_roll,
        ['desktop', 'desktop', 'mobile', 'mobile', 'mobile', 'tablet'][{{ r('i', 'dev', 6) }} + 1] as device
    from range(1, 6001) t(i)
),
sourced as (
    select
        *,
        case when src_roll < 3 then 'google' when src_roll = 3 then 'facebook' when src_roll = 4 then 'instagram'
             when src_roll = 5 then 'bing' when src_roll = 6 then 'newsletter' when src_roll < 9 then 'google'
             else 'direct' end as utm_source,
        case when src_roll < 3 or src_roll = 5 then 'cpc' when src_roll in (3, 4) then 'paid_social'
             when src_roll = 6 then 'email' when src_roll < 9 then 'organic' else 'none' end as utm_medium
    from base
)
select
    s.id,
    s.customer_id,
    s.started_at,
    s.utm_source,
    s.utm_medium,
    c.utm_campaign,
    s.device,
    {{ _demo_loaded_at('sessions', '5 minutes', stale_tables) }} as _loaded_at
from sourced s
left join raw_ads.campaigns c
    on s.utm_medium in ('cpc', 'paid_social')
   and c.platform = s.utm_source
   and cast(s.started_at as date) between c.started_on and c.ended_on
qualify row_number() over (partition by s.id order by hash(s.id, c.id)) = 1;

create or replace table raw_web.web_events as
select
    s.id || '-' || k as id,
    s.id as session_id,
    k as sequence_number,
    ['page_view', 'product_view', 'product_view', 'add_to_cart', 'checkout', 'purchase'][k] as event_type,
    ['/', '/products', '/products/detail', '/cart', '/checkout', '/checkout/thank-you'][k] as page_path,
    s.started_at + to_seconds(k * (20 + {{ r('s.id', 'gap', 160) }})) as occurred_at,
    {{ _demo_loaded_at('web_events', '5 minutes', stale_tables) }} as _loaded_at
from raw_web.sessions s
cross join range(1, 7) r(k)
where k <= {{ r('s.id', 'depth', 6) }} + 1;
    {%- endset %}

    {% do run_query(sql) %}

    {%- set counts = run_query("
        select 'raw_shop.customers' as t, count(*) as n from raw_shop.customers union all
        select 'raw_shop.products', count(*) from raw_shop.products union all
        select 'raw_shop.orders', count(*) from raw_shop.orders union all
        select 'raw_shop.order_items', count(*) from raw_shop.order_items union all
        select 'raw_shop.payments', count(*) from raw_shop.payments union all
        select 'raw_shop.refunds', count(*) from raw_shop.refunds union all
        select 'raw_web.sessions', count(*) from raw_web.sessions union all
        select 'raw_web.web_events', count(*) from raw_web.web_events union all
        select 'raw_ads.campaigns', count(*) from raw_ads.campaigns union all
        select 'raw_ads.ad_spend', count(*) from raw_ads.ad_spend") -%}
    {%- for row in counts.rows %}
        {{ log("load_raw_data: " ~ row[0] ~ " rows=" ~ row[1] ~ (" (stale)" if row[0].split('.')[1] in stale_tables else ""), info=True) }}
    {%- endfor %}
{% endmacro %}
