// Package store is Daigou Desk's SQLite store and its one write path.
//
// Open gives a DB with one writer connection and a pool of readers (WAL, busy timeout,
// synchronous=NORMAL). Schema changes are the numbered files in migrations/, applied in order,
// each in its own transaction.
//
// Every change to replicated data goes through DB.Write as an operation on a Tx:
//
//   - Set(table, id, fields): per-field last-writer-wins for entity tables. Each row keeps the
//     hybrid-logical-clock stamp of every field in its _v column; a field changes only when the
//     incoming stamp is newer. Deleting is setting "deleted" (a tombstone).
//   - Add(table, id, fields): appends an immutable row to a ledger table; an id already present
//     is ignored, so applying an operation twice changes nothing.
//
// SetMany, AddMany and SetManyFunc are the same operations for many rows of one table (imports):
// rows new to the table are inserted hundreds to a statement, in a pipeline where other cores
// normalize the rows while the writer inserts them (bulk.go).
//
// Each operation gets an HLC stamp (wall ms, counter, device) and is written to the local
// oplog in the same transaction as the row change, with its fields as JSON; the entry of a row
// a bulk write inserted new is lean, without them, and ScanOps (what sync exports) reads them
// from the row: those that still carry the entry's stamp. Remote operations (sync) enter through
// ApplyOps and the same apply code, so the conflict rules live only here. The registry in
// schema.go lists every replicated table and field; writes to anything else are refused, and
// Dump uses it to produce a canonical text dump for convergence tests.
//
// Replicated tables carry no foreign keys and no UNIQUE business keys: a remote operation must
// always apply. Services check references for local writes. Derived tables (stock levels) are
// kept by triggers from their ledgers and can be rebuilt with RebuildDerived. A bulk write may
// suspend a trigger inside its transaction and write the derived rows once itself
// (WithoutTriggers, PauseOrderStatus, PutOrderStatus); tests compare those rows with a rebuild.
//
// This package imports only domain and the SQLite driver.
package store
