-- The order list filters and sorts in memory (orders/listindex.go) instead of through an index
-- of order_status per sort key and way of narrowing. Each order written went into all 23 of
-- them, each at its own place: into 1,000,000 orders that was 2 s of a 100,000-row import,
-- and about a third of the database. order_status_status stays for the buying-trip list's
-- open orders by status. orders_ship_name and orders_channel_order_no have served nothing
-- since the list reads order_status's copies of those fields (0007).
DROP INDEX os_ordered;
DROP INDEX os_number;
DROP INDEX os_total;
DROP INDEX os_due;
DROP INDEX os_prio;
DROP INDEX os_status_number;
DROP INDEX os_status_total;
DROP INDEX os_status_due;
DROP INDEX os_status_prio;
DROP INDEX os_channel_ordered;
DROP INDEX os_channel_number;
DROP INDEX os_channel_total;
DROP INDEX os_channel_due;
DROP INDEX os_channel_prio;
DROP INDEX os_open_ordered;
DROP INDEX os_open_number;
DROP INDEX os_open_total;
DROP INDEX os_open_due;
DROP INDEX os_open_prio;
DROP INDEX os_value;
DROP INDEX os_customer;
DROP INDEX os_channel_order_no;
DROP INDEX os_ship_name;
DROP INDEX orders_ship_name;
DROP INDEX orders_channel_order_no;
