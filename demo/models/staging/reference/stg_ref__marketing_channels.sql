select
    utm_source,
    utm_medium,
    channel_group,
    is_paid
from {{ ref('marketing_channels') }}
