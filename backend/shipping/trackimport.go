package shipping

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/importer"
	"daigoudesk/backend/store"
)

// TrackingImport is what importing a carrier's tracking file did (commit) or would do
// (preview). Rows = events + known + skipped rows + rows with problems.
type TrackingImport struct {
	File      string               `json:"file"`
	Committed bool                 `json:"committed"` // the events were written
	Rows      int                  `json:"rows"`      // data rows of the file
	Events    int                  `json:"events"`    // new tracking events (written, or to write)
	Known     int                  `json:"known"`     // events already recorded (an earlier import, another laptop, a repeated row)
	Skipped   []SkippedRow         `json:"skipped"`   // rows that do not block: other shipments, rows without an event
	Problems  []domain.LineProblem `json:"problems"`  // every bad row; any problem means nothing is written
	Parcels   []string             `json:"parcels"`   // numbers of the parcels that get new events
	Orders    []string             `json:"orders"`    // numbers of the orders the new events move on (shipped, delivered)
}

// SkippedRow is a row of a tracking file that the import leaves out without blocking it.
type SkippedRow struct {
	Line     int    `json:"line"`
	Tracking string `json:"tracking"`
	// Reason: unknown (no live parcel has the tracking number: the carrier's file covers
	// other shipments too) | noEvent (the row only says a label was made or the carrier was
	// told of the shipment; the carrier does not have the parcel yet)
	Reason string `json:"reason"`
}

// Columns of a tracking file, found by header (Chinese or English; see importer.HeaderKey).
var trackColumns = []importer.Column{
	{Name: "tracking", Aliases: []string{"运单号", "运单号码", "运单编号", "快递单号", "快递单号码", "单号", "物流单号", "面单号",
		"跟踪号", "追踪号", "Tracking number", "Tracking no", "Tracking no.", "Tracking", "Tracking ID", "AWB", "AWB number",
		"AWB no", "AWB no.", "Waybill", "Waybill number", "Waybill no", "Waybill no."}},
	{Name: "time", Aliases: []string{"时间", "扫描时间", "操作时间", "发生时间", "更新时间", "Time", "Date/Time", "Date time",
		"Datetime", "Scan time", "Event time"}},
	{Name: "date", Aliases: []string{"日期", "Date"}},
	{Name: "status", Aliases: []string{"状态", "物流状态", "快件状态", "Status"}},
	{Name: "description", Aliases: []string{"事件", "描述", "物流信息", "物流详情", "物流轨迹", "轨迹", "路由", "路由信息",
		"Event", "Description", "Details", "Activity"}},
	{Name: "place", Aliases: []string{"地点", "所在城市", "城市", "网点", "所在地", "位置", "操作网点", "扫描网点", "Location",
		"Place", "City", "Scan location"}},
}

// statusWords map a carrier's status text to a tracking event, first match wins (see
// StatusKind). Kind "" is a row that is no carrier event.
var statusWords = []struct {
	kind  string
	words []string
}{
	{"", []string{"待揽收", "等待揽收", "待揽件", "已下单", "下单成功", "订单已提交", "电子面单", "面单已打印", "已打印面单",
		"label created", "shipment information received", "information received", "electronic information",
		"order processed", "pre-shipment", "awaiting pick up", "awaiting pickup"}},
	{"returned", []string{"退回寄件人", "退回发件人", "退还寄件人", "退回给寄件人", "退件签收", "退回签收", "退回件签收",
		"returned to sender", "returned to shipper", "return to sender", "returned"}},
	{"lost", []string{"丢失", "遗失", "lost"}},
	{"damaged", []string{"破损", "损坏", "damaged", "damage"}},
	{"exception", []string{"异常", "问题件", "退回", "退件", "拒收", "拒签", "未签收", "未妥投", "失败", "不成功", "无法派送",
		"无法投递", "滞留", "exception", "failed", "failure", "unsuccessful", "undeliverable", "undelivered", "not delivered",
		"unable to deliver", "refused", "attempted"}},
	{"out_for_delivery", []string{"待签收", "等待签收", "待取件", "取件码", "请及时取件", "ready for pick up", "ready for pickup",
		"available for pick up", "available for pickup", "awaiting collection"}},
	{"delivered", []string{"已签收", "签收", "妥投", "投递成功", "派送成功", "delivered"}},
	{"out_for_delivery", []string{"派送", "派件", "投递中", "out for delivery", "with delivery courier", "on vehicle for delivery",
		"vehicle for delivery"}},
	{"customs", []string{"清关", "海关", "报关", "customs", "clearance"}},
	{"picked_up", []string{"揽收", "已揽件", "揽件", "已收件", "收取快件", "已收取", "picked up", "pick up", "pickup scan",
		"shipment received"}},
	{"in_transit", []string{"运输", "到达", "离开", "转运", "发往", "发出", "中转", "运送", "航班", "装车", "途中", "延误",
		"in transit", "transit", "departed", "arrived", "arrival", "departure", "processed", "sorting", "on the way", "delay"}},
}

