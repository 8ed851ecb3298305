select
    sp.spend_id,
    sp.campaign_id,
    c.campaign_name,
    c.platform,
    c.channel,
    c.utm_campaign,
    sp.spend_date,
    sp.impressions,
    sp.clicks,
    sp.spend,
    sp.currency_code,
    {{ to_usd('sp.spend', 'fx.rate_to_usd') }} as spend_usd
from {{ ref('stg_ads__spend') }} as sp
join {{ ref('stg_ads__campaigns') }} as c
    on c.campaign_id = sp.campaign_id
{{ fx_rate_join('sp.currency_code', 'sp.spend_date') }}
