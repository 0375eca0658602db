package store

import (
	"encoding/json"
	"strconv"
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
	for key, group := range groups {
		for start := 0; start < len(group); start += 1000 {
			if err := tx.insertNew(table, strings.Split(key, ","), group[start:min(start+1000, len(group))]); err != nil {
				return err
			}
		}
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

// insertNew inserts rows that do not exist yet, all with the same fields, in one statement.
func (tx *Tx) insertNew(table string, keys []string, ops []Op) error {
	batch := make([][]any, len(ops))
	for i, op := range ops {
		row := make([]any, 0, len(keys)+2)
		row = append(row, op.ID)
		for _, k := range keys {
			row = append(row, op.Data[k])
		}
		stamps := make(fieldStamps, len(keys))
		for _, k := range keys {
			stamps[k] = op.HLC
		}
		batch[i] = append(row, stamps.encode())
	}
	data, err := json.Marshal(batch)
	if err != nil {
		return err
	}
	sel := make([]string, len(keys)+2)
	for i := range sel {
		sel[i] = "value->>" + strconv.Itoa(i)
	}
	q := "INSERT INTO " + table + " (id, " + strings.Join(keys, ", ") + ", _v) SELECT " + strings.Join(sel, ", ") +
		" FROM json_each(?)"
	_, err = tx.stmt(q).Exec(string(data))
	return err
}
