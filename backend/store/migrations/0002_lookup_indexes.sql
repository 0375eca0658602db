-- Exact-code lookups (scanner input, import duplicate checks, uniqueness on save) ask for
-- `barcode = ?` with a parameter, which cannot use 0001's partial index (WHERE barcode <> ''):
-- SQLite cannot prove a parameter is non-empty, so each lookup scanned every product. That
-- made an import of n rows O(n²) (100,000 rows: minutes). A full index serves all of them,
-- and lets `barcode = ?1 OR sku = ?1` use both indexes.
DROP INDEX products_barcode;
CREATE INDEX products_barcode ON products(barcode);
