-- Local-only tables -------------------------------------------------------------------------
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

-- Every operation this device made or imported, in the same transaction as its effect.
CREATE TABLE oplog (
  hlc    TEXT PRIMARY KEY,   -- "<wall>.<counter>.<device>", unique per operation
  device TEXT NOT NULL,
  kind   TEXT NOT NULL,      -- set | add
  tbl    TEXT NOT NULL,
  row_id TEXT NOT NULL,
  data   TEXT NOT NULL       -- JSON object of the fields
) WITHOUT ROWID;
CREATE INDEX oplog_device ON oplog(device, hlc);

-- Replicated entity tables: per-field LWW stamps in _v, tombstone in deleted. ---------------
CREATE TABLE settings (id TEXT PRIMARY KEY, value TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT '');

CREATE TABLE categories (id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', name_en TEXT NOT NULL DEFAULT '',
  parent_id TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT '');

CREATE TABLE zones (id TEXT PRIMARY KEY, name TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT '');

CREATE TABLE locations (id TEXT PRIMARY KEY, zone_id TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', deleted INTEGER NOT NULL DEFAULT 0,
  _v TEXT NOT NULL DEFAULT '');
CREATE INDEX locations_zone ON locations(zone_id);

CREATE TABLE products (
  id TEXT PRIMARY KEY,
  sku TEXT NOT NULL DEFAULT '', name_zh TEXT NOT NULL DEFAULT '', name_orig TEXT NOT NULL DEFAULT '',
  brand TEXT NOT NULL DEFAULT '', category_id TEXT NOT NULL DEFAULT '', barcode TEXT NOT NULL DEFAULT '',
  cost INTEGER NOT NULL DEFAULT 0, cost_currency TEXT NOT NULL DEFAULT '',
  price INTEGER NOT NULL DEFAULT 0, price_currency TEXT NOT NULL DEFAULT '',
  weight_g INTEGER NOT NULL DEFAULT 0, photo TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
  shelf_life INTEGER NOT NULL DEFAULT 0, reorder_point INTEGER NOT NULL DEFAULT 0,
  reorder_qty INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT '',
  -- what search matches: lower-cased names, SKU, barcode and brand (substring search, Chinese too)
  search TEXT GENERATED ALWAYS AS (lower(sku || ' ' || name_zh || ' ' || name_orig || ' ' || brand || ' ' || barcode)) VIRTUAL
);
CREATE INDEX products_sku ON products(sku);
CREATE INDEX products_barcode ON products(barcode) WHERE barcode <> '';
CREATE INDEX products_name ON products(deleted, name_zh);
CREATE INDEX products_skusort ON products(deleted, sku);
CREATE INDEX products_brand ON products(deleted, brand, name_zh);
CREATE INDEX products_category ON products(deleted, category_id, name_zh);
CREATE INDEX products_price ON products(deleted, price);
CREATE INDEX products_cost ON products(deleted, cost);
CREATE INDEX products_created ON products(deleted, created_at);

CREATE TABLE batches (id TEXT PRIMARY KEY, product_id TEXT NOT NULL DEFAULT '', code TEXT NOT NULL DEFAULT '',
  expiry TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT '');
CREATE INDEX batches_product ON batches(product_id);
CREATE INDEX batches_expiry ON batches(expiry) WHERE expiry <> '';

-- Replicated ledger tables: append-only, _hlc is the stamp of the operation that added the row.
-- qty changes on-hand, reserved changes the reserved quantity (both signed).
CREATE TABLE stock_moves (
  id TEXT PRIMARY KEY, product_id TEXT NOT NULL DEFAULT '', location_id TEXT NOT NULL DEFAULT '',
  batch_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '', qty INTEGER NOT NULL DEFAULT 0,
  reserved INTEGER NOT NULL DEFAULT 0, unit_cost INTEGER NOT NULL DEFAULT 0, cost_currency TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '', ref TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '', _hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stock_moves_product ON stock_moves(product_id, at);
CREATE INDEX stock_moves_at ON stock_moves(at);
CREATE INDEX stock_moves_ref ON stock_moves(ref) WHERE ref <> '';

-- Derived: balances per product × location × batch, and per product, kept by triggers.
CREATE TABLE stock_levels (
  product_id TEXT NOT NULL, location_id TEXT NOT NULL, batch_id TEXT NOT NULL,
  on_hand INTEGER NOT NULL DEFAULT 0, reserved INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, location_id, batch_id)
) WITHOUT ROWID;
CREATE INDEX stock_levels_location ON stock_levels(location_id);

CREATE TABLE product_stock (
  product_id TEXT PRIMARY KEY, on_hand INTEGER NOT NULL DEFAULT 0, reserved INTEGER NOT NULL DEFAULT 0,
  available INTEGER GENERATED ALWAYS AS (on_hand - reserved) VIRTUAL
) WITHOUT ROWID;
CREATE INDEX product_stock_on_hand ON product_stock(on_hand);
CREATE INDEX product_stock_available ON product_stock(available);

CREATE TRIGGER stock_moves_levels AFTER INSERT ON stock_moves BEGIN
  INSERT INTO stock_levels(product_id, location_id, batch_id, on_hand, reserved)
    VALUES (NEW.product_id, NEW.location_id, NEW.batch_id, NEW.qty, NEW.reserved)
    ON CONFLICT(product_id, location_id, batch_id) DO UPDATE
    SET on_hand = on_hand + NEW.qty, reserved = reserved + NEW.reserved;
  INSERT INTO product_stock(product_id, on_hand, reserved) VALUES (NEW.product_id, NEW.qty, NEW.reserved)
    ON CONFLICT(product_id) DO UPDATE SET on_hand = on_hand + NEW.qty, reserved = reserved + NEW.reserved;
END;
