package shipping

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/pdf"
)

// PrintSelection chooses the parcels to print: IDs (ids or parcel numbers), else every parcel
// with Status (see ParcelFilter). No status means, for labels, the parcels waiting for one
// (packed, not yet labelled) and, for slips, every packed parcel not yet shipped.
type PrintSelection struct {
	IDs    []string `json:"ids"`
	Status string   `json:"status"`
}

// selectParcels returns the parcels of a selection, in list order (newest packed first), or
// in the order given for IDs. An unknown id or number is a not-found error.
func (s *Service) selectParcels(ctx context.Context, sel PrintSelection, byDefault string) ([]Parcel, error) {
	q := s.db.R()
	var ids []string
	if len(sel.IDs) > 0 {
		keys := make([]string, len(sel.IDs))
		for i, key := range sel.IDs {
			keys[i] = strings.TrimSpace(key)
		}
		found := map[string]string{} // id or number → id
		err := scanAll(q, `SELECT id, number FROM parcels WHERE +deleted = 0 AND (id IN (SELECT value FROM json_each(?1))
			OR number IN (SELECT upper(value) FROM json_each(?1)))`, []any{jsonList(keys)}, func(r *sql.Rows) error {
			var id, number string
			if err := r.Scan(&id, &number); err != nil {
				return err
			}
			found[id], found[number] = id, id
			return nil
		})
		if err != nil {
			return nil, err
		}
		for _, key := range keys {
			id, ok := found[key]
			if !ok {
				id, ok = found[strings.ToUpper(key)]
			}
			if !ok {
				return nil, domain.NotFound("parcel", key)
			}
			ids = append(ids, id)
		}
	} else {
		status := sel.Status
		if status == "" {
			status = byDefault
		}
		rows, err := listParcels(q, ParcelFilter{Status: status, Limit: 100000}, s.now())
		if err != nil {
			return nil, err
		}
		for i := len(rows) - 1; i >= 0; i-- { // oldest first: the order they were packed in
			ids = append(ids, rows[i].ID)
		}
	}
	return loadForPrint(q, ids)
}

// address is a recipient's address as a Chinese label prints it: province, city, district,
// street, then the postcode.
func address(p Parcel) string {
	a := p.ShipProvince + p.ShipCity + p.ShipDistrict + p.ShipStreet
	if p.ShipPostcode != "" {
		a += " " + p.ShipPostcode
	}
	return a
}

func orderNumbers(p Parcel) []string {
	out := make([]string, 0, len(p.Orders))
	for _, o := range p.Orders {
		out = append(out, o.Number)
	}
	return out
}

// labelOf is a parcel's shipping label. A parcel without a tracking number yet carries its
// parcel number in the barcode, so it can still be scanned at the packing table.
func labelOf(p Parcel, r Rules) pdf.Label {
	tracking := p.TrackingNo
	if tracking == "" {
		tracking = p.Number
	}
	numbers := orderNumbers(p)
	l := pdf.Label{
		Sender:    pdf.Party{Name: r.Sender.Name, Phone: r.Sender.Phone, Address: r.Sender.Address},
		Recipient: pdf.Party{Name: p.ShipName, Phone: p.ShipPhone, Address: address(p)},
		Carrier:   p.Carrier, Service: p.Service, Tracking: tracking,
		WeightG: p.WeightG, Parcel: p.Seq, Parcels: p.Count, Contents: p.Contents,
	}
	if len(numbers) > 0 {
		l.OrderNumber = numbers[0]
		if len(numbers) > 1 {
			l.OrderNumber = fmt.Sprintf("%s +%d", numbers[0], len(numbers)-1)
		}
		l.QR = "daigoudesk:order:" + strings.Join(numbers, ",")
	}
	if p.Leg2TrackingNo != "" {
		l.Contents = strings.TrimSpace(l.Contents + " · " + p.Leg2Carrier + " " + p.Leg2TrackingNo)
	}
	return l
}

// slipOf is a parcel's packing slip.
func slipOf(p Parcel, r Rules, hidePrices bool, date string) pdf.Slip {
	sl := pdf.Slip{ParcelNumber: p.Number, Parcel: p.Seq, Parcels: p.Count, Date: date,
		Sender:    pdf.Party{Name: r.Sender.Name, Phone: r.Sender.Phone, Address: r.Sender.Address},
		Recipient: pdf.Party{Name: p.ShipName, Phone: p.ShipPhone, Address: address(p)},
		Carrier:   p.Carrier, Service: p.Service, Tracking: p.TrackingNo, Orders: orderNumbers(p),
		HidePrices: hidePrices, Note: r.SlipNote, QR: "daigoudesk:parcel:" + p.Number}
	for _, l := range p.Lines {
		sl.Lines = append(sl.Lines, pdf.SlipLine{OrderNumber: l.OrderNumber, Name: l.Name, NameOrig: l.NameOrig, SKU: l.SKU,
			Qty: l.Qty, UnitPrice: l.UnitPrice, Currency: l.Currency})
	}
	return sl
}

