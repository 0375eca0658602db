package app

import (
	"daigoudesk/backend/settings"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// Settings is the settings facade.
type Settings struct{ *facade }

// SettingsDTO is settings.Settings under the name the UI knows.
type SettingsDTO = settings.Settings

func (s *Settings) GetSettings() (SettingsDTO, error) { return s.svc.Settings.Get(s.ctx) }

func (s *Settings) SaveSettings(in SettingsDTO) (SettingsDTO, error) {
	out, err := s.svc.Settings.Save(s.ctx, in)
	if err == nil {
		runtime.EventsEmit(s.ctx, EventSettingsChanged, map[string]any{"remote": false})
	}
	return out, err
}
