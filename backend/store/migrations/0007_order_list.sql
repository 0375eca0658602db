-- The order list on 1,000,000 orders (issue 3): every filter × sort of orders.FindOrders is
-- answered from an index of order_status alone, and the total from order_counts.
--
-- order_status gains the order header fields the list filters and sorts on, so it no longer
-- joins orders (a million lookups) before it can filter, sort or count. They are copies of
-- orders' columns, kept by the same triggers through order_status_calc. priority is the
-- manual priority as the list reads it: one of urgent/high/normal/low, else '' (by rule).
ALTER TABLE order_status ADD COLUMN number TEXT NOT NULL DEFAULT '';
ALTER TABLE order_status ADD COLUMN channel TEXT NOT NULL DEFAULT '';
ALTER TABLE order_status ADD COLUMN channel_order_no TEXT NOT NULL DEFAULT '';
ALTER TABLE order_status ADD COLUMN customer_id TEXT NOT NULL DEFAULT '';
ALTER TABLE order_status ADD COLUMN ship_name TEXT NOT NULL DEFAULT '';
ALTER TABLE order_status ADD COLUMN currency TEXT NOT NULL DEFAULT '';
ALTER TABLE order_status ADD COLUMN due_date TEXT NOT NULL DEFAULT '';
ALTER TABLE order_status ADD COLUMN priority TEXT NOT NULL DEFAULT '';

-- The same view as 0005 with the new columns at the end, in the table's column order (the
-- triggers and the rebuild insert SELECT *).
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
         ELSE max(x.event_rank, CASE WHEN x.paid >= x.goods - x.discount + x.shipping_fee THEN 30
                                     WHEN x.paid > 0 THEN 20 ELSE 0 END) END AS rank
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
                WHERE r.order_id = o.id), 0) AS returned
    FROM orders o
  ) x
) y;

-- A change to any copied field recomputes the row, as a change to the money fields did.
DROP TRIGGER order_status_orders_update;
CREATE TRIGGER order_status_orders_update AFTER UPDATE OF discount, shipping_fee, ordered_at, deleted, number, channel,
    channel_order_no, customer_id, ship_name, currency, due_date, priority ON orders BEGIN
  DELETE FROM order_status WHERE order_id = NEW.id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.id;
END;

-- Existing rows: copy the fields (cheaper than recomputing every row through the view).
UPDATE order_status SET (number, channel, channel_order_no, customer_id, ship_name, currency, due_date, priority) =
  (SELECT o.number, o.channel, o.channel_order_no, o.customer_id, o.ship_name, o.currency, o.due_date,
          CASE WHEN o.priority IN ('urgent', 'high', 'normal', 'low') THEN o.priority ELSE '' END
   FROM orders o WHERE o.id = order_status.order_id);

-- Derived, local: how many live orders there are per channel and status rank, so the list's
-- total for all / open / status / channel (and their combinations) is a sum of a few rows
-- instead of a count over up to a million index entries. Kept by the triggers below from
-- order_status itself (whatever changes a row there changes the counts), rebuilt with it.
CREATE TABLE order_counts (
  channel TEXT NOT NULL, rank INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (channel, rank)
) WITHOUT ROWID;
INSERT INTO order_counts(channel, rank, n)
  SELECT channel, rank, count(*) FROM order_status WHERE deleted = 0 GROUP BY channel, rank;
-- No upsert: a trigger's ON CONFLICT would give way to the firing statement's policy.
CREATE TRIGGER order_counts_insert AFTER INSERT ON order_status WHEN NEW.deleted = 0 BEGIN
  INSERT INTO order_counts(channel, rank, n) SELECT NEW.channel, NEW.rank, 0
    WHERE NOT EXISTS (SELECT 1 FROM order_counts WHERE channel = NEW.channel AND rank = NEW.rank);
  UPDATE order_counts SET n = n + 1 WHERE channel = NEW.channel AND rank = NEW.rank;
END;
CREATE TRIGGER order_counts_delete AFTER DELETE ON order_status WHEN OLD.deleted = 0 BEGIN
  UPDATE order_counts SET n = n - 1 WHERE channel = OLD.channel AND rank = OLD.rank;
END;
CREATE TRIGGER order_counts_update AFTER UPDATE OF channel, rank, deleted ON order_status BEGIN
  UPDATE order_counts SET n = n - 1 WHERE OLD.deleted = 0 AND channel = OLD.channel AND rank = OLD.rank;
  INSERT INTO order_counts(channel, rank, n) SELECT NEW.channel, NEW.rank, 0
    WHERE NEW.deleted = 0 AND NOT EXISTS (SELECT 1 FROM order_counts WHERE channel = NEW.channel AND rank = NEW.rank);
  UPDATE order_counts SET n = n + 1 WHERE NEW.deleted = 0 AND channel = NEW.channel AND rank = NEW.rank;