// StatusKind maps a carrier's status text (Chinese or English) to a tracking event of
// EventKinds. known is false when the text names no event this app knows. A known text with
// kind "" is no carrier event (a label was made, the carrier was told of the shipment).
//
// An event kind itself (picked_up, "in transit") is taken as is. Otherwise the first group
// whose word the text contains wins, in this order, the specific before the general:
// no event (待揽收, label created …); returned (退回寄件人, returned to sender); lost (丢失);
// damaged (破损); exception (异常, 问题件, 退回, 拒收, 未妥投, 失败, failed, undelivered …);
// waiting for the recipient (待签收, 取件码, ready for pickup → out_for_delivery, before
// delivered because it contains 签收); delivered (签收, 妥投, delivered); out_for_delivery
// (派送, 派件, out for delivery); customs (清关, 海关, customs); picked_up (揽收, 已收取,
// picked up); in_transit (运输, 到达, 离开, 转运, 发往, 延误, in transit, departed,
// arrived, delay). So "未妥投" is an exception, not a delivery, "已揽收，发往上海" a
// pick-up, and "派送中，请等待签收" out for delivery.
func StatusKind(text string) (kind string, known bool) {
	t := strings.ToLower(strings.Join(strings.Fields(text), " "))
	if t == "" {
		return "", false
	}
	if k := strings.ReplaceAll(t, " ", "_"); slices.Contains(EventKinds, k) {
		return k, true
	}
	for _, g := range statusWords {
		for _, w := range g.words {
			if strings.Contains(t, w) {
				return g.kind, true
			}
		}
	}
	return "", false
}

// normTracking is a tracking number as parcels keep it: trimmed, upper-case, without spaces,
// Excel's ="…" and a leading apostrophe.
func normTracking(v string) string {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, `="`) && strings.HasSuffix(v, `"`) && len(v) >= 3 {
		v = v[2 : len(v)-1]
	}
	v = strings.TrimPrefix(v, "'")
	return strings.ToUpper(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, v))
}

// trackEvent is a row of the file that makes a tracking event.
type trackEvent struct {
	line                 int
	parcel, number, kind string
	at, place, note      string
}

// errPreview rolls back the transaction of a preview, or of an import with problems.
var errPreview = errors.New("preview")

// ImportTracking reads a carrier's tracking file (name's extension says .csv — UTF-8 or
// GBK — or .xlsx; data is its content) and records its events. Each row is a tracking
// number, a time, a status and maybe a place; see trackColumns for the headers it knows and
// StatusKind for how a status becomes an event (a description column is read first, a status
// column when the description says nothing known, since a status column may repeat the
// shipment's latest state on every row). A row matches the live parcel whose
// tracking number or forwarder's domestic number is the row's (case and spaces do not
// matter); a blank number continues the row above (merged cells).
//
// Rows whose number no live parcel has, and rows that are no carrier event, are skipped and
// do not block. A row with an empty number (and none above), an unreadable time, an unknown
// status, or a number two live parcels share, is a problem naming its line and column; so is
// an event the parcel cannot take (a cancelled order in it). Each event's id is derived from
// parcel, kind and time, so a file imported twice, or on two laptops, records each event
// once (counted as known). The events apply in time order in one transaction, so the first
// one ships the parcel and a delivery delivers its orders.
//
// commit false is a preview: everything is done and rolled back, so the counts are exactly
// what a commit does. commit true writes only when there is no problem; with problems it
// returns the result and a *domain.FileError listing them, and writes nothing.
func (s *Service) ImportTracking(ctx context.Context, name string, data []byte, commit bool) (TrackingImport, error) {
	res := TrackingImport{File: name, Skipped: []SkippedRow{}, Problems: []domain.LineProblem{}, Parcels: []string{},
		Orders: []string{}}
	tb, err := readTableBytes(name, data)
	if err != nil {
		return res, err
	}
	xlsx := strings.EqualFold(filepath.Ext(name), ".xlsx")
	res.Rows = len(tb.Rows)
	var events []trackEvent
	cols, err := tb.Columns(trackColumns)
	if fe, ok := err.(*domain.FileError); ok {
		res.Problems = append(res.Problems, fe.Problems...)
	} else if err != nil {
		return res, err
	} else {
		events, err = s.readTrackRows(tb, cols, xlsx, &res)
		if err != nil {
			return res, err
		}
	}
	err = s.db.Write(ctx, func(tx *store.Tx) error {
		if err := s.applyTrackEvents(tx, events, &res); err != nil {
			return err
		}
		if !commit || len(res.Problems) > 0 {
			return errPreview
		}
		return nil
	})
	if err != nil && err != errPreview {
		return res, err
	}
	sort.SliceStable(res.Problems, func(i, j int) bool { return res.Problems[i].Line < res.Problems[j].Line })
	res.Committed = err == nil
	if commit && len(res.Problems) > 0 {
		return res, &domain.FileError{File: name, Problems: res.Problems}
	}
	return res, nil
}

