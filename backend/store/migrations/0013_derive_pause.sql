-- Bulk writes (a channel file's orders, a batch of another laptop's operations) compute the
-- order_status rows of the orders they touch once at the end instead of after every row.
-- They used to drop these triggers and create them again, but every schema change makes
-- SQLite read the whole schema again and prepare every statement again, which cost more than
-- a 500-operation segment itself. Now a bulk write sets derive_pause.paused inside its
-- transaction (so no other connection ever sees it set) and the triggers skip their work.
CREATE TABLE derive_pause (paused INTEGER NOT NULL);
INSERT INTO derive_pause VALUES (0);

DROP TRIGGER order_status_orders_insert;
CREATE TRIGGER order_status_orders_insert AFTER INSERT ON orders
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id = NEW.id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.id;
END;
DROP TRIGGER order_status_lines_insert;
CREATE TRIGGER order_status_lines_insert AFTER INSERT ON order_lines
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id = NEW.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.order_id;
END;
DROP TRIGGER order_status_lines_update;
CREATE TRIGGER order_status_lines_update AFTER UPDATE OF order_id, qty, unit_price, deleted ON order_lines
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id IN (NEW.order_id, OLD.order_id);
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id IN (NEW.order_id, OLD.order_id);
END;
DROP TRIGGER order_status_events_insert;
CREATE TRIGGER order_status_events_insert AFTER INSERT ON order_events
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id = NEW.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.order_id;
END;
DROP TRIGGER order_status_payments_insert;
CREATE TRIGGER order_status_payments_insert AFTER INSERT ON payments
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id = NEW.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.order_id;
END;
DROP TRIGGER order_status_returns_insert;
CREATE TRIGGER order_status_returns_insert AFTER INSERT ON order_returns
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id = NEW.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.order_id;
END;
DROP TRIGGER order_status_orders_update;
CREATE TRIGGER order_status_orders_update AFTER UPDATE OF discount, shipping_fee, ordered_at, deleted, number, channel,
    channel_order_no, customer_id, ship_name, currency, due_date, priority ON orders
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id = NEW.id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = NEW.id;
END;
DROP TRIGGER order_status_events_delete;
CREATE TRIGGER order_status_events_delete AFTER DELETE ON order_events
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id = OLD.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = OLD.order_id;
END;
DROP TRIGGER order_status_payments_delete;
CREATE TRIGGER order_status_payments_delete AFTER DELETE ON payments
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id = OLD.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = OLD.order_id;
END;
DROP TRIGGER order_status_returns_delete;
CREATE TRIGGER order_status_returns_delete AFTER DELETE ON order_returns
  WHEN (SELECT paused FROM derive_pause) = 0 BEGIN
  DELETE FROM order_status WHERE order_id = OLD.order_id;
  INSERT INTO order_status SELECT * FROM order_status_calc WHERE order_id = OLD.order_id;
END;
