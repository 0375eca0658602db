package orderimport

import (
	"daigoudesk/backend/customers"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// custRef is the customer an order goes to: one already in the store, or one the import
// creates (with an id derived from the channel handle, else the phone, else the order).
type custRef struct {
	id, name                  string
	isNew                     bool
	input                     customers.CustomerInput
	counted, checked, created bool
}

// customerIndex finds an order's customer by phone, then by the buyer's handle on the
// channel; customers the file introduces are shared by all of that buyer's orders.
type customerIndex struct {
	channel  string
	byPhone  map[string]*custRef
	byHandle map[string]*custRef
	byID     map[string]*custRef
	derived  map[string]string // derived id of a new customer → the live customer it became (merged)
	byOrder  map[*fileOrder]*custRef
}

func loadCustomers(q store.Querier, p *plan) (*customerIndex, error) {
	ci := &customerIndex{channel: p.channel, byPhone: map[string]*custRef{}, byHandle: map[string]*custRef{},
		byID: map[string]*custRef{}, derived: map[string]string{}, byOrder: map[*fileOrder]*custRef{}}
	var phones, handles, derived []string
	for _, o := range p.orders {
		if o.phone != "" {
			phones = append(phones, o.phone)
		}
		if o.buyer != "" {
			handles = append(handles, o.buyer)
		}
		derived = append(derived, ci.newID(o))
	}
	add := func(query string, keys []string, index map[string]*custRef) error {
		rows, err := q.Query(query, jsonList(keys))
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var key, id, name string
			if err := rows.Scan(&key, &id, &name); err != nil {
				return err
			}
			ref := ci.byID[id]
			if ref == nil {
				ref = &custRef{id: id, name: name}
				ci.byID[id] = ref
			}
			if old, ok := index[key]; !ok || id < old.id { // two customers with one phone: the oldest
				index[key] = ref
			}
		}
		return rows.Err()
	}
	if err := add(customersBy("phone"), phones, ci.byPhone); err != nil {
		return nil, err
	}
	if col := handleField[p.channel]; col != "" {
		if err := add(customersBy(col), handles, ci.byHandle); err != nil {
			return nil, err
		}
	}
	// A customer this import would create may exist already under its derived id: merged
	// into another record since (the order goes to that one) or live with other details.
	rows, err := q.Query(`SELECT c.id, m.id, m.name FROM customers c JOIN customers m
		ON m.id = CASE WHEN c.merged_into <> '' THEN c.merged_into ELSE c.id END
		WHERE m.deleted = 0 AND c.id IN (SELECT value FROM json_each(?))`, jsonList(derived))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, live, name string
		if err := rows.Scan(&id, &live, &name); err != nil {
			return nil, err
		}
		ci.derived[id] = live
		if ci.byID[live] == nil {
			ci.byID[live] = &custRef{id: live, name: name}
		}
	}
	return ci, rows.Err()
}

// customersBy is the query for the key, id and name of the live customers whose col (phone or
// a channel handle) is one of a JSON list. "+deleted" keeps SQLite off the (deleted, …)
// indexes: without statistics it would rather read every live customer through one of them
// (200 ms for 200,000) than look each key up in col's own index.
func customersBy(col string) string {
	return `SELECT ` + col + `, id, name FROM customers WHERE +deleted = 0 AND ` + col + ` <> ''
		AND ` + col + ` IN (SELECT value FROM json_each(?))`
}

// newID is the id of the customer an order's buyer becomes when new.
func (ci *customerIndex) newID(o *fileOrder) string {
	switch {
	case o.buyer != "":
		return domain.DerivedID("customer", ci.channel, o.buyer)
	case o.phone != "":
		return domain.DerivedID("customer", "phone", o.phone)
	}
	return domain.DerivedID("customer", ci.channel, "order", o.no)
}

func (ci *customerIndex) forOrder(o *fileOrder) *custRef {
	if c := ci.byOrder[o]; c != nil {
		return c
	}
	c := ci.byPhone[o.phone]
	if c == nil || o.phone == "" {
		c = nil
		if handle := ci.byHandle[o.buyer]; o.buyer != "" && handle != nil {
			c = handle
		}
	}
	if c == nil {
		id := ci.newID(o)
		if live, ok := ci.derived[id]; ok {
			c = ci.byID[live]
		} else if c = ci.byID[id]; c == nil {
			name := o.recipient
			if name == "" {
				name = o.buyer
			}
			if name == "" {
				name = o.no
			}
			in := customers.CustomerInput{Name: name, Phone: o.phone}
			switch handleField[ci.channel] {
			case "taobao":
				in.Taobao = o.buyer
			case "wechat":
				in.WeChat = o.buyer
			case "xiaohongshu":
				in.Xiaohongshu = o.buyer
			}
			c = &custRef{id: id, name: name, isNew: true, input: in}
			ci.byID[id] = c
		}
		if o.phone != "" && ci.byPhone[o.phone] == nil {
			ci.byPhone[o.phone] = c
		}
		if o.buyer != "" && ci.byHandle[o.buyer] == nil {
			ci.byHandle[o.buyer] = c
		}
	}
	ci.byOrder[o] = c
	return c
}