// readTrackRows checks the columns and reads every row into an event, a skipped row or
// problems.
func (s *Service) readTrackRows(tb *importer.Table, cols *importer.Columns, xlsx bool, res *TrackingImport) ([]trackEvent, error) {
	header := func(name string) string { // the column's header as the file writes it
		for _, c := range trackColumns {
			if c.Name != name {
				continue
			}
			for _, h := range tb.Header {
				if k := importer.HeaderKey(h); k == importer.HeaderKey(c.Name) || slices.ContainsFunc(c.Aliases,
					func(a string) bool { return importer.HeaderKey(a) == k }) {
					return h
				}
			}
		}
		return name
	}
	missing := func(field, key, what string) {
		res.Problems = append(res.Problems, domain.ProblemAt(tb.HeaderLine, domain.Invalid(field, key,
			"the file has no "+what+" column", nil)))
	}
	if !cols.Has("tracking") {
		missing("tracking", "shipping.import.noTrackingColumn", "tracking number (运单号, Tracking number, AWB)")
	}
	if !cols.Has("time") && !cols.Has("date") {
		missing("time", "shipping.import.noTimeColumn", "time (时间, 扫描时间, Time, Date)")
	}
	if !cols.Has("status") && !cols.Has("description") {
		missing("status", "shipping.import.noStatusColumn", "status (状态, 物流状态, 描述, Status, Event)")
	}
	if len(res.Problems) > 0 {
		return nil, nil
	}
	type fileRow struct {
		line                               int
		tracking, date, time, status, desc string
		place                              string
	}
	var rows []fileRow
	numbers := map[string]bool{}
	prev := ""
	for _, r := range tb.Rows {
		get := func(f string) string { return cols.Get(r, f) }
		fr := fileRow{line: r.Line, tracking: normTracking(get("tracking")), date: get("date"), time: get("time"),
			status: get("status"), desc: get("description"), place: get("place")}
		if fr.tracking == "" {
			fr.tracking = prev
		}
		if fr.tracking == "" {
			res.Problems = append(res.Problems, domain.ProblemAt(r.Line, domain.Invalid(header("tracking"),
				"shipping.import.trackingEmpty", "the tracking number is empty", map[string]any{"column": header("tracking")})))
			continue
		}
		prev = fr.tracking
		numbers[fr.tracking] = true
		rows = append(rows, fr)
	}
	parcels, err := parcelsByTracking(s.db.R(), numbers)
	if err != nil {
		return nil, err
	}
	var out []trackEvent
	for _, fr := range rows {
		bad := func(field, key, msg string, params map[string]any) {
			res.Problems = append(res.Problems, domain.ProblemAt(fr.line, domain.Invalid(field, key, msg, params)))
		}
		ps := parcels[fr.tracking]
		switch len(ps) {
		case 0:
			res.Skipped = append(res.Skipped, SkippedRow{Line: fr.line, Tracking: fr.tracking, Reason: "unknown"})
			continue
		case 1:
		default:
			var nums []string
			for _, p := range ps {
				nums = append(nums, p.number)
			}
			list := strings.Join(nums, ", ")
			bad(header("tracking"), "shipping.import.ambiguous",
				fmt.Sprintf("tracking number %s belongs to several parcels: %s", fr.tracking, list),
				map[string]any{"tracking": fr.tracking, "parcels": list})
		}
		// the description (one row per event) first: a status column may repeat the
		// shipment's latest state on every row; the status when the description says nothing
		// this app knows
		text, column := fr.desc, header("description")
		kind, known := StatusKind(text)
		if !known && fr.status != "" {
			if k, ok := StatusKind(fr.status); ok || text == "" {
				text, column, kind, known = fr.status, header("status"), k, ok
			}
		}
		switch {
		case text == "":
			if !cols.Has("description") {
				column = header("status")
			}
			bad(column, "shipping.import.statusEmpty", "the status is empty", map[string]any{"column": column})
		case !known:
			bad(column, "shipping.import.status",
				fmt.Sprintf("%q is not a tracking event this app knows (picked up, in transit, customs, out for delivery, delivered, exception, lost, damaged, returned)", text),
				map[string]any{"value": text, "column": column})
		}
		if known && kind == "" && len(ps) == 1 { // no event: nothing of it is written, nothing to check
			res.Skipped = append(res.Skipped, SkippedRow{Line: fr.line, Tracking: fr.tracking, Reason: "noEvent"})
			continue
		}
		at, ok := rowTime(fr.date, fr.time, xlsx)
		if !ok {
			column, value := header("time"), fr.time
			if !cols.Has("time") || (fr.time == "" && fr.date != "") {
				column, value = header("date"), fr.date
			}
			if value == "" {
				bad(column, "shipping.import.timeEmpty", "the time is empty", map[string]any{"column": column})
			} else {
				bad(column, "shipping.import.time", fmt.Sprintf("%q is not a time (2026-03-01 14:30)", value),
					map[string]any{"value": value, "column": column})
			}
		}
		if len(ps) != 1 || !known || !ok {
			continue
		}
		note := fr.desc
		if note == "" {
			note = fr.status
		}
		out = append(out, trackEvent{line: fr.line, parcel: ps[0].id, number: ps[0].number, kind: kind, at: at,
			place: fr.place, note: note})
	}
	return out, nil
}

