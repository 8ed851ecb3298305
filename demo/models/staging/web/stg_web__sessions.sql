select
    id as session_id,
    customer_id,
    started_at,
    cast(started_at as date) as session_date,
    lower(utm_source) as utm_source,
    lower(utm_medium) as utm_medium,
    lower(utm_campaign) as utm_campaign,
    device
from {{ source('web', 'sessions') }}
where cast(started_at as date) <= {{ as_of_date() }}
