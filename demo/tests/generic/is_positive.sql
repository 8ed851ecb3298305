{#- Generic test: every non-null value of column_name is strictly greater than zero. -#}
{% test is_positive(model, column_name) %}
select *
from {{ model }}
where {{ column_name }} is not null
  and {{ column_name }} <= 0
{% endtest %}