type parcelRef struct{ id, number string }

// parcelsByTracking finds the live parcels whose tracking or domestic (leg 2) number is one
// of numbers.
func parcelsByTracking(q querier, numbers map[string]bool) (map[string][]parcelRef, error) {
	out := map[string][]parcelRef{}
	if len(numbers) == 0 {
		return out, nil
	}
	list := make([]string, 0, len(numbers))
	for n := range numbers {
		list = append(list, n)
	}
	b, _ := json.Marshal(list)
	err := scanAll(q, `SELECT id, number, t1, t2 FROM (
			SELECT id, number, upper(replace(trim(tracking_no), ' ', '')) AS t1, upper(replace(trim(leg2_tracking_no), ' ', '')) AS t2
			FROM parcels WHERE deleted = 0 AND (tracking_no <> '' OR leg2_tracking_no <> ''))
		WHERE t1 IN (SELECT value FROM json_each(?)) OR t2 IN (SELECT value FROM json_each(?)) ORDER BY number, id`,
		[]any{string(b), string(b)},
		func(r *sql.Rows) error {
			var p parcelRef
			var t1, t2 string
			if err := r.Scan(&p.id, &p.number, &t1, &t2); err != nil {
				return err
			}
			for _, t := range []string{t1, t2} {
				if t != "" && numbers[t] && !slices.Contains(out[t], p) {
					out[t] = append(out[t], p)
				}
			}
			return nil
		})
	return out, err
}

