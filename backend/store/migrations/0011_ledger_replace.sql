-- A ledger row is immutable, but two laptops can make the same row offline (an id derived
-- from the same source: the payment of one channel order imported on both). Every device
-- keeps the copy with the smaller stamp: apply deletes the later copy and inserts the
-- earlier one. These triggers take a deleted ledger row back out of the derived tables, the
-- way the insert triggers put it in; a stock level left with no move at all goes, as a
-- rebuild would not make it.
CREATE TRIGGER stock_moves_levels_delete AFTER DELETE ON stock_moves BEGIN
  UPDATE stock_levels SET on_hand = on_hand - OLD.qty, reserved = reserved - OLD.reserved
    WHERE product_id = OLD.product_id AND location_id = OLD.location_id AND batch_id = OLD.batch_id;
  DELETE FROM stock_levels WHERE product_id = OLD.product_id AND location_id = OLD.location_id
    AND batch_id = OLD.batch_id AND NOT EXISTS (SELECT 1 FROM stock_moves m WHERE m.product_id = OLD.product_id
      AND m.location_id = OLD.location_id AND m.batch_id = OLD.batch_id);
  UPDATE product_stock SET on_hand = on_hand - OLD.qty, reserved = reserved - OLD.reserved
    WHERE product_id = OLD.product_id;
  DELETE FROM product_stock WHERE product_id = OLD.product_id
    AND NOT EXISTS (SELECT 1 FROM stock_moves m WHERE m.product_id = OLD.product_id);
END;
CREATE TRIGGER order_status_events_delete AFTER DELETE ON order_events BEGIN
  DELETE FROM order_status WHERE order_id = OLD.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = OLD.order_id;
END;
CREATE TRIGGER order_status_payments_delete AFTER DELETE ON payments BEGIN
  DELETE FROM order_status WHERE order_id = OLD.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = OLD.order_id;
END;
CREATE TRIGGER order_status_returns_delete AFTER DELETE ON order_returns BEGIN
  DELETE FROM order_status WHERE order_id = OLD.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = OLD.order_id;
END;

-- A return counts against its order only through that order's own lines: the triggers that
-- recompute an order when one of its lines changes then cover every figure that line feeds,
-- whatever order operations from other laptops arrive in.
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
                WHERE r.order_id = o.id AND l.order_id = o.id), 0) AS returned
    FROM orders o
  ) x
) y;
