package customers

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// Service is the customers area over one store.
type Service struct {
	db  *store.DB
	now func() time.Time
}

// New returns the customers service.
func New(db *store.DB) *Service { return &Service{db: db, now: time.Now} }

// CustomerInput is what a person types into the customer form.
type CustomerInput struct {
	Name        string   `json:"name"`
	WeChat      string   `json:"wechat"`
	Xiaohongshu string   `json:"xiaohongshu"`
	Taobao      string   `json:"taobao"`
	Phone       string   `json:"phone"`
	Email       string   `json:"email"`
	IDNumber    string   `json:"idNumber"` // 18-character resident ID number, for customs clearance
	IDPhoto     string   `json:"idPhoto"`  // blob hash of the ID card photo
	Tags        []string `json:"tags"`
	Notes       string   `json:"notes"`
}

// Customer is a stored customer.
type Customer struct {
	ID string `json:"id"`
	CustomerInput
	MergedInto string `json:"mergedInto"` // set on a record merged into another
	CreatedAt  string `json:"createdAt"`
}

// Limits of the text fields, in characters.
const (
	maxName  = 100
	maxID    = 64 // WeChat, Xiaohongshu, Taobao ids
	maxNotes = 4000
	maxTag   = 32
	maxTags  = 20
)

var (
	mainlandMobile = regexp.MustCompile(`^1[3-9][0-9]{9}$`)
	mainlandFixed  = regexp.MustCompile(`^0[1-9][0-9]{8,10}$`)  // area code + number: 010 12345678
	foreignPhone   = regexp.MustCompile(`^\+[1-9][0-9]{6,14}$`) // E.164: at most 15 digits
	emailRE        = regexp.MustCompile(`^[^@\s]+@[^@\s]+\.[^@\s.]+$`)
	blobHash       = regexp.MustCompile(`^[0-9a-f]{64}$`)
)

// NormalizePhone reduces a phone as typed ("+86 138-1234-5678", full-width digits from a
// Chinese IME) to its stored form: digits with a leading + for a foreign number, +86 or 0086
// dropped from a mainland number. Text with anything else is returned trimmed, for
// ValidPhone to reject.
func NormalizePhone(s string) string {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case (r == '+' || r == '＋') && b.Len() == 0:
			b.WriteByte('+')
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.' || r == '\u3000' || r == '－':
		default:
			return s
		}
	}
	n := b.String()
	if strings.HasPrefix(n, "0086") {
		n = "+" + n[2:]
	}
	if rest, ok := strings.CutPrefix(n, "+86"); ok {
		switch {
		case mainlandMobile.MatchString(rest):
			n = rest
		case mainlandFixed.MatchString("0" + rest): // +86 10 1234 5678 is 010 1234 5678
			n = "0" + rest
		}
	}
	return n
}

// ValidPhone reports whether a normalized phone is a mainland mobile, a mainland number with
// its area code, or an international number with its country code.
func ValidPhone(n string) bool {
	return mainlandMobile.MatchString(n) || mainlandFixed.MatchString(n) || foreignPhone.MatchString(n)
}

// SplitTags trims, de-duplicates and drops empty tags; a tag typed with commas (either width)
// becomes several, as they are stored comma-separated.
func SplitTags(tags []string) []string {
	out := []string{}
	for _, t := range tags {
		for _, part := range strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
			part = strings.TrimSpace(part)
			if part != "" && !slices.Contains(out, part) {
				out = append(out, part)
			}
		}
	}
	return out
}

// Normalize trims text, normalizes the phone and ID number, and cleans the tag list.
func (in *CustomerInput) Normalize() {
	for _, p := range []*string{&in.Name, &in.WeChat, &in.Xiaohongshu, &in.Taobao, &in.Email, &in.Notes, &in.IDPhoto} {
		*p = strings.TrimSpace(*p)
	}
	in.Email = strings.ToLower(in.Email)
	in.Phone = NormalizePhone(in.Phone)
	in.IDNumber = domain.NormalizeResidentID(in.IDNumber)
	in.Tags = SplitTags(in.Tags)
}

func tooLong(field string, max int) *domain.Error {
	return domain.Invalid(field, "customer.field.tooLong", fmt.Sprintf("%s is longer than %d characters", field, max),
		map[string]any{"max": max})
}

