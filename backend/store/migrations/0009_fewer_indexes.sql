-- Writes pay for every index: a 100,000-product import spent longer rebuilding the product
-- sort indexes than inserting the rows. The product list sorts and filters in memory
-- (catalog/listindex.go) for everything but its default page (all products by name), so only
-- that order and the lookups by SKU and barcode keep an index.
DROP INDEX products_skusort;
DROP INDEX products_brand;
DROP INDEX products_category;
DROP INDEX products_price;
DROP INDEX products_cost;
DROP INDEX products_created;
CREATE INDEX products_sku ON products(sku);
-- Nothing reads the oplog by device: a stamp ends in its device, and export walks stamps.
DROP INDEX oplog_device;
