-- Suppliers, purchase orders and buying trips (issue 5). Replicated tables follow 0001's
-- rules: no foreign keys, no UNIQUE business keys, text defaults '' and integers 0, _v / _hlc
-- for the write path. Landed costs are not stored: purchasing computes them from these rows
-- when it reads, so laptops that merged the same rows always agree on them.

CREATE TABLE suppliers (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL DEFAULT '',            -- shop | counter | online | wholesaler
  country TEXT NOT NULL DEFAULT '',         -- ISO 3166 alpha-2: JP, KR, FR, US, AU …
  city TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '', phone TEXT NOT NULL DEFAULT '', email TEXT NOT NULL DEFAULT '',
  website TEXT NOT NULL DEFAULT '', address TEXT NOT NULL DEFAULT '',
  lead_days INTEGER NOT NULL DEFAULT 0,     -- typical days from ordering to goods in hand
  notes TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX suppliers_name ON suppliers(deleted, name);

-- Which products a supplier sells (id derived from supplier + product). The last price paid
-- is read from the purchases themselves, so it is never a stale copy.
CREATE TABLE supplier_products (
  id TEXT PRIMARY KEY, supplier_id TEXT NOT NULL DEFAULT '', product_id TEXT NOT NULL DEFAULT '',
  supplier_sku TEXT NOT NULL DEFAULT '', preferred INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX supplier_products_product ON supplier_products(product_id);
CREATE INDEX supplier_products_supplier ON supplier_products(supplier_id);

CREATE TABLE purchase_orders (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL DEFAULT '',          -- PO-<device prefix>-0001
  supplier_id TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL DEFAULT '',
  rate TEXT NOT NULL DEFAULT '',            -- 1 unit of currency in the base currency
  ordered_at TEXT NOT NULL DEFAULT '',      -- business date YYYY-MM-DD
  expected_at TEXT NOT NULL DEFAULT '',
  location_id TEXT NOT NULL DEFAULT '',     -- where its goods are received by default
  note TEXT NOT NULL DEFAULT '',
  cancelled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX purchase_orders_ordered ON purchase_orders(deleted, ordered_at);
CREATE INDEX purchase_orders_supplier ON purchase_orders(supplier_id);

CREATE TABLE purchase_order_lines (
  id TEXT PRIMARY KEY, po_id TEXT NOT NULL DEFAULT '', product_id TEXT NOT NULL DEFAULT '',
  qty INTEGER NOT NULL DEFAULT 0,
  unit_price INTEGER NOT NULL DEFAULT 0,    -- minor units of the order's currency
  position INTEGER NOT NULL DEFAULT 0,
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX purchase_order_lines_po ON purchase_order_lines(po_id);
CREATE INDEX purchase_order_lines_product ON purchase_order_lines(product_id);

-- Goods of a purchase order line arriving (whole or in part); its stock move has ref = id.
CREATE TABLE purchase_receipts (
  id TEXT PRIMARY KEY, po_id TEXT NOT NULL DEFAULT '', line_id TEXT NOT NULL DEFAULT '',
  product_id TEXT NOT NULL DEFAULT '', qty INTEGER NOT NULL DEFAULT 0,
  location_id TEXT NOT NULL DEFAULT '', batch_id TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '', at TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '',
  _hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX purchase_receipts_po ON purchase_receipts(po_id);
CREATE INDEX purchase_receipts_line ON purchase_receipts(line_id);

CREATE TABLE trips (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT '', city TEXT NOT NULL DEFAULT '',
  starts_on TEXT NOT NULL DEFAULT '', ends_on TEXT NOT NULL DEFAULT '',
  buyer TEXT NOT NULL DEFAULT '',
  currency TEXT NOT NULL DEFAULT '',
  card_rate TEXT NOT NULL DEFAULT '',       -- default rates for purchases paid by card / in cash
  cash_rate TEXT NOT NULL DEFAULT '',
  location_id TEXT NOT NULL DEFAULT '',     -- where goods bought for stock are booked in
  closed INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '', created_at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX trips_starts ON trips(deleted, starts_on);

-- What a person put on a trip's list by hand (id derived from trip + product): qty to buy
-- for stock instead of the reorder suggestion, or skip to leave the suggestion off.
CREATE TABLE trip_items (
  id TEXT PRIMARY KEY, trip_id TEXT NOT NULL DEFAULT '', product_id TEXT NOT NULL DEFAULT '',
  qty INTEGER NOT NULL DEFAULT 0, skip INTEGER NOT NULL DEFAULT 0, supplier_id TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX trip_items_trip ON trip_items(trip_id);

-- What the buyer did on a trip, ticked off item by item: bought (qty at unit_price in the
-- local currency, less discount, at rate), not_found, or undo (cancels the row named by
-- undoes, with negative qty). A substitute is bought with for_product_id = the product the
-- customers asked for.
CREATE TABLE trip_buys (
  id TEXT PRIMARY KEY, trip_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '',
  product_id TEXT NOT NULL DEFAULT '', for_product_id TEXT NOT NULL DEFAULT '',
  qty INTEGER NOT NULL DEFAULT 0,
  unit_price INTEGER NOT NULL DEFAULT 0,    -- minor units of currency, before discount
  discount INTEGER NOT NULL DEFAULT 0,      -- off the whole row, minor units of currency
  currency TEXT NOT NULL DEFAULT '', rate TEXT NOT NULL DEFAULT '',
  paid_with TEXT NOT NULL DEFAULT '',       -- card | cash
  supplier_id TEXT NOT NULL DEFAULT '', store TEXT NOT NULL DEFAULT '',
  tax_free INTEGER NOT NULL DEFAULT 0,      -- 1 = bought for a tax refund (see purchase_costs)
  receipt TEXT NOT NULL DEFAULT '',         -- blob hash of the receipt photo
  undoes TEXT NOT NULL DEFAULT '',
  to_stock INTEGER NOT NULL DEFAULT 0,      -- how many of qty went into stock (the rest filled pre-orders)
  note TEXT NOT NULL DEFAULT '', at TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '',
  _hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX trip_buys_trip ON trip_buys(trip_id);
CREATE INDEX trip_buys_product ON trip_buys(product_id, at);

-- Goods bought on a trip given to a customer's pre-order line; an undo adds the negative row.
CREATE TABLE preorder_fills (
  id TEXT PRIMARY KEY, line_id TEXT NOT NULL DEFAULT '', order_id TEXT NOT NULL DEFAULT '',
  buy_id TEXT NOT NULL DEFAULT '', qty INTEGER NOT NULL DEFAULT 0,
  at TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '', _hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX preorder_fills_line ON preorder_fills(line_id, qty); -- covering: a line's filled quantity
CREATE INDEX preorder_fills_order ON preorder_fills(order_id);
CREATE INDEX preorder_fills_buy ON preorder_fills(buy_id);

-- Costs on top of the goods of a trip or a purchase order (owner_id), spread over its
-- goods by value or weight: luggage | forwarder | duty | other. A tax_refund is money back
-- for the tax-free goods bought at one store (supplier_id or store): eligible → claimed →
-- received; only a received refund lowers the cost, by amount_received.
CREATE TABLE purchase_costs (
  id TEXT PRIMARY KEY, owner_id TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '',
  amount INTEGER NOT NULL DEFAULT 0, currency TEXT NOT NULL DEFAULT '', rate TEXT NOT NULL DEFAULT '',
  spread TEXT NOT NULL DEFAULT '',          -- value | weight
  supplier_id TEXT NOT NULL DEFAULT '', store TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT '',          -- tax refunds: eligible | claimed | received
  amount_received INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '', at TEXT NOT NULL DEFAULT '',
  deleted INTEGER NOT NULL DEFAULT 0, _v TEXT NOT NULL DEFAULT ''
);
CREATE INDEX purchase_costs_owner ON purchase_costs(owner_id);

-- An order whose every pre-order line has been filled by goods bought on a trip is
-- allocated (rank 40), once confirmed and unless an event or payment ranks it higher. It is
-- derived from preorder_fills like paid is from payments, so laptops that filled different
-- lines of one order offline agree once they have each other's fills.
DROP VIEW order_status_calc;
CREATE VIEW order_status_calc AS
SELECT y.order_id,
  coalesce((SELECT k.status FROM order_status_ranks k WHERE k.rank = y.rank), 'draft') AS status,
  y.rank, y.goods, y.goods - y.discount + y.shipping_fee AS total, y.paid, y.refunded, y.paid_base,
  y.refunded_base, y.returned, y.ordered_at, y.deleted,
  y.number, y.channel, y.channel_order_no, y.customer_id, y.ship_name, y.currency, y.due_date,
  CASE WHEN y.priority IN ('urgent', 'high', 'normal', 'low') THEN y.priority ELSE '' END AS priority
FROM (
  SELECT x.*,
    CASE WHEN x.cancelled THEN 100
         WHEN x.event_rank < 10 THEN x.event_rank
         ELSE max(x.event_rank,
                  CASE WHEN x.paid >= x.goods - x.discount + x.shipping_fee THEN 30
                       WHEN x.paid > 0 THEN 20 ELSE 0 END,
                  CASE WHEN x.preorders > 0 AND x.unfilled = 0 THEN 40 ELSE 0 END) END AS rank
  FROM (
    SELECT o.id AS order_id, o.discount, o.shipping_fee, o.ordered_at, o.deleted,
      o.number, o.channel, o.channel_order_no, o.customer_id, o.ship_name, o.currency, o.due_date, o.priority,
      coalesce((SELECT sum(l.qty * l.unit_price) FROM order_lines l WHERE l.order_id = o.id AND l.deleted = 0), 0) AS goods,
      coalesce((SELECT max(k.rank) FROM order_events e JOIN order_status_ranks k ON k.status = e.kind
                WHERE e.order_id = o.id AND e.kind <> 'cancelled'), 0) AS event_rank,
      EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.kind = 'cancelled') AS cancelled,
      coalesce((SELECT sum(p.order_amount) FROM payments p WHERE p.order_id = o.id), 0) AS paid,
      coalesce((SELECT -sum(p.order_amount) FROM payments p WHERE p.order_id = o.id AND p.kind = 'refund'), 0) AS refunded,
      coalesce((SELECT sum(p.base_amount) FROM payments p WHERE p.order_id = o.id), 0) AS paid_base,
      coalesce((SELECT -sum(p.base_amount) FROM payments p WHERE p.order_id = o.id AND p.kind = 'refund'), 0) AS refunded_base,
      coalesce((SELECT sum(r.qty * l.unit_price) FROM order_returns r JOIN order_lines l ON l.id = r.line_id
                WHERE r.order_id = o.id AND l.order_id = o.id), 0) AS returned,
      (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id AND l.deleted = 0 AND l.preorder = 1) AS preorders,
      (SELECT count(*) FROM order_lines l WHERE l.order_id = o.id AND l.deleted = 0 AND l.preorder = 1
         AND l.qty > coalesce((SELECT sum(f.qty) FROM preorder_fills f WHERE f.line_id = l.id AND f.order_id = o.id), 0)) AS unfilled
    FROM orders o
  ) x
) y;

CREATE TRIGGER order_status_fills_insert AFTER INSERT ON preorder_fills
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id = NEW.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.order_id;
END;
CREATE TRIGGER order_status_fills_delete AFTER DELETE ON preorder_fills
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id = OLD.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = OLD.order_id;
END;
-- A line turning into (or out of) a pre-order changes whether the order is filled.
DROP TRIGGER order_status_lines_update;
CREATE TRIGGER order_status_lines_update AFTER UPDATE OF order_id, qty, unit_price, deleted, preorder ON order_lines
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id IN (NEW.order_id, OLD.order_id);
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id IN (NEW.order_id, OLD.order_id);
END;

CREATE INDEX trip_buys_undoes ON trip_buys(undoes);
-- Pre-order lines by product (ticking an item finds the lines it fills) and by order (the
-- trip list walks the open orders and reads their pre-order lines, not every line ever sold).
CREATE INDEX order_lines_preorder ON order_lines(product_id, order_id, qty, id) WHERE preorder = 1 AND deleted = 0;
CREATE INDEX order_lines_preorder_order ON order_lines(order_id, product_id, qty, id) WHERE preorder = 1 AND deleted = 0;

-- Every price paid to a supplier for a product: trip purchases (not undone) and purchase
-- order lines (of orders not cancelled), for "last price" on supplier pages and trip lists.
CREATE VIEW purchase_prices AS
SELECT b.id AS rowid_key, b.supplier_id, b.product_id, b.unit_price, b.currency, b.at
  FROM trip_buys b
  WHERE b.kind = 'bought' AND b.supplier_id <> '' AND NOT EXISTS (SELECT 1 FROM trip_buys u WHERE u.undoes = b.id)
UNION ALL
SELECT l.id, po.supplier_id, l.product_id, l.unit_price, po.currency, po.ordered_at
  FROM purchase_order_lines l JOIN purchase_orders po ON po.id = l.po_id
  WHERE l.deleted = 0 AND po.deleted = 0 AND po.cancelled = 0;
