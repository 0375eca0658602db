package customers

import (
	"context"
	"slices"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// MergeCustomers folds customer dupID into keepID, when two records turn out to be one person:
// dup's addresses and orders move to keep, keep's empty fields are filled from dup, the tags
// are united and the notes joined, and dup becomes a tombstone pointing at keep
// (merged_into). Records merged into dup earlier now point at keep. It is one transaction:
// on any refusal nothing is written.
func (s *Service) MergeCustomers(ctx context.Context, keepID, dupID string) (Customer, error) {
	if keepID == dupID {
		return Customer{}, &domain.Error{Code: domain.EConflict, Field: "dupId", Key: "customer.merge.self",
			Message: "a customer cannot be merged into itself"}
	}
	err := s.db.Write(ctx, func(tx *store.Tx) error {
		keep, err := mergeable(tx, keepID)
		if err != nil {
			return err
		}
		dup, err := mergeable(tx, dupID)
		if err != nil {
			return err
		}
		if err := moveAddresses(tx, keep.ID, dup.ID); err != nil {
			return err
		}
		if err := repoint(tx, "orders", "customer_id", dup.ID, keep.ID); err != nil {
			return err
		}
		if err := repoint(tx, "customers", "merged_into", dup.ID, keep.ID); err != nil {
			return err
		}
		if fill := filled(keep.CustomerInput, dup.CustomerInput); len(fill) > 0 {
			if err := tx.Set("customers", keep.ID, fill); err != nil {
				return err
			}
		}
		return tx.Set("customers", dup.ID, store.Fields{"merged_into": keep.ID, "deleted": true})
	})
	if err != nil {
		return Customer{}, err
	}
	return s.findLive(ctx, keepID)
}

// mergeable loads a customer that may take part in a merge: live and not merged already.
func mergeable(tx *store.Tx, id string) (stored, error) {
	c, err := findCustomer(tx, id)
	if err != nil {
		return c, err
	}
	if c.deleted || c.MergedInto != "" {
		return c, &domain.Error{Code: domain.EConflict, Key: "customer.merge.gone", Params: map[string]any{"name": c.Name},
			Message: "customer " + c.Name + " was deleted or merged already"}
	}
	return c, nil
}

// filled returns the fields of keep to change so it also carries what only dup knew.
func filled(keep, dup CustomerInput) store.Fields {
	out := store.Fields{}
	pairs := []struct {
		col        string
		keep, from string
	}{
		{"name", keep.Name, dup.Name}, {"wechat", keep.WeChat, dup.WeChat}, {"xiaohongshu", keep.Xiaohongshu, dup.Xiaohongshu},
		{"taobao", keep.Taobao, dup.Taobao}, {"phone", keep.Phone, dup.Phone}, {"email", keep.Email, dup.Email},
		{"id_number", keep.IDNumber, dup.IDNumber}, {"id_photo", keep.IDPhoto, dup.IDPhoto},
	}
	for _, p := range pairs {
		if p.keep == "" && p.from != "" {
			out[p.col] = p.from
		}
	}
	tags := SplitTags(append(slices.Clone(keep.Tags), dup.Tags...))
	if strings.Join(tags, ",") != strings.Join(keep.Tags, ",") {
		out["tags"] = strings.Join(tags, ",")
	}
	switch {
	case dup.Notes == "" || strings.Contains(keep.Notes, dup.Notes):
	case keep.Notes == "":
		out["notes"] = dup.Notes
	default:
		out["notes"] = keep.Notes + "\n" + dup.Notes
	}
	return out
}

// moveAddresses gives dup's addresses to keep; keep's default stays the default (dup's
// becomes keep's default only when keep had none).
func moveAddresses(tx *store.Tx, keepID, dupID string) error {
	kept, err := addressesOf(tx, keepID)
	if err != nil {
		return err
	}
	keepHasDefault := slices.ContainsFunc(kept, func(a Address) bool { return a.IsDefault })
	moving, err := addressesOf(tx, dupID)
	if err != nil {
		return err
	}
	flagged := make([]bool, len(moving))
	for i, a := range moving {
		flagged[i] = a.IsDefault
	}
	oneDefault(moving)
	for i, a := range moving {
		fields := store.Fields{"customer_id": keepID}
		if want := a.IsDefault && !keepHasDefault; want != flagged[i] {
			fields["is_default"] = want
		}
		if err := tx.Set("customer_addresses", a.ID, fields); err != nil {
			return err
		}
	}
	return nil
}

// repoint sets column to newID on every row of table where it is oldID (orders of the
// duplicate, earlier merges into it), through the write path so the change syncs.
func repoint(tx *store.Tx, table, column, oldID, newID string) error {
	rows, err := tx.Query(`SELECT id FROM `+table+` WHERE `+column+` = ? AND `+column+` <> ''`, oldID)
	if err != nil {
		return err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		if err := tx.Set(table, id, store.Fields{column: newID}); err != nil {
			return err
		}
	}
	return nil
}
