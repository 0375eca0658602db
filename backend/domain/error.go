package domain

import (
	"errors"
	"fmt"
)

// Error codes. The UI translates them ("errors.<code>") and shows Message or, when present,
// the translation of Key with Params.
const (
	EInvalid  = "invalid"   // the input is wrong; Field names what
	ENotFound = "not_found" // the thing referred to does not exist
	EConflict = "conflict"  // the change contradicts the current state (e.g. stock would go negative)
	EInternal = "internal"  // anything else: logged in full, shown as "internal error"
)

// Error is an error the user can act on. Key is an i18n key (e.g. "product.sku.required")
// and Params its interpolation values, so the UI can show the message in the user's language;
// Message is the English text used by the command line and logs.
type Error struct {
	Code    string         `json:"code"`
	Message string         `json:"message"`
	Field   string         `json:"field,omitempty"`
	Key     string         `json:"key,omitempty"`
	Params  map[string]any `json:"params,omitempty"`
	// Details are the single problems when several were found at once (a form with two bad
	// fields): each names its own field, so the UI can mark every one.
	Details []*Error `json:"details,omitempty"`
}

func (e *Error) Error() string {
	if e.Field != "" {
		return e.Field + ": " + e.Message
	}
	return e.Message
}

// Errorf returns an Error with code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid reports a bad value in field; key/params let the UI translate the message.
func Invalid(field, key, message string, params map[string]any) *Error {
	return &Error{Code: EInvalid, Field: field, Key: key, Message: message, Params: params}
}

// NotFound reports a missing referent of the given kind ("product", "location", …).
func NotFound(kind, id string) *Error {
	return &Error{Code: ENotFound, Key: "errors.notFoundThing", Message: fmt.Sprintf("%s %q not found", kind, id),
		Params: map[string]any{"kind": kind, "id": id}}
}

// ErrorCode returns the code of a domain error, or EInternal for any other error.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EInternal
}

// ErrorMessage returns the user message of a domain error, or "internal error" for others.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Error()
	}
	return "internal error"
}

// AsError returns the domain error inside err, or nil.
func AsError(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return nil
}

// Problems collects several field errors (a form, a file row) into one invalid error.
type Problems struct{ List []*Error }

// Add records a problem.
func (p *Problems) Add(e *Error) { p.List = append(p.List, e) }

// Err returns nil when there were no problems, the single error when there was one, and an
// invalid error listing all of them otherwise.
func (p *Problems) Err() error {
	switch len(p.List) {
	case 0:
		return nil
	case 1:
		return p.List[0]
	}
	msg := ""
	for i, e := range p.List {
		if i > 0 {
			msg += "; "
		}
		msg += e.Error()
	}
	return &Error{Code: EInvalid, Field: p.List[0].Field, Key: p.List[0].Key, Params: p.List[0].Params, Message: msg,
		Details: p.List}
}

// LineProblem is one bad value in an input file. Key and Params translate Message (English,
// for the command line and logs) as they do for Error.
type LineProblem struct {
	Line    int            `json:"line"`
	Field   string         `json:"field"`
	Message string         `json:"message"`
	Key     string         `json:"key,omitempty"`
	Params  map[string]any `json:"params,omitempty"`
}

// ProblemAt is the error e found on line of an input file.
func ProblemAt(line int, e *Error) LineProblem {
	return LineProblem{Line: line, Field: e.Field, Message: e.Message, Key: e.Key, Params: e.Params}
}

// FileError reports every bad line of an input file; nothing of the file was applied.
type FileError struct {
	File     string        `json:"file"`
	Problems []LineProblem `json:"problems"`
}

func (e *FileError) Error() string {
	var b []byte
	b = fmt.Appendf(b, "%s: %d bad row(s), nothing imported", e.File, len(e.Problems))
	for _, p := range e.Problems {
		b = fmt.Appendf(b, "\n%s:%d: %s: %s", e.File, p.Line, p.Field, p.Message)
	}
	return string(b)
}

// Domain returns the FileError as an invalid domain error for the UI.
func (e *FileError) Domain() *Error {
	return &Error{Code: EInvalid, Key: "errors.badFile", Message: e.Error(),
		Params: map[string]any{"file": e.File, "count": len(e.Problems)}}
}
