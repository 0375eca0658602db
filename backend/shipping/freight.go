package shipping

import (
	"database/sql"
	"sort"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/money"
)

// parcelShares splits a parcel's freight (base minor units) over its orders by the weight of
// their goods in it; by their value when no goods have a weight; equally when neither is
// known. The shares add up to the freight exactly (largest remainder).
func parcelShares(q querier, parcel, base string) (map[string]int64, error) {
	var amount int64
	var cur, rate string
	err := q.QueryRow(`SELECT freight, freight_currency, freight_rate FROM parcels WHERE id = ? AND deleted = 0`, parcel).
		Scan(&amount, &cur, &rate)
	if err == sql.ErrNoRows {
		return map[string]int64{}, nil
	} else if err != nil {
		return nil, err
	}
	total := domain.ConvertAt(amount, cur, rate, base) // at the rate kept with the parcel
	weights := map[string]int64{}
	values := map[string]int64{}
	err = scanAll(q, `SELECT i.order_id, i.qty * coalesce(p.weight_g, 0), i.qty * l.unit_price
		FROM parcel_items i JOIN order_lines l ON l.id = i.line_id LEFT JOIN products p ON p.id = l.product_id
		WHERE i.parcel_id = ? AND i.deleted = 0`, []any{parcel}, func(r *sql.Rows) error {
		var order string
		var w, v int64
		if err := r.Scan(&order, &w, &v); err != nil {
			return err
		}
		weights[order] += w
		values[order] += v
		return nil
	})
	if err != nil {
		return nil, err
	}
	return Spread(total, weights, values), nil
}

// Spread divides total over keys in proportion to weights; by values when every weight is
// 0; equally when every value is 0 too (domain.Apportion: the parts add up to total).
func Spread(total int64, weights, values map[string]int64) map[string]int64 {
	keys := make([]string, 0, len(weights))
	for k := range weights {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	basis := make([]int64, len(keys))
	for _, m := range []map[string]int64{weights, values} {
		var sum int64
		for i, k := range keys {
			basis[i] = max(m[k], 0)
			sum += basis[i]
		}
		if sum > 0 {
			break
		}
	}
	out := make(map[string]int64, len(keys))
	for i, share := range domain.Apportion(total, basis) {
		out[keys[i]] = share
	}
	return out
}

// OrderFreight is an order's share of the freight of the live parcels holding its goods, in
// base minor units (order profit subtracts it).
func OrderFreight(q querier, orderID string) (int64, error) {
	base, err := money.BaseCurrency(q)
	if err != nil {
		return 0, err
	}
	var parcels []string
	if err := scanAll(q, `SELECT DISTINCT i.parcel_id FROM parcel_items i JOIN parcels p ON p.id = i.parcel_id
		WHERE i.order_id = ? AND i.deleted = 0 AND p.deleted = 0 AND p.freight > 0`, []any{orderID}, func(r *sql.Rows) error {
		var id string
		parcels = append(parcels, id)
		return r.Scan(&parcels[len(parcels)-1])
	}); err != nil {
		return 0, err
	}
	var total int64
	for _, p := range parcels {
		shares, err := parcelShares(q, p, base)
		if err != nil {
			return 0, err
		}
		total += shares[orderID]
	}
	return total, nil
}
