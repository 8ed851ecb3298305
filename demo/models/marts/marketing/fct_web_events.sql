{{
    config(
        materialized='incremental',
        unique_key='event_id',
        incremental_strategy='delete+insert',
        on_schema_change='append_new_columns',
        tags=['hourly']
    )
}}

-- Clickstream fact, loaded incrementally: a run only picks up events newer than what is loaded,
-- minus a 3-hour lookback for late-arriving events (unique_key keeps re-read rows from duplicating).
select
    e.event_id,
    e.session_id,
    s.customer_id,
    e.sequence_number,
    e.event_type,
    e.page_path,
    e.occurred_at,
    e.event_date,
    s.utm_source,
    s.utm_medium,
    s.utm_campaign,
    s.device,
    e._loaded_at
from {{ ref('stg_web__events') }} as e
join {{ ref('stg_web__sessions') }} as s
    on s.session_id = e.session_id
{% if is_incremental() %}
where e.occurred_at > (select max(occurred_at) - interval 3 hour from {{ this }})
{% endif %}
