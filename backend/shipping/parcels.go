package shipping

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/money"
	"daigoudesk/backend/store"
)

var parcelNumbers = store.Series{Label: "PCL", SeqKey: "parcel_seq", Table: "parcels"}

// Order status ranks shipping reads from order_status (orders.Statuses holds the same).
const (
	rankConfirmed = 10
	rankPacked    = 60
	rankShipped   = 70
	rankCancelled = 100
)

// packableStatuses is the SQL list of the statuses ranked rankConfirmed to rankPacked, for queries
// that find such orders through order_status_status (deleted, status, …): no index holds
// the rank, and by deleted alone SQLite reads every order.
const packableStatuses = `'confirmed', 'deposit', 'paid', 'allocated', 'bought', 'packed'`

// ParcelInput is a parcel as the pack form sends it. Money is minor units of its currency.
type ParcelInput struct {
	ID               string      `json:"id"` // '' = a new parcel
	Origin           string      `json:"origin"`
	CarrierID        string      `json:"carrierId"`
	ServiceID        string      `json:"serviceId"`
	TrackingNo       string      `json:"trackingNo"`
	Leg2Carrier      string      `json:"leg2Carrier"`
	Leg2TrackingNo   string      `json:"leg2TrackingNo"`
	WeightG          int64       `json:"weightG"`
	LengthMM         int64       `json:"lengthMM"`
	WidthMM          int64       `json:"widthMM"`
	HeightMM         int64       `json:"heightMM"`
	Contents         string      `json:"contents"`
	DeclaredValue    int64       `json:"declaredValue"`
	DeclaredCurrency string      `json:"declaredCurrency"`
	Insured          bool        `json:"insured"`
	Signature        bool        `json:"signature"`
	Freight          int64       `json:"freight"`
	FreightCurrency  string      `json:"freightCurrency"`
	CustomerID       string      `json:"customerId"`
	ShipName         string      `json:"shipName"`
	ShipPhone        string      `json:"shipPhone"`
	ShipProvince     string      `json:"shipProvince"`
	ShipCity         string      `json:"shipCity"`
	ShipDistrict     string      `json:"shipDistrict"`
	ShipStreet       string      `json:"shipStreet"`
	ShipPostcode     string      `json:"shipPostcode"`
	IDNumber         string      `json:"idNumber"`
	Note             string      `json:"note"`
	Items            []ItemInput `json:"items"`
}

// ItemInput is a quantity of an order line packed in the parcel.
type ItemInput struct {
	LineID string `json:"lineId"`
	Qty    int64  `json:"qty"`
}

// orderLine is an order line as packing needs it.
type orderLine struct {
	id, order, number, product, title, sku string
	qty, unitPrice, weightG                int64
	preorder                               bool
	rank                                   int
	currency, customer                     string
	filled, returned                       int64
}

func loadLine(q querier, lineID string) (*orderLine, error) {
	var l orderLine
	err := q.QueryRow(`SELECT l.id, l.order_id, o.number, l.product_id, l.title, coalesce(p.sku, ''), l.qty, l.unit_price,
			coalesce(p.weight_g, 0), l.preorder, coalesce(s.rank, 0), o.currency, o.customer_id,
			coalesce((SELECT sum(f.qty) FROM preorder_fills f WHERE f.line_id = l.id), 0),
			coalesce((SELECT sum(r.qty) FROM order_returns r WHERE r.line_id = l.id), 0)
		FROM order_lines l JOIN orders o ON o.id = l.order_id
		LEFT JOIN order_status s ON s.order_id = o.id
		LEFT JOIN products p ON p.id = l.product_id
		WHERE l.id = ? AND l.deleted = 0 AND o.deleted = 0`, lineID).Scan(&l.id, &l.order, &l.number, &l.product, &l.title,
		&l.sku, &l.qty, &l.unitPrice, &l.weightG, &l.preorder, &l.rank, &l.currency, &l.customer, &l.filled, &l.returned)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return &l, err
}

// packedElsewhere is how much of a line live parcels other than parcel hold.
func packedElsewhere(q querier, lineID, parcel string) (int64, error) {
	var n int64
	err := q.QueryRow(`SELECT coalesce(sum(i.qty), 0) FROM parcel_items i JOIN parcels p ON p.id = i.parcel_id
		WHERE i.line_id = ? AND i.deleted = 0 AND p.deleted = 0 AND i.parcel_id <> ?`, lineID, parcel).Scan(&n)
	return n, err
}

