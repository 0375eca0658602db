package customers

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"daigoudesk/backend/store"
)

// CustomerFilter selects and orders a page of customers.
type CustomerFilter struct {
	Query  string `json:"query"` // part of a name (Chinese or not), WeChat / Xiaohongshu / Taobao id, phone or email
	Tag    string `json:"tag"`   // "" = all
	Sort   string `json:"sort"`  // see customerSorts
	Desc   bool   `json:"desc"`
	Offset int    `json:"offset"`
	Limit  int    `json:"limit"`
}

// customerSorts maps the UI's sort names to SQL; each ends in the id so pages are stable.
var customerSorts = map[string]string{
	"":        "name %s, id %[1]s",
	"name":    "name %s, id %[1]s",
	"created": "created_at %s, id %[1]s",
}

// FindCustomers returns one page of live customers matching f and how many match in all.
//
// A query that is a whole phone number is looked up exactly on the phone index. Any other
// query is a substring of the generated `search` column (name, the channel ids, phone, email,
// lower-cased), with an exact WeChat id (its index) ranked first. Digits typed with spaces or
// dashes ("138 1234") match the stored phone digits.
func (s *Service) FindCustomers(ctx context.Context, f CustomerFilter) ([]Customer, int, error) {
	order, err := store.OrderBy(customerSorts, f.Sort, f.Desc)
	if err != nil {
		return nil, 0, err
	}
	f.Limit, f.Offset = store.PageWindow(f.Limit, f.Offset)
	where := []string{"deleted = 0"}
	var args []any
	index := "customers_list" // every filter is tested on its entries, walked in name order
	if f.Sort == "created" && f.Query == "" && f.Tag == "" {
		index = "customers_created"
	}
	var exact []Customer // an exact WeChat id, listed first
	if q := strings.TrimSpace(f.Query); q != "" {
		if phone := NormalizePhone(q); ValidPhone(phone) {
			where = append(where, "phone = ? AND phone <> ''")
			args = append(args, phone)
			index = "customers_phone"
		} else {
			needle := strings.ToLower(q)
			if digits := NormalizePhone(q); isPhoneLike(digits) {
				needle = strings.TrimPrefix(digits, "+")
			}
			where = append(where, `search LIKE ? ESCAPE '\'`)
			args = append(args, "%"+escapeLike(needle)+"%")
			var err error
			if exact, err = s.exactWeChat(ctx, q, f.Tag); err != nil {
				return nil, 0, err
			}
		}
	}
	if f.Tag != "" {
		where = append(where, `instr(',' || tags || ',', ?) > 0`)
		args = append(args, ","+f.Tag+",")
	}
	from := " FROM customers INDEXED BY " + index
	cond := " WHERE " + strings.Join(where, " AND ")
	// the exact matches fill the first places; the rest of the page skips them
	out := []Customer{}
	offset, limit := f.Offset, f.Limit
	if offset < len(exact) {
		out = append(out, exact[offset:min(len(exact), offset+limit)]...)
		limit -= len(out)
	}
	offset = max(0, offset-len(exact))
	rest := cond
	restArgs := slices.Clone(args)
	for _, c := range exact {
		rest += " AND id <> ?"
		restArgs = append(restArgs, c.ID)
	}
	got := 0
	if limit > 0 {
		rows, err := s.db.R().QueryContext(ctx, "SELECT "+customerCols+from+rest+" ORDER BY "+order+" LIMIT ? OFFSET ?",
			append(restArgs, limit, offset)...)
		if err != nil {
			return nil, 0, err
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanCustomer(rows)
			if err != nil {
				return nil, 0, err
			}
			out = append(out, c.Customer)
			got++
		}
		if err := rows.Err(); err != nil {
			return nil, 0, err
		}
		// a first page that is not full is all there is: a rare name or phone costs one scan
		if f.Offset == 0 && got < limit {
			return out, len(out), nil
		}
	}
	var total int
	if err := s.db.R().QueryRowContext(ctx, "SELECT count(*)"+from+cond, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	return out, total, nil
}

// exactWeChat returns the live customers whose WeChat id is exactly q (the customers_wechat
// index; a WeChat id typed in full is the customer the user means), in name order.
func (s *Service) exactWeChat(ctx context.Context, q, tag string) ([]Customer, error) {
	rows, err := s.db.R().QueryContext(ctx, "SELECT "+customerCols+` FROM customers INDEXED BY customers_wechat
		WHERE wechat = ? AND wechat <> '' AND deleted = 0 AND (?2 = '' OR instr(',' || tags || ',', ',' || ?2 || ',') > 0)
		ORDER BY name, id LIMIT 20`, q, tag)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Customer{}
	for rows.Next() {
		c, err := scanCustomer(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c.Customer)
	}
	return out, rows.Err()
}

// isPhoneLike: a normalized query of digits only (a partial phone number).
func isPhoneLike(s string) bool {
	s = strings.TrimPrefix(s, "+")
	if len(s) < 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func escapeLike(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Tags lists the tags in use with how many live customers carry each, most used first.
func (s *Service) Tags(ctx context.Context) ([]TagCount, error) {
	rows, err := s.db.R().QueryContext(ctx, `SELECT tags FROM customers INDEXED BY customers_list WHERE deleted = 0 AND tags <> ''`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	counts := map[string]int{}
	var tags string
	for rows.Next() {
		if err := rows.Scan(&tags); err != nil {
			return nil, err
		}
		for _, t := range strings.Split(tags, ",") {
			counts[t]++
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]TagCount, 0, len(counts))
	for t, n := range counts {
		out = append(out, TagCount{Tag: t, Count: n})
	}
	slices.SortFunc(out, func(a, b TagCount) int { return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Tag, b.Tag)) })
	return out, nil
}

// TagCount is one tag and how many customers carry it.
type TagCount struct {
	Tag   string `json:"tag"`
	Count int    `json:"count"`
}
