{#- DuckDB raises on division by zero; reporting ratios want NULL instead. -#}
{% macro safe_divide(numerator, denominator) -%}
    ({{ numerator }}) / nullif({{ denominator }}, 0)
{%- endmacro %}
