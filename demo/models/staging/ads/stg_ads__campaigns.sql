select
    id as campaign_id,
    name as campaign_name,
    platform,
    channel,
    lower(utm_campaign) as utm_campaign,
    upper(currency) as currency_code,
    started_on,
    ended_on
from {{ source('ads', 'campaigns') }}
