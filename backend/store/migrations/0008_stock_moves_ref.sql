-- The partial index stock_moves_ref (WHERE ref <> '') cannot serve `ref = ?` or a correlated
-- `m.ref = l.id`: SQLite cannot prove the value is non-empty, so every order's detail scanned
-- the whole stock ledger. A full index serves every lookup by document.
DROP INDEX stock_moves_ref;
CREATE INDEX stock_moves_ref ON stock_moves(ref);
