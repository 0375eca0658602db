-- An order's status row (order_status_calc, recomputed by the triggers after every change and
-- for every order of an import) sums and counts its lines, events and payments. Indexes that
-- hold those columns answer each sum from the index alone instead of fetching every row from
-- its table: computing 40,000 orders' status took 2.7 s and now takes 0.85 s. They replace the
-- plain order_id indexes, which they serve just as well.
DROP INDEX order_lines_order;
CREATE INDEX order_lines_order ON order_lines(order_id, deleted, preorder, qty, unit_price, id);
DROP INDEX order_events_order;
CREATE INDEX order_events_order ON order_events(order_id, at, kind);
DROP INDEX payments_order;
CREATE INDEX payments_order ON payments(order_id, kind, order_amount, base_amount);
