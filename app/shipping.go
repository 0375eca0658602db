package app

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"daigoudesk/backend/shipping"
)

// Shipping is the shipping façade: carriers, services and rates, the carrier rules, packing
// parcels with the suggested carrier, tracking, customer notices, carrier evaluation and
// printing labels and packing slips.
type Shipping struct {
	*facade
	stopOutbox context.CancelFunc
}

// startOutbox sends waiting e-mail notices every minute until stop.
func (s *Shipping) startOutbox() {
	ctx, cancel := context.WithCancel(s.ctx)
	s.stopOutbox = cancel
	go s.svc.Shipping.RunOutbox(ctx, time.Minute)
}

func (s *Shipping) stop() {
	if s.stopOutbox != nil {
		s.stopOutbox()
	}
}

// EventPrintProgress carries {done, total} while labels or slips are drawn.
const EventPrintProgress = "shipping:print"

func (s *Shipping) Carriers() ([]shipping.Carrier, error) { return s.svc.Shipping.Carriers(s.ctx) }

func (s *Shipping) SaveCarrier(in shipping.Carrier) (shipping.Carrier, error) {
	return s.svc.Shipping.SaveCarrier(s.ctx, in)
}

func (s *Shipping) DeleteCarrier(id string) error { return s.svc.Shipping.DeleteCarrier(s.ctx, id) }

func (s *Shipping) SaveService(in shipping.CarrierService) (shipping.CarrierService, error) {
	return s.svc.Shipping.SaveService(s.ctx, in)
}

func (s *Shipping) DeleteService(id string) error { return s.svc.Shipping.DeleteService(s.ctx, id) }

func (s *Shipping) Rules() (shipping.Rules, error) { return s.svc.Shipping.Rules(s.ctx) }

func (s *Shipping) SaveRules(r shipping.Rules) (shipping.Rules, error) {
	return s.svc.Shipping.SaveRules(s.ctx, r)
}

func (s *Shipping) Quote(in shipping.QuoteInput) (shipping.Quote, error) {
	return s.svc.Shipping.Quote(s.ctx, in)
}

func (s *Shipping) ReadyToPack() ([]shipping.PackableOrder, error) {
	return s.svc.Shipping.ReadyToPack(s.ctx)
}

// LeftToPack is how many units of an order are still to pack (0 when it cannot be packed).
func (s *Shipping) LeftToPack(orderID string) (int64, error) {
	return s.svc.Shipping.LeftToPack(s.ctx, orderID)
}

func (s *Shipping) DraftParcel(orderIDs []string) (shipping.Draft, error) {
	return s.svc.Shipping.DraftParcel(s.ctx, orderIDs)
}

func (s *Shipping) SaveParcel(in shipping.ParcelInput) (shipping.Parcel, error) {
	return s.svc.Shipping.SaveParcel(s.ctx, in)
}

func (s *Shipping) DeleteParcel(id string) error { return s.svc.Shipping.DeleteParcel(s.ctx, id) }

func (s *Shipping) GetParcel(id string) (shipping.Parcel, error) {
	return s.svc.Shipping.GetParcel(s.ctx, id)
}

func (s *Shipping) Parcels(f shipping.ParcelFilter) ([]shipping.ParcelRow, error) {
	return s.svc.Shipping.Parcels(s.ctx, f)
}

func (s *Shipping) AddEvent(in shipping.EventInput) (shipping.Parcel, error) {
	return s.svc.Shipping.AddEvent(s.ctx, in)
}

// Print draws the labels or packing slips of the selection into one PDF in the data
// folder's prints/ directory, reporting progress as EventPrintProgress, opens it in the
// system's PDF viewer (unless DAIGOU_NO_OPEN is set, as in the end-to-end tests) and returns
// its path.
func (s *Shipping) Print(req shipping.PrintRequest) (string, error) {
	dir := filepath.Join(s.svc.DataDir, "prints")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%s.pdf", req.Kind, time.Now().Format("20060102-150405.000")))
	_, err := s.svc.Shipping.PrintFile(s.ctx, path, req, func(done, total int) {
		if done == total || done%20 == 0 {
			runtime.EventsEmit(s.ctx, EventPrintProgress, map[string]any{"done": done, "total": total})
		}
	})
	if err != nil {
		return "", err
	}
	s.OpenFile(path)
	return path, nil
}

