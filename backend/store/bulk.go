package store

import (
	"database/sql"
	"encoding/json"
	"slices"
	"strings"
)

// Row is one row of a bulk Set.
type Row struct {
	ID     string
	Fields Fields
}

// SetMany is Set for many rows of one entity table: the same operations, stamps and oplog
// entries, and the same last-writer-wins result, but rows that do not exist yet are inserted
// a thousand at a time in one statement over a bound JSON array, which is what makes a
// 100,000-product import fast. Rows that exist take the per-row path.
func (tx *Tx) SetMany(table string, rows []Row) error {
	ops := make([]Op, len(rows))
	ids := make([]string, len(rows))
	for i, r := range rows {
		ops[i] = Op{Kind: "set", Table: table, ID: r.ID, Data: r.Fields}
		if err := ops[i].normalize(); err != nil {
			return err
		}
		ids[i] = r.ID
	}
	existing, err := tx.existingIDs(table, ids)
	if err != nil {
		return err
	}
	groups := map[string][]Op{} // new rows by their field list
	for i := range ops {
		ops[i].HLC = tx.db.clock.Now().String()
		if existing[ops[i].ID] {
			if err := tx.apply(ops[i]); err != nil {
				return err
			}
		} else {
			existing[ops[i].ID] = true // a repeat of this id in the batch takes the per-row path
			key := strings.Join(sortedKeys(ops[i].Data), ",")
			groups[key] = append(groups[key], ops[i])
		}
	}
	newRows := 0
	for _, g := range groups {
		newRows += len(g)
	}
	restore, err := tx.dropIndexesForBulk(table, newRows)
	if err != nil {
		return err
	}
	for key, group := range groups {
		// in id order the primary key grows at its end instead of splitting pages everywhere
		slices.SortFunc(group, func(a, b Op) int { return strings.Compare(a.ID, b.ID) })
		for start := 0; start < len(group); start += 1000 {
			if err := tx.insertNew(table, strings.Split(key, ","), group[start:min(start+1000, len(group))]); err != nil {
				return err
			}
		}
	}
	if err := restore(); err != nil {
		return err
	}
	tx.touched[table] = true
	for _, op := range ops {
		if err := tx.log(op); err != nil {
			return err
		}
	}
	return nil
}

func (tx *Tx) existingIDs(table string, ids []string) (map[string]bool, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := tx.Query(`SELECT id FROM `+table+` WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]bool, len(ids))
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out[id] = true
	}
	return out, rows.Err()
}

// insertNew inserts rows that do not exist yet, all with the same fields, in multi-row
// INSERT statements (bound values: cheaper than extracting them from JSON in SQL).
func (tx *Tx) insertNew(table string, keys []string, ops []Op) error {
	cols := len(keys) + 2
	per := max(1, 2000/cols) // rows per statement, under SQLite's bound-parameter limit
	group := strings.Join(keys, ",")
	if len(keys) == len(registry[table].Fields) {
		group = "*" // see fieldStamps.encode
	}
	for start := 0; start < len(ops); start += per {
		chunk := ops[start:min(start+per, len(ops))]
		args := make([]any, 0, len(chunk)*cols)
		for _, op := range chunk {
			stamps := op.HLC + ":" + group
			args = append(args, op.ID)
			for _, k := range keys {
				args = append(args, op.Data[k])
			}
			args = append(args, stamps)
		}
		q := "INSERT INTO " + table + " (id, " + strings.Join(keys, ", ") + ", _v) VALUES " + valuesList(len(chunk), cols)
		if _, err := tx.stmt(q).Exec(args...); err != nil {
			return err
		}
	}
	return nil
}

// valuesList returns "(?, ?), (?, ?)" for rows × cols placeholders.
func valuesList(rows, cols int) string {
	one := "(?" + strings.Repeat(", ?", cols-1) + ")"
	return one + strings.Repeat(", "+one, rows-1)
}

// dropIndexesForBulk drops the secondary indexes of table when newRows will at least double
// it (and are many), and returns the function that recreates them: building an index by
// sorting once is several times faster than growing it row by row. It all happens inside the
// transaction, so readers and a rollback never see the table without its indexes.
func (tx *Tx) dropIndexesForBulk(table string, newRows int) (restore func() error, err error) {
	noop := func() error { return nil }
	if newRows < 5000 {
		return noop, nil
	}
	var have int
	if err := tx.QueryRow(`SELECT count(*) FROM ` + table).Scan(&have); err != nil {
		return nil, err
	}
	if have > newRows {
		return noop, nil
	}
	rows, err := tx.Query(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`, table)
	if err != nil {
		return nil, err
	}
	var names, defs []string
	for rows.Next() {
		var n, d string
		if err := rows.Scan(&n, &d); err != nil {
			rows.Close()
			return nil, err
		}
		names, defs = append(names, n), append(defs, d)
	}
	rows.Close()
	for _, n := range names {
		if _, err := tx.Exec(`DROP INDEX ` + n); err != nil {
			return nil, err
		}
	}
	tx.stmts = map[string]*sql.Stmt{} // statements prepared against the old schema
	return func() error {
		for _, d := range defs {
			if _, err := tx.Exec(d); err != nil {
				return err
			}
		}
		tx.stmts = map[string]*sql.Stmt{}
		return nil
	}, nil
}
