{#- The reporting date (var as_of_date) as a SQL date literal. -#}
{% macro as_of_date() -%}
    cast('{{ var("as_of_date") }}' as date)
{%- endmacro %}
