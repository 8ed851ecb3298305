select
    id as event_id,
    session_id,
    sequence_number,
    event_type,
    page_path,
    occurred_at,
    cast(occurred_at as date) as event_date,
    _loaded_at
from {{ source('web', 'web_events') }}