// packable is how much of the line may still go into parcel: the ordered quantity (for a
// pre-order line, what was bought for it) less what other parcels hold.
func packable(q querier, l *orderLine, parcel string) (int64, error) {
	elsewhere, err := packedElsewhere(q, l.id, parcel)
	if err != nil {
		return 0, err
	}
	limit := l.qty
	if l.preorder {
		limit = min(l.qty, l.filled)
	}
	return max(0, limit-elsewhere), nil
}

func (in *ParcelInput) normalize() {
	for _, f := range []*string{&in.Origin, &in.CarrierID, &in.ServiceID, &in.TrackingNo, &in.Leg2Carrier,
		&in.Leg2TrackingNo, &in.Contents, &in.DeclaredCurrency, &in.FreightCurrency, &in.ShipName, &in.ShipPhone,
		&in.ShipProvince, &in.ShipCity, &in.ShipDistrict, &in.ShipStreet, &in.ShipPostcode, &in.IDNumber} {
		*f = strings.TrimSpace(*f)
	}
	in.Origin = strings.ToUpper(in.Origin)
	in.DeclaredCurrency = strings.ToUpper(in.DeclaredCurrency)
	in.FreightCurrency = strings.ToUpper(in.FreightCurrency)
	in.TrackingNo = strings.ToUpper(in.TrackingNo)
}

// SaveParcel packs a new parcel or changes one. The goods (items) and the recipient can change
// only until the parcel has shipped; the carrier, tracking numbers, size and freight can be
// corrected later (the carrier's bill often comes after). An order whose every line is now in
// parcels becomes packed.
func (s *Service) SaveParcel(ctx context.Context, in ParcelInput) (Parcel, error) {
	in.normalize()
	var id string
	err := s.db.Write(ctx, func(tx *store.Tx) (err error) {
		id, err = s.saveParcelTx(tx, in)
		return err
	})
	if err != nil {
		return Parcel{}, err
	}
	return s.GetParcel(ctx, id)
}

