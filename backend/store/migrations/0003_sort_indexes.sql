-- The product list orders by a column and then by id, so a page is stable when many products
-- share a value (one import gives 100,000 products the same created_at). Indexes that end in
-- id let SQLite read a page straight off the index instead of sorting every tie.
DROP INDEX products_sku;  -- products_skusort (deleted, sku) serves every lookup by SKU
DROP INDEX products_name;
DROP INDEX products_skusort;
DROP INDEX products_brand;
DROP INDEX products_category;
DROP INDEX products_price;
DROP INDEX products_cost;
DROP INDEX products_created;
CREATE INDEX products_name ON products(deleted, name_zh, id);
CREATE INDEX products_skusort ON products(deleted, sku, id);
CREATE INDEX products_brand ON products(deleted, brand, name_zh, id);
CREATE INDEX products_category ON products(deleted, category_id, name_zh, id);
CREATE INDEX products_price ON products(deleted, price, id);
CREATE INDEX products_cost ON products(deleted, cost, id);
CREATE INDEX products_created ON products(deleted, created_at, id);
