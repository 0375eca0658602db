// Package orderimport brings orders in from sales channels' export files (Taobao's order
// export, any CSV/XLSX through a column mapping) and writes orders out to a file. It is the
// glue for this one feature and may import domain, store, importer, orders and customers;
// nothing imports it but services, app and cli.
//
// Reading. A Mapping names the column holding each field (Fields) of an order row; rows
// sharing an order number are the lines of one order, and the order fields on its rows must
// agree. A channel's mapping is the one the user saved (import_mappings, one per channel,
// through the write path), else the preset whose headers the file has (Presets: taobao, with
// Chinese headers in a GBK CSV and numbers as ="…"; generic, headers = field names, which
// is what ExportOrdersFile writes), else the channel's preset. A full address is split by
// SplitAddress. Times without a zone are China time (UTC+8). Every bad cell is a
// domain.LineProblem naming its line and field.
//
// Preview is a dry run. Import is one transaction: all of the file or, when any row is bad,
// nothing (a *domain.FileError listing every bad row), unless the caller skips bad rows —
// then each bad row's whole order is left out, never an order missing a line.
//
// Decisions:
//   - Ids come from external keys: an order is orders.ImportedOrderID(channel, order no,
//     order date), which sorts by the date; its lines ImportedLineID, its status events and
//     its payment are derived from the order id and sort next to it; a new customer's id comes
//     from the buyer's handle on the channel (else the phone, else the order). Orders already
//     in the store, under that id or with that channel and order number, are skipped, so
//     importing a file again writes nothing, and two laptops importing one export offline
//     make one record each. A later
//     export showing a further status does not move an imported order (the user does).
//   - Customers are matched by phone, then by the buyer's handle on the channel (taobao,
//     wechat, xiaohongshu fields); a new one is named after the recipient. The ship-to address
//     is added to the customer when it is complete and new to them (the first is the default).
//   - Products are matched by the user's choice for the title, then SKU, then barcode, then
//     the exact product name. A line that matches nothing is imported as a pre-order line
//     with the channel's title (goods to buy), and listed in the preview for the user to map.
//   - Status: the channel's word (statusWords) names a target; the order is created as a
//     draft and moved along the transition table with the channel's events (confirmed,
//     packed, shipped, delivered, completed, or cancelled), dated at the order time. The
//     paid amount is recorded once it is confirmed, as a payment with the channel's method
//     (alipay for Taobao). The order's total is what the buyer paid: without prices in the
//     file the paid amount is spread over the units; a difference is a discount or fee.
//   - Stock: confirming reserves like any order, at the location the allocation rule picks;
//     a matched line no location can cover becomes a pre-order line instead of failing the
//     whole file (a stock shortage is not a bad row).
//   - The watched folder (Watcher) is a local setting (meta). It is listed on start, on every
//     fsnotify event and every minute; .csv/.xlsx files not yet imported are pending, with
//     the preset their headers match. It never imports, moves or deletes a file; imported
//     content is remembered by its SHA-256 in meta.
package orderimport
