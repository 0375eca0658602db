package app

import (
	"errors"
	"log"

	"daigoudesk/backend/domain"
)

// ErrorDTO is what a rejected binding promise carries to JavaScript.
type ErrorDTO struct {
	Code     string               `json:"code"`
	Message  string               `json:"message"`
	Field    string               `json:"field,omitempty"`
	Key      string               `json:"key,omitempty"`
	Params   map[string]any       `json:"params,omitempty"`
	Problems []domain.LineProblem `json:"problems,omitempty"`
	Details  []ErrorDTO           `json:"details,omitempty"`
}

// formatError is Wails' ErrorFormatter: domain errors pass through with their code and
// translation key; anything else is logged in full and shown as an internal error.
func formatError(err error) any {
	return toErrorDTO(err)
}

func toErrorDTO(err error) ErrorDTO {
	var fe *domain.FileError
	if errors.As(err, &fe) {
		d := fe.Domain()
		return ErrorDTO{Code: d.Code, Message: d.Message, Key: d.Key, Params: d.Params, Problems: fe.Problems}
	}
	if d := domain.AsError(err); d != nil {
		out := ErrorDTO{Code: d.Code, Message: d.Message, Field: d.Field, Key: d.Key, Params: d.Params}
		for _, x := range d.Details {
			out.Details = append(out.Details, ErrorDTO{Code: x.Code, Message: x.Message, Field: x.Field, Key: x.Key, Params: x.Params})
		}
		return out
	}
	log.Printf("internal error: %+v", err)
	return ErrorDTO{Code: domain.EInternal, Message: "internal error"}
}