END;

-- The list's indexes, all over live rows only. One per sort key (ordered, number, total, due,
-- priority) for each way the list narrows a large set: nothing, one status, one channel, and
-- the open orders (a small partial set, the work queue). A page walks one of them in order
-- and stops after 100 rows; orders.FindOrders names the index (INDEXED BY) so the planner
-- cannot trade it for a sort of the whole set. due: (due_date, ordered_at, order_id), read as
-- "dated first" by two ranges. priority: (priority, due_date, ordered_at, order_id) with
-- currency and total, read as one range per effective priority (see orders/list.go).
-- The indexes of all orders carry the inputs of the effective priority, so that a priority
-- filter walking them in another order tests each entry without reading the table.
-- Ordered by date, one status: order_status_status (0005).
DROP INDEX order_status_rank;
DROP INDEX order_status_ordered; -- superseded by os_ordered
CREATE INDEX os_ordered ON order_status(ordered_at, order_id, number, total, due_date, priority, currency) WHERE deleted = 0;
CREATE INDEX os_number ON order_status(number, order_id, priority, due_date, currency, total) WHERE deleted = 0;
CREATE INDEX os_total ON order_status(total, order_id, priority, due_date, currency) WHERE deleted = 0;
CREATE INDEX os_due ON order_status(due_date, ordered_at, order_id, priority, currency, total) WHERE deleted = 0;
CREATE INDEX os_prio ON order_status(priority, due_date, ordered_at, order_id, currency, total) WHERE deleted = 0;

CREATE INDEX os_status_number ON order_status(status, number, order_id) WHERE deleted = 0;
CREATE INDEX os_status_total ON order_status(status, total, order_id) WHERE deleted = 0;
CREATE INDEX os_status_due ON order_status(status, due_date, ordered_at, order_id) WHERE deleted = 0;
CREATE INDEX os_status_prio ON order_status(status, priority, due_date, ordered_at, order_id, currency, total) WHERE deleted = 0;

CREATE INDEX os_channel_ordered ON order_status(channel, ordered_at, order_id) WHERE deleted = 0;
CREATE INDEX os_channel_number ON order_status(channel, number, order_id) WHERE deleted = 0;
CREATE INDEX os_channel_total ON order_status(channel, total, order_id) WHERE deleted = 0;
CREATE INDEX os_channel_due ON order_status(channel, due_date, ordered_at, order_id) WHERE deleted = 0;
CREATE INDEX os_channel_prio ON order_status(channel, priority, due_date, ordered_at, order_id, currency, total) WHERE deleted = 0;

CREATE INDEX os_open_ordered ON order_status(ordered_at, order_id) WHERE deleted = 0 AND rank BETWEEN 10 AND 60;
CREATE INDEX os_open_number ON order_status(number, order_id) WHERE deleted = 0 AND rank BETWEEN 10 AND 60;
CREATE INDEX os_open_total ON order_status(total, order_id) WHERE deleted = 0 AND rank BETWEEN 10 AND 60;
CREATE INDEX os_open_due ON order_status(due_date, ordered_at, order_id) WHERE deleted = 0 AND rank BETWEEN 10 AND 60;
CREATE INDEX os_open_prio ON order_status(priority, due_date, ordered_at, order_id, currency, total) WHERE deleted = 0 AND rank BETWEEN 10 AND 60;

-- Sets the list reads whole and sorts: a date range (os_ordered carries every sort key, so a
-- month's 30,000 orders sort without reading the table), one customer's orders, the text search's
-- three prefixes, and the undated orders high by value (priority '' and total from the
-- currency's threshold: one range per currency, so the priority sort finds a few of them
-- without passing every undated order of normal value).
CREATE INDEX os_value ON order_status(currency, total, ordered_at, order_id, channel, status, rank)
  WHERE deleted = 0 AND priority = '' AND due_date = '';
CREATE INDEX os_customer ON order_status(customer_id, ordered_at, order_id) WHERE deleted = 0;
CREATE INDEX os_channel_order_no ON order_status(channel_order_no) WHERE deleted = 0 AND channel_order_no <> '';
CREATE INDEX os_ship_name ON order_status(ship_name) WHERE deleted = 0 AND ship_name <> '';
