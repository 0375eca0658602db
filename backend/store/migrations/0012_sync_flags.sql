-- What sync flags for a person, computed from the ledgers so every laptop flags the same
-- rows once it has the same operations (no flag is stored, so none can disagree):
--
-- oversold_moves: two laptops sold the last unit offline. Walking a location's stock moves
-- in stamp order, a move that takes available stock (on hand − reserved) below zero, and each
-- later one that takes more while it is below zero, is oversold — while the location's
-- available stock is still negative (goods received since cover it) and no person has
-- resolved it.
--
-- order_conflicts: an order that was cancelled on one laptop and shipped on another (locally
-- a shipped order cannot be cancelled, so both events only meet through sync), until a
-- person resolves it.
--
-- sync_resolutions is that person's answer, a replicated ledger row naming its subject (the
-- stock move or the order): for oversold source_elsewhere | backorder | cancel_refund, for a
-- conflict keep_cancelled | keep_shipped.
CREATE TABLE sync_resolutions (
  id TEXT PRIMARY KEY, subject TEXT NOT NULL DEFAULT '', kind TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '', at TEXT NOT NULL DEFAULT '', device TEXT NOT NULL DEFAULT '',
  _hlc TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sync_resolutions_subject ON sync_resolutions(subject);

CREATE VIEW oversold_moves AS
SELECT m.id AS move_id, m.product_id, m.location_id, m.ref, m.qty, m.reserved, m.avail_after FROM (
  SELECT sm.id, sm.product_id, sm.location_id, sm.ref, sm.qty, sm.reserved,
    sum(sm.qty - sm.reserved) OVER (PARTITION BY sm.product_id, sm.location_id ORDER BY sm._hlc, sm.id
      ROWS UNBOUNDED PRECEDING) AS avail_after
  FROM stock_moves sm
  JOIN (SELECT product_id, location_id FROM stock_levels GROUP BY product_id, location_id
        HAVING sum(on_hand - reserved) < 0) neg
    ON neg.product_id = sm.product_id AND neg.location_id = sm.location_id
) m
WHERE m.avail_after < 0 AND m.qty - m.reserved < 0
  AND NOT EXISTS (SELECT 1 FROM sync_resolutions r WHERE r.subject = m.id);

CREATE VIEW order_conflicts AS
SELECT c.order_id, 'cancel_vs_ship' AS kind FROM (
  SELECT order_id FROM order_events WHERE kind = 'cancelled'
  INTERSECT SELECT order_id FROM order_events WHERE kind = 'shipped'
) c
WHERE NOT EXISTS (SELECT 1 FROM sync_resolutions r WHERE r.subject = c.order_id);
