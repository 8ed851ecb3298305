select
    campaign_id || '-' || strftime(spend_date, '%Y%m%d') as spend_id,
    campaign_id,
    spend_date,
    impressions,
    clicks,
    spend,
    upper(currency) as currency_code
from {{ source('ads', 'ad_spend') }}
where spend_date <= {{ as_of_date() }}
