select
    category_id,
    category_name,
    department,
    vat_class
from {{ ref('product_categories') }}
