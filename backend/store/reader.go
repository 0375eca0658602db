package store

import (
	"context"
	"database/sql"
)

// Reader is one pooled read connection holding the several reads of one screen (an order's
// detail, a trip's list): quicker than taking a connection from the pool for each.
type Reader struct {
	ctx  context.Context
	conn *sql.Conn
}

// Reader takes a read connection from the pool; Close gives it back.
func (db *DB) Reader(ctx context.Context) (*Reader, error) {
	conn, err := db.r.Conn(ctx)
	if err != nil {
		return nil, err
	}
	return &Reader{ctx, conn}, nil
}

func (r *Reader) QueryRow(q string, args ...any) *sql.Row {
	return r.conn.QueryRowContext(r.ctx, q, args...)
}

func (r *Reader) Query(q string, args ...any) (*sql.Rows, error) {
	return r.conn.QueryContext(r.ctx, q, args...)
}

// Close gives the connection back to the pool.
func (r *Reader) Close() error { return r.conn.Close() }

// Querier is what reads with SQL: a pool, a transaction, a Reader.
type Querier interface {
	Query(string, ...any) (*sql.Rows, error)
}

// Strings returns the first column of query's rows.
func Strings(q Querier, query string, args ...any) ([]string, error) {
	rows, err := q.Query(query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