func (s *Service) saveParcelTx(tx *store.Tx, in ParcelInput) (string, error) {
	p := &domain.Problems{}
	rules, err := loadRules(tx)
	if err != nil {
		return "", err
	}
	if in.Origin == "" {
		in.Origin = rules.HomeCountry
	}
	shipped := false
	if in.ID != "" {
		var deleted int
		var shippedAt string
		err := tx.QueryRow(`SELECT p.deleted, s.shipped_at FROM parcels p JOIN parcel_state s ON s.parcel_id = p.id
			WHERE p.id = ?`, in.ID).Scan(&deleted, &shippedAt)
		if err == sql.ErrNoRows || deleted != 0 {
			return "", domain.NotFound("parcel", in.ID)
		} else if err != nil {
			return "", err
		}
		shipped = shippedAt != ""
	}
	c, err := loadCatalog(tx)
	if err != nil {
		return "", err
	}
	if in.ServiceID != "" {
		cr, v := c.service(in.ServiceID)
		if v == nil {
			p.Add(domain.Invalid("serviceId", "shipping.parcel.service", "the chosen service no longer exists", nil))
		} else {
			in.CarrierID = cr.ID
		}
	} else if in.CarrierID != "" && c.carrier(in.CarrierID) == nil {
		p.Add(domain.Invalid("carrierId", "shipping.parcel.carrier", "the chosen carrier no longer exists", nil))
	}
	if in.WeightG < 0 || in.LengthMM < 0 || in.WidthMM < 0 || in.HeightMM < 0 {
		p.Add(domain.Invalid("weightG", "shipping.parcel.negative", "weight, size and value may not be negative", nil))
	}
	if in.DeclaredValue < 0 || in.Freight < 0 {
		p.Add(domain.Invalid("declaredValue", "shipping.parcel.negative", "weight, size and value may not be negative", nil))
	}
	if in.DeclaredValue > 0 && !domain.ValidCurrency(in.DeclaredCurrency) {
		p.Add(domain.Invalid("declaredCurrency", "order.currency.unknown", "unknown currency "+in.DeclaredCurrency,
			map[string]any{"currency": in.DeclaredCurrency}))
	}
	if in.Freight > 0 && !domain.ValidCurrency(in.FreightCurrency) {
		p.Add(domain.Invalid("freightCurrency", "order.currency.unknown", "unknown currency "+in.FreightCurrency,
			map[string]any{"currency": in.FreightCurrency}))
	}
	if in.IDNumber != "" {
		in.IDNumber = domain.NormalizeResidentID(in.IDNumber)
		if e := domain.ResidentIDError("idNumber", in.IDNumber, s.now()); e != nil {
			p.Add(e)
		}
	}
	if len(in.Items) == 0 && !shipped {
		p.Add(domain.Invalid("items", "shipping.parcel.empty", "put at least one order line in the parcel", nil))
	}
	parcelID := in.ID
	if parcelID == "" {
		parcelID = domain.NewID()
	}
	type packItem struct {
		*orderLine
		packQty int64
	}
	var lines []packItem
	seen := map[string]bool{}
	if !shipped {
		for i, it := range in.Items {
			field := fmt.Sprintf("items[%d].qty", i)
			l, err := loadLine(tx, it.LineID)
			if err != nil {
				return "", err
			}
			switch {
			case l == nil:
				p.Add(domain.Invalid(fmt.Sprintf("items[%d].lineId", i), "shipping.item.line", fmt.Sprintf("item %d: the order line no longer exists", i+1),
					map[string]any{"row": i + 1}))
				continue
			case seen[l.id]:
				p.Add(domain.Invalid(field, "shipping.item.twice", fmt.Sprintf("item %d: the line is listed twice", i+1), map[string]any{"row": i + 1}))
				continue
			case l.rank < rankConfirmed || l.rank > rankPacked:
				p.Add(&domain.Error{Code: domain.EConflict, Field: field, Key: "shipping.item.status",
					Message: fmt.Sprintf("order %s cannot be packed in its status", l.number), Params: map[string]any{"order": l.number}})
				continue
			case it.Qty <= 0:
				p.Add(domain.Invalid(field, "shipping.item.qty", fmt.Sprintf("item %d: the quantity must be at least 1", i+1), map[string]any{"row": i + 1}))
				continue
			}
			seen[l.id] = true
			left, err := packable(tx, l, parcelID)
			if err != nil {
				return "", err
			}
			if it.Qty > left {
				p.Add(&domain.Error{Code: domain.EConflict, Field: field, Key: "shipping.item.tooMany",
					Message: fmt.Sprintf("%s %s: only %d left to pack", l.number, l.title, left),
					Params:  map[string]any{"order": l.number, "title": l.title, "left": left}})
				continue
			}
			lines = append(lines, packItem{l, it.Qty})
		}
	}
	if err := p.Err(); err != nil {
		return "", err
	}
	now := s.nowText()
	f := store.Fields{"carrier_id": in.CarrierID, "service_id": in.ServiceID, "tracking_no": in.TrackingNo,
		"origin": in.Origin, "leg2_carrier": in.Leg2Carrier, "leg2_tracking_no": in.Leg2TrackingNo, "weight_g": in.WeightG,
		"length_mm": in.LengthMM, "width_mm": in.WidthMM, "height_mm": in.HeightMM, "contents": in.Contents,
		"declared_value": in.DeclaredValue, "declared_currency": in.DeclaredCurrency, "insured": b2i(in.Insured),
		"signature": b2i(in.Signature), "freight": in.Freight, "freight_currency": in.FreightCurrency, "note": in.Note}
	if in.Freight > 0 {
		rate := "1"
		if base, err := money.BaseCurrency(tx); err != nil {
			return "", err
		} else if in.FreightCurrency != base {
			if rate, err = money.RateOn(tx, in.FreightCurrency, now[:10]); err != nil {
				return "", err
			}
		}
		f["freight_rate"] = rate
	}
	if !shipped {
		for k, v := range map[string]string{"customer_id": in.CustomerID, "ship_name": in.ShipName, "ship_phone": in.ShipPhone,
			"ship_province": in.ShipProvince, "ship_city": in.ShipCity, "ship_district": in.ShipDistrict,
			"ship_street": in.ShipStreet, "ship_postcode": in.ShipPostcode, "id_number": in.IDNumber} {
			f[k] = v
		}
	}
	if in.ID == "" {
		numbers, err := tx.NextNumbers(parcelNumbers, 1)
		if err != nil {
			return "", err
		}
		f["number"], f["packed_at"], f["created_at"] = numbers[0], now, now
	}
	if err := tx.SetChanged("parcels", parcelID, f); err != nil {
		return "", err
	}
	if shipped {
		return parcelID, nil
	}
	orders := map[string]bool{}
	keep := map[string]bool{}
	for _, l := range lines {
		itemID := domain.DerivedID("parcel-item", parcelID, l.id)
		keep[itemID] = true
		orders[l.order] = true
		if err := tx.SetChanged("parcel_items", itemID, store.Fields{"parcel_id": parcelID, "order_id": l.order, "line_id": l.id,
			"qty": l.packQty, "deleted": int64(0)}); err != nil {
			return "", err
		}
	}
	// items of this parcel left out of the input are unpacked
	var drop []string
	err = scanAll(tx, `SELECT id, order_id FROM parcel_items WHERE parcel_id = ? AND deleted = 0`, []any{parcelID},
		func(r *sql.Rows) error {
			var id, order string
			if err := r.Scan(&id, &order); err != nil {
				return err
			}
			if !keep[id] {
				drop = append(drop, id)
			}
			return nil
		})
	if err != nil {
		return "", err
	}
	for _, id := range drop {
		if err := tx.Set("parcel_items", id, store.Fields{"deleted": int64(1)}); err != nil {
			return "", err
		}
	}
	for _, order := range sortedKeys(orders) {
		full, err := fullyIn(tx, order, "")
		if err != nil {
			return "", err
		}
		if full && orderRank(tx, order) < rankPacked {
			if err := s.orders.Advance(tx, order, "packed", now, "parcel"); err != nil {
				return "", err
			}
		}
	}
	return parcelID, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func orderRank(q querier, order string) int {
	var rank int
	q.QueryRow(`SELECT rank FROM order_status WHERE order_id = ?`, order).Scan(&rank)
	return rank
}

// fullyIn reports whether every live line of the order is wholly in live parcels; with
// state = "shipped" or "delivered", in parcels that have reached that state.
func fullyIn(q querier, order, state string) (bool, error) {
	cond := ""
	switch state {
	case "shipped":
		cond = ` AND s.shipped_at <> ''`
	case "delivered":
		cond = ` AND s.delivered_at <> ''`
	}
	var short int
	err := q.QueryRow(`SELECT count(*) FROM order_lines l WHERE l.order_id = ? AND l.deleted = 0
		AND l.qty > coalesce((SELECT sum(i.qty) FROM parcel_items i JOIN parcels p ON p.id = i.parcel_id
			JOIN parcel_state s ON s.parcel_id = p.id
			WHERE i.line_id = l.id AND i.deleted = 0 AND p.deleted = 0`+cond+`), 0)`, order).Scan(&short)
	return short == 0, err
}

// DeleteParcel unpacks a parcel that has not shipped: its goods can be packed again. The
// orders keep their packed status (status follows events and never goes back); the pack list
// shows them again.
func (s *Service) DeleteParcel(ctx context.Context, id string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		var deleted int
		var shippedAt string
		err := tx.QueryRow(`SELECT p.deleted, s.shipped_at FROM parcels p JOIN parcel_state s ON s.parcel_id = p.id
			WHERE p.id = ?`, id).Scan(&deleted, &shippedAt)
		if err == sql.ErrNoRows || deleted != 0 {
			return domain.NotFound("parcel", id)
		} else if err != nil {
			return err
		}
		if shippedAt != "" {
			return &domain.Error{Code: domain.EConflict, Key: "shipping.parcel.shipped",
				Message: "the parcel has shipped; record a return or an exception instead"}
		}
		var items []string
		if err := scanAll(tx, `SELECT id FROM parcel_items WHERE parcel_id = ? AND deleted = 0`, []any{id}, func(r *sql.Rows) error {
			var it string
			items = append(items, it)
			return r.Scan(&items[len(items)-1])
		}); err != nil {
			return err
		}
		for _, it := range items {
			if err := tx.Set("parcel_items", it, store.Fields{"deleted": int64(1)}); err != nil {
				return err
			}
		}
		return tx.Set("parcels", id, store.Fields{"deleted": int64(1)})
	})
}

// MarkLabelled records that the parcels' labels were printed (the waiting list drops them).
func (s *Service) MarkLabelled(ctx context.Context, ids []string) error {
	now := s.nowText()
	return s.db.Write(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			if err := tx.Set("parcels", id, store.Fields{"labelled_at": now}); err != nil {
				return err
			}
		}
		return nil
	})
}

// dateOf is the YYYY-MM-DD of an RFC 3339 time (or of now when empty).
func dateOf(at string, now time.Time) string {
	if len(at) >= 10 {
		return at[:10]
	}
	return now.UTC().Format("2006-01-02")
}
