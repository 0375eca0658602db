-- Customers, orders and money (issue 3). Replicated tables follow 0001's rules: no foreign
-- keys, no UNIQUE business keys, text defaults '' and integers 0, _v / _hlc for the write path.

CREATE TABLE customers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '', wechat TEXT NOT NULL DEFAULT '', xiaohongshu TEXT NOT NULL DEFAULT '',
  taobao TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '',
  id_number TEXT NOT NULL DEFAULT '',      -- 18-digit resident ID for customs clearance
  id_photo TEXT NOT NULL DEFAULT '',       -- blob hash
  tags TEXT NOT NULL DEFAULT '',           -- comma-separated
  notes TEXT NOT NULL DEFAULT '',
  merged_into TEXT NOT NULL DEFAULT '',    -- set when this record was merged into another
  created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT '',
  search TEXT GENERATED ALWAYS AS (lower(name || ' ' || wechat || ' ' || xiaohongshu || ' ' || taobao || ' ' || phone || ' ' || email)) VIRTUAL
);
CREATE INDEX customers_name ON customers(deleted, name, id);
CREATE INDEX customers_phone ON customers(phone) WHERE phone <> '';
CREATE INDEX customers_wechat ON customers(wechat) WHERE wechat <> '';

CREATE TABLE customer_addresses (
  id TEXT PRIMARY KEY, customer_id TEXT NOT NULL DEFAULT '',
  recipient TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '',
  province TEXT NOT NULL DEFAULT '', city TEXT NOT NULL DEFAULT '', district TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '', postcode TEXT NOT NULL DEFAULT '',
  is_default INTEGER NOT NULL DEFAULT 0, label TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX customer_addresses_customer ON customer_addresses(customer_id);

-- Order header. Status is not a field: it follows order_events (and payments for "paid").
CREATE TABLE orders (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL DEFAULT '',            -- SO-<device prefix>-0042, never reused
  channel TEXT NOT NULL DEFAULT '',           -- wechat | xiaohongshu | taobao | website | other
  channel_order_no TEXT NOT NULL DEFAULT '',
  customer_id TEXT NOT NULL DEFAULT '',
  ship_name TEXT NOT NULL DEFAULT '', ship_phone TEXT NOT NULL DEFAULT '',
  ship_province TEXT NOT NULL DEFAULT '', ship_city TEXT NOT NULL DEFAULT '',
  ship_district TEXT NOT NULL DEFAULT '', ship_street TEXT NOT NULL DEFAULT '', ship_postcode TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL DEFAULT '',          -- the currency the customer pays in
  discount INTEGER NOT NULL DEFAULT 0,        -- minor units of currency, off the order
  shipping_fee INTEGER NOT NULL DEFAULT 0,    -- charged to the customer
  due_date TEXT NOT NULL DEFAULT '',          -- YYYY-MM-DD the customer needs it by
  priority TEXT NOT NULL DEFAULT '',          -- '' = by rule | urgent | high | normal | low
  zone_id TEXT NOT NULL DEFAULT '',           -- allocation override ('' = by rule)
  note TEXT NOT NULL DEFAULT '',
  ordered_at TEXT NOT NULL DEFAULT '',        -- business date, RFC 3339
  created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX orders_ordered ON orders(deleted, ordered_at, id);
CREATE INDEX orders_customer ON orders(customer_id, ordered_at);
CREATE INDEX orders_channel_no ON orders(channel, channel_order_no) WHERE channel_order_no <> '';
CREATE INDEX orders_number ON orders(number);

CREATE TABLE order_lines (
  id TEXT PRIMARY KEY, order_id TEXT NOT NULL DEFAULT '',
  product_id TEXT NOT NULL DEFAULT '',        -- '' while an imported title is not matched yet
  title TEXT NOT NULL DEFAULT '',             -- the channel's title, kept as sold
  qty INTEGER NOT NULL DEFAULT 0,
  unit_price INTEGER NOT NULL DEFAULT 0,      -- minor units of the order's currency
  preorder INTEGER NOT NULL DEFAULT 0,        -- 1 = goods still to be bought (feeds the trip list)
  location_id TEXT NOT NULL DEFAULT '',       -- where its stock is reserved
  position INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_lines_order ON order_lines(order_id);
CREATE INDEX order_lines_product ON order_lines(product_id);

-- What happened to an order: confirmed, allocated, bought, packed, shipped, delivered,
-- completed, cancelled, reopened … Status is the highest-ranked event (orders/status.go).
CREATE TABLE order_events (
  id TEXT PRIMARY KEY, order_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '', at TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '',
  _hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_events_order ON order_events(order_id, at);

-- Money in and out: deposits (定金), payments and refunds (negative), each in its own currency
-- with the rate to the base currency used on that day.
CREATE TABLE payments (
  id TEXT PRIMARY KEY, order_id TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT '',              -- deposit | payment | refund
  amount INTEGER NOT NULL DEFAULT 0,          -- minor units of currency; refunds negative
  currency TEXT NOT NULL DEFAULT '',
  rate TEXT NOT NULL DEFAULT '',              -- decimal: 1 unit of currency in the base currency
  base_amount INTEGER NOT NULL DEFAULT 0,     -- minor units of the base currency
  method TEXT NOT NULL DEFAULT '',            -- wechat | alipay | bank | cash | other
  ref TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
  return_id TEXT NOT NULL DEFAULT '',         -- the return a refund belongs to
  paid_at TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '', _hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX payments_order ON payments(order_id);

-- Goods coming back against an order line.
CREATE TABLE order_returns (
  id TEXT PRIMARY KEY, order_id TEXT NOT NULL DEFAULT '', line_id TEXT NOT NULL DEFAULT '',
  qty INTEGER NOT NULL DEFAULT 0, reason TEXT NOT NULL DEFAULT '',
  condition TEXT NOT NULL DEFAULT '',         -- resaleable | damaged | opened
  disposition TEXT NOT NULL DEFAULT '',       -- restock | write_off
  location_id TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '', _hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX order_returns_order ON order_returns(order_id);

-- Exchange rates the user keeps: 1 unit of currency = rate units of base, from a date on.
CREATE TABLE exchange_rates (
  id TEXT PRIMARY KEY, currency TEXT NOT NULL DEFAULT '', base TEXT NOT NULL DEFAULT '',
  rate TEXT NOT NULL DEFAULT '', valid_from TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exchange_rates_currency ON exchange_rates(currency, valid_from);

-- Column mappings the user saved per sales channel for importing its order exports.
CREATE TABLE import_mappings (
  id TEXT PRIMARY KEY, channel TEXT NOT NULL DEFAULT '', name TEXT NOT NULL DEFAULT '',
  mapping TEXT NOT NULL DEFAULT '',           -- JSON: field → column header
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
