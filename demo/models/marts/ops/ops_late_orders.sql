-- Open work list: orders that missed the shipping SLA or are still unshipped after 48 hours.
select
    order_id,
    store_id,
    store_name,
    order_status,
    ordered_at,
    shipped_at,
    hours_to_ship,
    case
        when shipped_at is null then 'not_shipped'
        when hours_to_ship > 72 then 'shipped_very_late'
        else 'shipped_late'
    end as lateness
from {{ ref('int_orders_enriched') }}
where is_valid_order
  and (
      hours_to_ship > 48
      or (shipped_at is null and ordered_at < {{ as_of_date() }} - interval 2 day)
  )
