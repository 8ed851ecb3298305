{{ config(materialized='ephemeral') }}

select
    method_code,
    method_name,
    cast(is_card as boolean) as is_card
from {{ ref('seed_payment_methods') }}