// OpenFile opens a file the app wrote (a printed PDF) in the system's viewer.
func (s *Shipping) OpenFile(path string) {
	if os.Getenv("DAIGOU_NO_OPEN") != "" {
		return
	}
	runtime.BrowserOpenURL(s.ctx, (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String())
}

// ImportTracking reads a carrier's tracking file (sent as base64: a webview has no file
// path); with commit false it only previews what would change.
func (s *Shipping) ImportTracking(name, dataBase64 string, commit bool) (shipping.TrackingImport, error) {
	data, err := base64.StdEncoding.DecodeString(dataBase64)
	if err != nil {
		return shipping.TrackingImport{}, fmt.Errorf("the file could not be read: %w", err)
	}
	return s.svc.Shipping.ImportTracking(s.ctx, name, data, commit)
}

// Evaluate rates carriers and services over parcels shipped between from and to (YYYY-MM-DD, ” = open).
func (s *Shipping) Evaluate(from, to string) ([]shipping.ServiceStats, error) {
	return s.svc.Shipping.Evaluate(s.ctx, from, to)
}

func (s *Shipping) Templates() ([]shipping.Template, error) { return s.svc.Shipping.Templates(s.ctx) }

func (s *Shipping) SaveTemplate(t shipping.Template) (shipping.Template, error) {
	return s.svc.Shipping.SaveTemplate(s.ctx, t)
}

func (s *Shipping) ResetTemplate(stage, lang string) error {
	return s.svc.Shipping.ResetTemplate(s.ctx, stage, lang)
}

// RenderNotice fills the stage's template for a parcel (orderID ” = all its orders).
func (s *Shipping) RenderNotice(parcelID, orderID, stage, lang string) (shipping.Notice, error) {
	return s.svc.Shipping.RenderNotice(s.ctx, parcelID, orderID, stage, lang)
}

// RecordNotice keeps a notice on its orders; an e-mail goes out at once when online, else
// waits in the outbox.
func (s *Shipping) RecordNotice(in shipping.NoticeInput) (shipping.Notice, error) {
	n, err := s.svc.Shipping.RecordNotice(s.ctx, in)
	if err == nil && n.Channel == "email" {
		go s.svc.Shipping.SendPending(s.ctx)
	}
	return n, err
}

func (s *Shipping) OrderNotices(orderID string) ([]shipping.Notice, error) {
	return s.svc.Shipping.OrderNotices(s.ctx, orderID)
}

func (s *Shipping) Outbox() ([]shipping.Notice, error) { return s.svc.Shipping.Outbox(s.ctx) }

// SendPending tries every e-mail of the outbox now (a person pressed "send now", so the
// back-off after a failure does not apply) and says how many went and how many failed.
func (s *Shipping) SendPending() (map[string]int, error) {
	sent, failed, err := s.svc.Shipping.SendNow(s.ctx)
	return map[string]int{"sent": sent, "failed": failed}, err
}

func (s *Shipping) SMTP() (shipping.SMTPSettings, error) { return s.svc.Shipping.SMTP(s.ctx) }

func (s *Shipping) SaveSMTP(in shipping.SMTPSettings) (shipping.SMTPSettings, error) {
	return s.svc.Shipping.SaveSMTP(s.ctx, in)
}

// NoticeOptions lists the stages, languages and placeholders the template editor offers.
func (s *Shipping) NoticeOptions() map[string][]string {
	return map[string][]string{"stages": shipping.NoticeStages, "langs": shipping.NoticeLangs,
		"placeholders": shipping.NoticePlaceholders}
}
