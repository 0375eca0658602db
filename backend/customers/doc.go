// Package customers keeps the people a team sells to: their contact channels (WeChat,
// Xiaohongshu, Taobao, phone, email), the resident ID number and ID photo customs clearance
// needs, tags and notes, several shipping addresses with one default, search over 200,000
// customers, merging two records that turn out to be one person, and the lifetime figures of
// the customer page (computed in SQL from the orders and payments tables).
//
// Every change goes through store.DB.Write; reads are plain SQL. It imports domain and store
// only: orders are read and re-pointed by table, never through the orders package, so the two
// areas stay independent.
//
// Decisions worth knowing:
//   - Phones are stored normalized (digits, with a leading + for a foreign number; +86 is
//     dropped from a mainland mobile), so a phone typed any way finds the customer by exact
//     match on the customers_phone index.
//   - Exactly one default address per customer: the first address becomes the default, making
//     another the default unsets the old one, deleting the default promotes the oldest left,
//     and un-ticking "default" on the default address is ignored (the default only moves).
//     Two laptops setting different defaults offline can leave two rows flagged after sync;
//     reads show only the first (oldest id) as the default, so the UI always shows one.
//   - A merged record is a tombstone (deleted, merged_into = the kept id). Orders that still
//     name it (made offline on another laptop before the merge synced) count towards the kept
//     customer's figures, and GetCustomer on a merged id follows merged_into.
package customers