// applyTrackEvents records the events in time order (ties: in the order of EventKinds, then
// by line), counting new and known ones and the orders they move on; an event the parcel
// cannot take is a problem of its line.
func (s *Service) applyTrackEvents(tx *store.Tx, events []trackEvent, res *TrackingImport) error {
	sort.SliceStable(events, func(i, j int) bool {
		a, b := events[i], events[j]
		if a.at != b.at {
			return a.at < b.at
		}
		if a.parcel != b.parcel {
			return a.parcel < b.parcel
		}
		if ka, kb := slices.Index(EventKinds, a.kind), slices.Index(EventKinds, b.kind); ka != kb {
			return ka < kb
		}
		return a.line < b.line
	})
	var parcelIDs []string
	for _, ev := range events {
		if !slices.Contains(parcelIDs, ev.parcel) {
			parcelIDs = append(parcelIDs, ev.parcel)
		}
	}
	before, err := orderStatuses(tx, parcelIDs)
	if err != nil {
		return err
	}
	touched := map[string]bool{}
	for _, ev := range events {
		id := domain.DerivedID("tracking-import", ev.parcel, ev.kind, ev.at)
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM parcel_events WHERE id = ?`, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			res.Known++
			continue
		}
		err := s.addEventTx(tx, id, "import", EventInput{ParcelID: ev.parcel, Kind: ev.kind, At: ev.at, Place: ev.place,
			Note: ev.note})
		if e := domain.AsError(err); e != nil {
			p := domain.ProblemAt(ev.line, e)
			p.Message = "parcel " + ev.number + ": " + p.Message
			res.Problems = append(res.Problems, p)
			continue
		} else if err != nil {
			return err
		}
		res.Events++
		touched[ev.number] = true
	}
	for n := range touched {
		res.Parcels = append(res.Parcels, n)
	}
	sort.Strings(res.Parcels)
	after, err := orderStatuses(tx, parcelIDs)
	if err != nil {
		return err
	}
	for number, st := range after {
		if before[number] != st {
			res.Orders = append(res.Orders, number)
		}
	}
	sort.Strings(res.Orders)
	return nil
}

// orderStatuses is the status of each order in the parcels, by order number.
func orderStatuses(q querier, parcels []string) (map[string]string, error) {
	out := map[string]string{}
	if len(parcels) == 0 {
		return out, nil
	}
	err := scanAll(q, `SELECT DISTINCT o.number, coalesce(s.status, '') FROM parcel_items i JOIN orders o ON o.id = i.order_id
		LEFT JOIN order_status s ON s.order_id = o.id
		WHERE i.deleted = 0 AND i.parcel_id IN (SELECT value FROM json_each(?))`, []any{jsonList(parcels)},
		func(r *sql.Rows) error {
			var n, st string
			if err := r.Scan(&n, &st); err != nil {
				return err
			}
			out[n] = st
			return nil
		})
	return out, err
}

// rowTime reads a row's time from its time column, its date column, or both (a date and a
// time of day). In a workbook a date cell may hold Excel's serial number (days since
// 1899-12-30, the fraction the time of day), read as China time like parseTime's texts.
func rowTime(date, clock string, xlsx bool) (string, bool) {
	if xlsx {
		date, clock = excelSerial(date), excelSerial(clock)
	}
	switch {
	case clock == "" && date == "":
		return "", false
	case date == "":
		return parseTime(clock)
	case clock == "":
		return parseTime(date)
	}
	if at, ok := parseTime(clock); ok {
		return at, true
	}
	day, _, _ := strings.Cut(strings.TrimSpace(date), " ")
	return parseTime(day + " " + strings.TrimSpace(clock))
}

// excelSerial turns a workbook's date serial number into text parseTime reads ("2006-01-02
// 15:04:05", or "15:04:05" for a time of day alone); other text is returned unchanged.
func excelSerial(v string) string {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f < 0 || f >= 2958466 || strings.ContainsAny(v, "-/:") { // up to 9999-12-31
		return v
	}
	days := math.Floor(f)
	secs := math.Round((f - days) * 86400)
	t := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)).Add(time.Duration(secs) * time.Second)
	if days == 0 {
		return t.Format("15:04:05")
	}
	if days < 20000 { // before 1954: a number that is not a date
		return v
	}
	return t.Format("2006-01-02 15:04:05")
}

// readTableBytes reads a file's content with importer.ReadTable (which reads a path) through
// a temporary copy named like it, so errors name the file, not the copy.
func readTableBytes(name string, data []byte) (*importer.Table, error) {
	format, err := importer.FormatOf(name)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "daigoudesk-track-*")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "tracking."+string(format))
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return nil, err
	}
	tb, err := importer.ReadTable(tmp)
	var fe *domain.FileError
	switch {
	case errors.As(err, &fe):
		fe.File = name
		return nil, fe
	case domain.AsError(err) != nil:
		e := *domain.AsError(err)
		e.Message = strings.ReplaceAll(e.Message, tmp, name)
		if e.Params != nil {
			e.Params = map[string]any{"file": name}
		}
		return nil, &e
	case err != nil:
		return nil, err
	}
	tb.File = name
	return tb, nil
}
