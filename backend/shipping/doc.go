// Package shipping sends the goods: carriers and their services with rate tables, parcels
// (one or more orders, or parts of them, packed together), tracking events, customer notices
// and carrier evaluation, and the labels and packing slips printed for parcels.
//
// Tables (migration 0015). Entities, edited by set with per-field last-writer-wins: carriers,
// carrier_services, service_rates, parcels and parcel_items (qty of an order line in a parcel;
// id derived from parcel + line). Ledgers, never changed: parcel_events (tracking) and notices
// with notice_sends (each attempt to e-mail a notice). The team's rules are the settings row
// shipping_rules.
//
// Preloaded carriers (SF Express, EMS, DHL, FedEx, UPS, a forwarder) live in the code
// (BuiltInCarriers) with fixed ids and are overlaid by saved rows: nothing is written until a
// person edits one, so a new laptop's database stays empty (it may start from a sync
// snapshot) and an edit anywhere replaces the same row everywhere.
//
// Suggesting a carrier (Quote): every service that leaves from the parcel's origin (a
// domestic service from the home country, an international one from abroad), has a rate row
// for the destination province and carries the chargeable weight (the weight, or the volume
// weight L×W×H / divisor when more) is priced: the first weight, then each further step or
// part of it, converted to the base currency at the day's rate. The rules pick one: a
// destination rule's service when it can carry the parcel; else for a light parcel the
// cheapest economy service; else the cheapest service that is insured and signed for when the
// declared value makes the parcel valuable, or simply the cheapest (ties: the faster).
//
// Status follows events, as for orders. A parcel's state (view parcel_state) comes from its
// tracking events: none = packed, delivered beats all, then lost, else the latest event.
// Orders move on in the same transaction as the parcel step that moves them, through the
// small Orders interface: an order whose every line is in live parcels becomes packed; the
// parcel's first tracking event takes its goods out of stock (one stock move per item, id
// derived from the item, so two laptops shipping the same parcel offline record one move) and
// ships every order now wholly in shipped parcels; a delivery delivers every order whose
// parcels have all arrived. Goods can be repacked until the parcel ships; a parcel holding a
// cancelled order cannot ship.
//
// Freight: a parcel's freight (its currency and the rate kept when it was saved) is shared
// over its orders by the weight of their goods in it (by value when weights are unknown,
// equally when both are), to the cent (largest remainder); OrderFreight gives an order's
// share to order profit.
//
// Customer notices: at each stage (shipped, customs, delivered, delayed) a message in
// Chinese or English is filled from a template with the parcel's details ({customer},
// {order}, {parcel}, {carrier}, {service}, {tracking}, {trackingUrl}, {items}, {eta} = shipping
// day + the service's longest transit, China time, {place} = the latest tracking place,
// {leg2} = the forwarder's domestic courier); unknown {names} stay as typed, and a line whose
// placeholders are all empty is left out. The built-in texts live in the code; the team's
// edits are settings rows notice_template.<stage>.<lang> (deleted = back to the default). The
// user copies the text into WeChat or has it e-mailed; either way RecordNotice adds one
// notices row per order it is about, so each order keeps its history. SMTP settings are
// device-local (meta key smtp; the password never syncs and is never handed back to the UI).
// The outbox is this device's e-mail notices without a successful notice_sends row; rows
// written together (one message about several orders) are one e-mail, sent once. Every
// attempt is a notice_sends row; a failure waits 2^attempts minutes (at most an hour), and
// when the server cannot be reached the round stops dialling. Offline nothing is lost: the
// notices wait in the database until RunOutbox gets through.
//
// Tracking import (ImportTracking): a carrier's route export (.csv in UTF-8 or GBK, or
// .xlsx), columns found by Chinese or English headers, each row's status text mapped to an
// event by keywords (StatusKind documents the order of precedence: 未妥投 is an exception,
// not a delivery) and matched to the live parcel with that tracking or domestic number. Rows
// of other shipments, and rows that are no carrier event (label created), are skipped; any
// other bad row (time, status, a number two parcels share, a parcel that cannot ship) is a
// problem naming line and column, and then nothing is written. Event ids are derived from
// parcel, kind and time, so a file imported twice or on two laptops records each event once.
// The events apply in time order in one transaction through the same step as a typed event,
// so the import ships parcels and delivers orders; a preview runs it and rolls back.
//
// Evaluation (Evaluate): per carrier service, over the parcels shipped in a period: on-time
// rate against the service's longest transit, average and 90th-percentile (nearest-rank)
// transit days, parcels with problems (exception, lost, damaged), those still late, freight
// in the base currency and the cost per chargeable kg (over parcels with both a freight and
// a weight), for a cost-against-speed chart.
//
// It imports domain, money, store, importer and pdf; orders are reached through Orders.
package shipping