// Validate checks every field on its own and returns all problems found (the form marks each).
func (in *CustomerInput) Validate(now time.Time) *domain.Problems {
	p := &domain.Problems{}
	if in.Name == "" {
		p.Add(domain.Invalid("name", "customer.name.required", "the name is required", nil))
	} else if utf8.RuneCountInString(in.Name) > maxName {
		p.Add(tooLong("name", maxName))
	}
	if strings.ContainsFunc(in.WeChat, isSpace) {
		p.Add(domain.Invalid("wechat", "customer.wechat.format", "a WeChat id has no spaces", nil))
	}
	for _, f := range []struct{ field, v string }{{"wechat", in.WeChat}, {"xiaohongshu", in.Xiaohongshu}, {"taobao", in.Taobao}} {
		if utf8.RuneCountInString(f.v) > maxID {
			p.Add(tooLong(f.field, maxID))
		}
	}
	if in.Phone != "" && !ValidPhone(in.Phone) {
		p.Add(domain.Invalid("phone", "customer.phone.format",
			"not a phone number: a mainland mobile (11 digits from 13…19) or +country code and number", nil))
	}
	if in.Email != "" && (!emailRE.MatchString(in.Email) || len(in.Email) > 254) {
		p.Add(domain.Invalid("email", "customer.email.format", "not an email address", nil))
	}
	if in.IDNumber != "" {
		if e := domain.ResidentIDError("idNumber", in.IDNumber, now); e != nil {
			p.Add(e)
		}
	}
	if in.IDPhoto != "" && !blobHash.MatchString(in.IDPhoto) {
		p.Add(domain.Invalid("idPhoto", "customer.idPhoto.format", "the ID photo reference is not valid", nil))
	}
	if len(in.Tags) > maxTags {
		p.Add(domain.Invalid("tags", "customer.tags.tooMany", fmt.Sprintf("at most %d tags", maxTags), map[string]any{"max": maxTags}))
	}
	for _, t := range in.Tags {
		if utf8.RuneCountInString(t) > maxTag {
			p.Add(domain.Invalid("tags", "customer.tags.tooLong", fmt.Sprintf("a tag is at most %d characters", maxTag),
				map[string]any{"max": maxTag, "tag": t}))
			break
		}
	}
	if utf8.RuneCountInString(in.Notes) > maxNotes {
		p.Add(tooLong("notes", maxNotes))
	}
	return p
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\u3000' }

func (in *CustomerInput) fields() store.Fields {
	return store.Fields{
		"name": in.Name, "wechat": in.WeChat, "xiaohongshu": in.Xiaohongshu, "taobao": in.Taobao, "phone": in.Phone,
		"email": in.Email, "id_number": in.IDNumber, "id_photo": in.IDPhoto, "tags": strings.Join(in.Tags, ","),
		"notes": in.Notes,
	}
}

// CreateCustomer adds a customer with a new id.
func (s *Service) CreateCustomer(ctx context.Context, in CustomerInput) (Customer, error) {
	id := domain.NewID()
	err := s.db.Write(ctx, func(tx *store.Tx) error { return s.saveCustomer(tx, id, in, true) })
	if err != nil {
		return Customer{}, err
	}
	return s.findLive(ctx, id)
}

// UpdateCustomer replaces the editable fields of customer id; only the fields that changed are
// written, so a concurrent edit of another field on another laptop is kept.
func (s *Service) UpdateCustomer(ctx context.Context, id string, in CustomerInput) (Customer, error) {
	err := s.db.Write(ctx, func(tx *store.Tx) error { return s.saveCustomer(tx, id, in, false) })
	if err != nil {
		return Customer{}, err
	}
	return s.findLive(ctx, id)
}

func (s *Service) saveCustomer(tx *store.Tx, id string, in CustomerInput, create bool) error {
	in.Normalize()
	if err := in.Validate(s.now()).Err(); err != nil {
		return err
	}
	fields := in.fields()
	if create {
		fields["created_at"] = s.now().UTC().Format(time.RFC3339)
		return tx.Set("customers", id, fields)
	}
	old, err := findCustomer(tx, id)
	if err != nil {
		return err
	}
	if old.MergedInto != "" || old.deleted {
		return domain.NotFound("customer", id)
	}
	for k, v := range old.fields() {
		if fields[k] == v {
			delete(fields, k)
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return tx.Set("customers", id, fields)
}

// DeleteCustomer marks a customer deleted (a tombstone: their orders keep naming them).
func (s *Service) DeleteCustomer(ctx context.Context, id string) error {
	return s.db.Write(ctx, func(tx *store.Tx) error {
		c, err := findCustomer(tx, id)
		if err != nil {
			return err
		}
		if c.deleted {
			return domain.NotFound("customer", id)
		}
		return tx.Set("customers", id, store.Fields{"deleted": true})
	})
}

const customerCols = `id, name, wechat, xiaohongshu, taobao, phone, email, id_number, id_photo, tags, notes,
	merged_into, created_at, deleted`

// stored is a customer row with its tombstone flag.
type stored struct {
	Customer
	deleted bool
}

type scanner interface{ Scan(...any) error }

func scanCustomer(r scanner) (stored, error) {
	var c stored
	var tags string
	err := r.Scan(&c.ID, &c.Name, &c.WeChat, &c.Xiaohongshu, &c.Taobao, &c.Phone, &c.Email, &c.IDNumber, &c.IDPhoto,
		&tags, &c.Notes, &c.MergedInto, &c.CreatedAt, &c.deleted)
	c.Tags = splitStored(tags)
	return c, err
}

func splitStored(tags string) []string {
	if tags == "" {
		return []string{}
	}
	return strings.Split(tags, ",")
}

type querier interface {
	QueryRow(string, ...any) *sql.Row
}

// findCustomer returns the row id, deleted or not; not_found only when there is no row.
func findCustomer(q querier, id string) (stored, error) {
	c, err := scanCustomer(q.QueryRow(`SELECT `+customerCols+` FROM customers WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return c, domain.NotFound("customer", id)
	}
	return c, err
}

// resolve follows merged_into from id to the record that lives on (a few hops at most: a
// merge re-points earlier merges), or returns not_found for a deleted, unmerged customer.
func resolve(q querier, id string) (stored, error) {
	for hop := 0; hop < 8; hop++ {
		c, err := findCustomer(q, id)
		if err != nil {
			return c, err
		}
		if c.MergedInto == "" {
			if c.deleted {
				return c, domain.NotFound("customer", id)
			}
			return c, nil
		}
		id = c.MergedInto
	}
	return stored{}, domain.NotFound("customer", id)
}

func (s *Service) findLive(ctx context.Context, id string) (Customer, error) {
	c, err := resolve(s.db.R(), id)
	return c.Customer, err
}

// FindCustomerByID returns a customer; a merged id leads to the customer it was merged into.
func (s *Service) FindCustomerByID(ctx context.Context, id string) (Customer, error) {
	return s.findLive(ctx, id)
}
