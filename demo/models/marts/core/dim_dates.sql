{{ config(materialized='table') }}

with days as (
    select cast(d as date) as date_day
    from range(date '2024-01-01', {{ as_of_date() }} + interval 1 day, interval 1 day) as t(d)
)

select
    date_day,
    year(date_day) as year_number,
    month(date_day) as month_number,
    cast(date_trunc('month', date_day) as date) as month_start,
    cast(date_trunc('week', date_day) as date) as week_start,
    isodow(date_day) as iso_day_of_week,
    strftime(date_day, '%A') as day_name,
    isodow(date_day) in (6, 7) as is_weekend,
    date_day = {{ as_of_date() }} as is_as_of_date
from days
