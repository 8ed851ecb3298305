{#- Currency helpers shared by the staging, intermediate and finance models. -#}

{% macro cents_to_units(column_name) -%}
    cast(({{ column_name }}) / 100.0 as decimal(14, 2))
{%- endmacro %}

{#- Converts an amount in a local currency to USD with a monthly rate (see fx_rate_join). -#}
{% macro to_usd(amount, rate) -%}
    cast(round({{ amount }} * {{ rate }}, 2) as decimal(14, 2))
{%- endmacro %}

{#- Left-joins the monthly FX rate valid for date_column; use with to_usd(amount, alias ~ '.rate_to_usd'). -#}
{% macro fx_rate_join(currency_column, date_column, alias='fx') -%}
    left join {{ ref('stg_ref__fx_rates') }} as {{ alias }}
        on {{ alias }}.currency_code = {{ currency_column }}
       and {{ alias }}.rate_month = cast(date_trunc('month', {{ date_column }}) as date)
{%- endmacro %}
