-- What this laptop has seen of the shared folder's files (local, never replicated): a segment
-- imported, or a file it could not read yet (half-uploaded, damaged, from a newer app) with
-- why and since when, so the sync screen can show problems that last.
CREATE TABLE sync_files (
  name        TEXT PRIMARY KEY,           -- path inside the folder, e.g. log/<device>/<seq>-<hash>.seg
  device      TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL,              -- imported | problem
  problem     TEXT NOT NULL DEFAULT '',
  tries       INTEGER NOT NULL DEFAULT 0,
  first_seen  TEXT NOT NULL DEFAULT '',
  done_at     TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
