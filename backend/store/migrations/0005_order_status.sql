-- Orders core (issue 3): the amount of a payment in its order's currency, lookup indexes for
-- the order list, and the derived order_status table the list filters on.

-- A payment in another currency than its order's is converted once, when it is taken, so
-- every device compares the same integers when deciding whether an order is paid.
ALTER TABLE payments ADD COLUMN order_amount INTEGER NOT NULL DEFAULT 0;

-- The list's text search matches the start of a number, channel order number or recipient.
CREATE INDEX orders_channel_order_no ON orders(channel_order_no) WHERE channel_order_no <> '';
CREATE INDEX orders_ship_name ON orders(ship_name) WHERE ship_name <> '';
CREATE INDEX order_returns_line ON order_returns(line_id);

-- Local: the rank of each status. orders.Statuses is the same table in Go (a test checks).
-- Status is the highest-ranked event; deposit/paid come from payments, cancelled beats all.
CREATE TABLE order_status_ranks (status TEXT PRIMARY KEY, rank INTEGER NOT NULL UNIQUE) WITHOUT ROWID;
INSERT INTO order_status_ranks VALUES
  ('draft', 0), ('confirmed', 10), ('deposit', 20), ('paid', 30), ('allocated', 40), ('bought', 50),
  ('packed', 60), ('shipped', 70), ('delivered', 80), ('completed', 90), ('cancelled', 100);

-- Derived, local: each order's status and money figures (minor units of the order's currency,
-- *_base in the base currency), so the list filters and sorts on 1,000,000 orders without
-- recomputing anything per row. Kept by the triggers below from the ledgers (order_events,
-- payments, order_returns) and the order's lines; rebuilt by orders.Service.RebuildStatus.
CREATE TABLE order_status (
  order_id TEXT PRIMARY KEY,
  status TEXT NOT NULL, rank INTEGER NOT NULL,
  goods INTEGER NOT NULL,          -- sum of live lines' qty × unit_price
  total INTEGER NOT NULL,          -- goods − discount + shipping fee
  paid INTEGER NOT NULL,           -- received net of refunds
  refunded INTEGER NOT NULL,       -- refunded (positive)
  paid_base INTEGER NOT NULL, refunded_base INTEGER NOT NULL,
  returned INTEGER NOT NULL,       -- value of returned goods (qty × unit price)
  ordered_at TEXT NOT NULL, deleted INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX order_status_status ON order_status(deleted, status, ordered_at, order_id);
CREATE INDEX order_status_ordered ON order_status(deleted, ordered_at, order_id);
CREATE INDEX order_status_rank ON order_status(deleted, rank, order_id);

-- The one definition of the figures: triggers and the rebuild both read it, so they agree.
CREATE VIEW order_status_calc AS
SELECT y.order_id,
  coalesce((SELECT k.status FROM order_status_ranks k WHERE k.rank = y.rank), 'draft') AS status,
  y.rank, y.goods, y.goods - y.discount + y.shipping_fee AS total, y.paid, y.refunded, y.paid_base,
  y.refunded_base, y.returned, y.ordered_at, y.deleted
FROM (
  SELECT x.*,
    CASE WHEN x.cancelled THEN 100
         WHEN x.event_rank < 10 THEN x.event_rank
         ELSE max(x.event_rank, CASE WHEN x.paid >= x.goods - x.discount + x.shipping_fee THEN 30
                                     WHEN x.paid > 0 THEN 20 ELSE 0 END) END AS rank
  FROM (
    SELECT o.id AS order_id, o.discount, o.shipping_fee, o.ordered_at, o.deleted,
      coalesce((SELECT sum(l.qty * l.unit_price) FROM order_lines l WHERE l.order_id = o.id AND l.deleted = 0), 0) AS goods,
      coalesce((SELECT max(k.rank) FROM order_events e JOIN order_status_ranks k ON k.status = e.kind
                WHERE e.order_id = o.id AND e.kind <> 'cancelled'), 0) AS event_rank,
      EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.kind = 'cancelled') AS cancelled,
      coalesce((SELECT sum(p.order_amount) FROM payments p WHERE p.order_id = o.id), 0) AS paid,
      coalesce((SELECT -sum(p.order_amount) FROM payments p WHERE p.order_id = o.id AND p.kind = 'refund'), 0) AS refunded,
      coalesce((SELECT sum(p.base_amount) FROM payments p WHERE p.order_id = o.id), 0) AS paid_base,
      coalesce((SELECT -sum(p.base_amount) FROM payments p WHERE p.order_id = o.id AND p.kind = 'refund'), 0) AS refunded_base,
      coalesce((SELECT sum(r.qty * l.unit_price) FROM order_returns r JOIN order_lines l ON l.id = r.line_id
                WHERE r.order_id = o.id), 0) AS returned
    FROM orders o
  ) x
) y;

-- Each trigger recomputes the whole row of the order it touches (not an increment), so the
-- result does not depend on the order in which operations from several devices arrive. It
-- deletes then inserts: INSERT OR REPLACE would take the firing statement's conflict policy
-- (the write path's INSERT OR IGNORE) and silently keep the stale row.
CREATE TRIGGER order_status_orders_insert AFTER INSERT ON orders BEGIN
  DELETE FROM order_status WHERE order_id = NEW.id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.id;
END;
CREATE TRIGGER order_status_orders_update AFTER UPDATE OF discount, shipping_fee, ordered_at, deleted ON orders BEGIN
  DELETE FROM order_status WHERE order_id = NEW.id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.id;
END;
CREATE TRIGGER order_status_lines_insert AFTER INSERT ON order_lines BEGIN
  DELETE FROM order_status WHERE order_id = NEW.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.order_id;
END;
CREATE TRIGGER order_status_lines_update AFTER UPDATE OF order_id, qty, unit_price, deleted ON order_lines BEGIN
  DELETE FROM order_status WHERE order_id IN (NEW.order_id, OLD.order_id);
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id IN (NEW.order_id, OLD.order_id);
END;
CREATE TRIGGER order_status_events_insert AFTER INSERT ON order_events BEGIN
  DELETE FROM order_status WHERE order_id = NEW.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.order_id;
END;
CREATE TRIGGER order_status_payments_insert AFTER INSERT ON payments BEGIN
  DELETE FROM order_status WHERE order_id = NEW.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.order_id;
END;
CREATE TRIGGER order_status_returns_insert AFTER INSERT ON order_returns BEGIN
  DELETE FROM order_status WHERE order_id = NEW.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.order_id;
END;