// noParcels is the error for a selection with nothing to print.
func noParcels() error {
	return &domain.Error{Code: domain.EConflict, Key: "shipping.print.none", Message: "no parcels to print"}
}

// writeLabels prints the selected parcels' labels as one PDF to w and returns their ids.
func (s *Service) writeLabels(ctx context.Context, w io.Writer, sel PrintSelection, size pdf.LabelSize, progress pdf.Progress) ([]string, error) {
	parcels, err := s.selectParcels(ctx, sel, "waiting")
	if err != nil {
		return nil, err
	}
	if len(parcels) == 0 {
		return nil, noParcels()
	}
	r, err := loadRules(s.db.R())
	if err != nil {
		return nil, err
	}
	labels := make([]pdf.Label, len(parcels))
	ids := make([]string, len(parcels))
	for i, p := range parcels {
		labels[i], ids[i] = labelOf(p, r), p.ID
	}
	return ids, pdf.WriteLabels(w, labels, size, progress)
}

// writeSlips prints the selected parcels' packing slips as one PDF to w (without prices
// for gifts) and returns how many it printed.
func (s *Service) writeSlips(ctx context.Context, w io.Writer, sel PrintSelection, size pdf.SlipSize, hidePrices bool, progress pdf.Progress) (int, error) {
	parcels, err := s.selectParcels(ctx, sel, "packed")
	if err != nil {
		return 0, err
	}
	if len(parcels) == 0 {
		return 0, noParcels()
	}
	r, err := loadRules(s.db.R())
	if err != nil {
		return 0, err
	}
	date := s.now().Format("2006-01-02")
	slips := make([]pdf.Slip, 0, len(parcels))
	for _, p := range parcels {
		if len(p.Lines) == 0 {
			continue
		}
		slips = append(slips, slipOf(p, r, hidePrices, date))
	}
	if len(slips) == 0 {
		return 0, noParcels()
	}
	return len(slips), pdf.WriteSlips(w, slips, size, progress)
}

// LabelSizes and SlipSizes are the page sizes by the names the UI and CLI use.
var (
	LabelSizes = map[string]pdf.LabelSize{"100x150": pdf.Label100x150, "76x130": pdf.Label76x130}
	SlipSizes  = map[string]pdf.SlipSize{"a4": pdf.SlipA4, "a5": pdf.SlipA5}
)

// PrintRequest is a print job for a file: labels or packing slips of a selection.
type PrintRequest struct {
	Kind       string         `json:"kind"` // labels | slips
	Selection  PrintSelection `json:"selection"`
	Size       string         `json:"size"` // labels: 100x150 | 76x130; slips: a4 | a5 ('' = the first)
	HidePrices bool           `json:"hidePrices"`
}

// PrintFile writes the job's PDF to path (a temporary file renamed into place, so a failed
// job leaves no half file) and returns how many labels or slips it holds. Parcels whose
// labels were printed leave the waiting list.
func (s *Service) PrintFile(ctx context.Context, path string, req PrintRequest, progress pdf.Progress) (int, error) {
	size := strings.ToLower(strings.TrimSpace(req.Size))
	var write func(w io.Writer) (int, error)
	var labelled []string
	switch req.Kind {
	case "labels":
		if size == "" {
			size = "100x150"
		}
		ls, ok := LabelSizes[size]
		if !ok {
			return 0, domain.Invalid("size", "shipping.print.size", "label size is 100x150 or 76x130", map[string]any{"size": req.Size})
		}
		write = func(w io.Writer) (n int, err error) {
			labelled, err = s.writeLabels(ctx, w, req.Selection, ls, progress)
			return len(labelled), err
		}
	case "slips":
		if size == "" {
			size = "a4"
		}
		ss, ok := SlipSizes[size]
		if !ok {
			return 0, domain.Invalid("size", "shipping.print.size", "slip size is a4 or a5", map[string]any{"size": req.Size})
		}
		write = func(w io.Writer) (int, error) {
			return s.writeSlips(ctx, w, req.Selection, ss, req.HidePrices, progress)
		}
	default:
		return 0, domain.Invalid("kind", "shipping.print.kind", "print labels or slips", nil)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*.pdf")
	if err != nil {
		return 0, fmt.Errorf("create %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	buf := bufio.NewWriterSize(tmp, 1<<20)
	n, err := write(buf)
	if err == nil {
		err = buf.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return 0, err
	}
	if len(labelled) > 0 {
		return n, s.MarkLabelled(ctx, labelled)
	}
	return n, nil
}
