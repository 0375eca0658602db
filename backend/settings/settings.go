// Package settings keeps the app's settings: team-wide ones (base currency) replicate through
// the store's write path; device ones (language, device name) stay in the local meta table.
// It imports domain and store only.
package settings

import (
	"context"
	"database/sql"
	"strings"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Settings as the settings page shows them.
type Settings struct {
	BaseCurrency string `json:"baseCurrency"`
	Language     string `json:"language"` // zh-CN | en
	DataDir      string `json:"dataDir"`
	DeviceName   string `json:"deviceName"`
	DeviceID     string `json:"deviceId"`
}

// Languages the UI speaks.
var Languages = []string{"zh-CN", "en"}

// Service reads and writes settings.
type Service struct {
	db      *store.DB
	dataDir string
}

// New returns the settings service for the database in dataDir.
func New(db *store.DB, dataDir string) *Service { return &Service{db: db, dataDir: dataDir} }

// Get returns the current settings, with defaults for what was never set.
func (s *Service) Get(ctx context.Context) (Settings, error) {
	out := Settings{BaseCurrency: "CNY", Language: "zh-CN", DataDir: s.dataDir, DeviceID: s.db.Device()}
	var cur string
	err := s.db.R().QueryRowContext(ctx, `SELECT value FROM settings WHERE id = 'base_currency' AND deleted = 0`).Scan(&cur)
	if err != nil && err != sql.ErrNoRows {
		return out, err
	}
	if cur != "" {
		out.BaseCurrency = cur
	}
	if lang, _ := s.db.Meta("language"); lang != "" {
		out.Language = lang
	}
	out.DeviceName, _ = s.db.Meta("device_name")
	return out, nil
}

// Save validates and stores the editable settings (base currency, language, device name).
func (s *Service) Save(ctx context.Context, in Settings) (Settings, error) {
	in.BaseCurrency = strings.ToUpper(strings.TrimSpace(in.BaseCurrency))
	in.DeviceName = strings.TrimSpace(in.DeviceName)
	p := &domain.Problems{}
	if !domain.ValidCurrency(in.BaseCurrency) {
		p.Add(domain.Invalid("baseCurrency", "product.currency.unknown", "unknown currency "+in.BaseCurrency,
			map[string]any{"currency": in.BaseCurrency}))
	}
	if in.Language != "zh-CN" && in.Language != "en" {
		p.Add(domain.Invalid("language", "settings.errors.languageUnknown", "language must be zh-CN or en", nil))
	}
	if len([]rune(in.DeviceName)) > 40 {
		p.Add(domain.Invalid("deviceName", "settings.errors.deviceNameLong", "device name is longer than 40 characters", nil))
	}
	if err := p.Err(); err != nil {
		return Settings{}, err
	}
	old, err := s.Get(ctx)
	if err != nil {
		return old, err
	}
	if old.BaseCurrency != in.BaseCurrency {
		if err := s.db.Write(ctx, func(tx *store.Tx) error {
			return tx.Set("settings", "base_currency", store.Fields{"value": in.BaseCurrency})
		}); err != nil {
			return old, err
		}
	}
	if err := s.db.SetMeta("language", in.Language); err != nil {
		return old, err
	}
	if err := s.db.SetMeta("device_name", in.DeviceName); err != nil {
		return old, err
	}
	return s.Get(ctx)
}
