// Package sync merges the work of a team's laptops through a shared folder (Dropbox,
// OneDrive, iCloud Drive, Syncthing, a network share) without ever putting the live database
// there. Each laptop writes immutable files that only it writes; every laptop reads the
// others' files and applies their operations through the store's one write path
// (store.DB.ApplyOps), which is idempotent and merges by the same rules as local changes.
//
// Layout of the folder (DESIGN.md):
//
//	DaigouDesk/FORMAT.json                    write-once: format version
//	DaigouDesk/devices/<device>.json          written only by that device: name, last seen
//	DaigouDesk/log/<device>/<seq>-<hash>.seg  immutable segments of that device's operations
//
// A segment (segment.go) is one header line of JSON — format, device, sequence, HLC range,
// operation count, and the SHA-256 of the body — then the body: the operations as JSON lines,
// gzip-compressed. Its name carries the first 16 hex digits of the SHA-256 of the whole file.
// Files are written under a temporary name, fsynced and renamed, so the cloud client never
// uploads half a file under the final name; a file that still arrives damaged (truncated,
// zero-length, bit-flipped, a cloud placeholder) fails verification, is recorded as a problem
// in the local table sync_files, is retried at every scan, and is never deleted or partly
// applied. Duplicates made by sync clients ("conflicted copy", ".sync-conflict-", "name (2)")
// are verified like any file: their operations are already applied, so they change nothing.
//
// Export writes this device's operations newer than the last exported stamp (meta
// sync_exported) into the next segment. Import applies every verified segment of other
// devices not yet imported, one transaction per segment.
package sync
