package shipping

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"strconv"
	"strings"
	"sync"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/store"
)

// SMTPSettings is how this device sends e-mail. It is device-local (meta key smtp, never
// synced), so the password stays on this laptop; the password is never handed out again:
// SMTP returns it blank with HasPassword set.
type SMTPSettings struct {
	Host        string `json:"host"`
	Port        int    `json:"port"`
	Username    string `json:"username"` // '' = the server takes mail without a login
	Password    string `json:"password"` // on save: '' keeps the saved one
	From        string `json:"from"`     // name@example.com or "Name <name@example.com>"
	TLS         string `json:"tls"`      // starttls (usually port 587) | tls (465) | none
	HasPassword bool   `json:"hasPassword"`
}

// TLSModes are the ways to secure the connection to the SMTP server.
var TLSModes = []string{"starttls", "tls", "none"}

const (
	smtpMetaKey    = "smtp"
	dialTimeout    = 10 * time.Second
	sessionTimeout = 60 * time.Second // the whole conversation with the server
	maxBackoff     = time.Hour
)

// loadSMTP reads the settings with the password ("" Host = not set up).
func (s *Service) loadSMTP() (SMTPSettings, error) {
	cfg := SMTPSettings{Port: 587, TLS: "starttls"}
	v, err := s.db.Meta(smtpMetaKey)
	if err != nil || v == "" {
		return cfg, err
	}
	if json.Unmarshal([]byte(v), &cfg) != nil {
		return SMTPSettings{Port: 587, TLS: "starttls"}, nil
	}
	cfg.HasPassword = cfg.Password != ""
	return cfg, nil
}

// SMTP returns this device's e-mail settings without the password (defaults when not set
// up: port 587, STARTTLS).
func (s *Service) SMTP(ctx context.Context) (SMTPSettings, error) {
	cfg, err := s.loadSMTP()
	cfg.Password = ""
	return cfg, err
}

// SaveSMTP checks and keeps this device's e-mail settings. A blank password keeps the saved
// one; clearing the user name drops it (a server without login).
func (s *Service) SaveSMTP(ctx context.Context, in SMTPSettings) (SMTPSettings, error) {
	in.Host = strings.TrimSpace(in.Host)
	in.Username = strings.TrimSpace(in.Username)
	in.From = strings.TrimSpace(in.From)
	in.TLS = strings.ToLower(strings.TrimSpace(in.TLS))
	if in.TLS == "" {
		in.TLS = "starttls"
	}
	p := &domain.Problems{}
	if in.Host == "" || strings.ContainsAny(in.Host, " \t/:@") {
		p.Add(domain.Invalid("host", "shipping.smtp.host", "enter the mail server's name, such as smtp.qq.com", nil))
	}
	if in.Port < 1 || in.Port > 65535 {
		p.Add(domain.Invalid("port", "shipping.smtp.port", "the port is a number from 1 to 65535 (usually 587 or 465)", nil))
	}
	if _, ok := plausibleEmail(in.From); !ok {
		p.Add(domain.Invalid("from", "shipping.smtp.from", "the sender must be an e-mail address", nil))
	}
	if in.TLS != "starttls" && in.TLS != "tls" && in.TLS != "none" {
		p.Add(domain.Invalid("tls", "shipping.smtp.tls", "choose STARTTLS, TLS or none", nil))
	}
	if err := p.Err(); err != nil {
		in.Password = ""
		return in, err
	}
	old, err := s.loadSMTP()
	if err != nil {
		return SMTPSettings{}, err
	}
	if in.Password == "" && in.Username != "" {
		in.Password = old.Password
	}
	if in.Username == "" {
		in.Password = ""
	}
	in.HasPassword = false
	body, err := json.Marshal(in)
	if err != nil {
		return SMTPSettings{}, err
	}
	if err := s.db.SetMeta(smtpMetaKey, string(body)); err != nil {
		return SMTPSettings{}, err
	}
	return s.SMTP(ctx)
}

// outboxMu keeps two rounds (the background loop and a "send now") from sending the same
// notice twice.
var outboxMu sync.Mutex

// mailGroup is one e-mail: the notice rows written together for the orders of a parcel
// (same parcel, time, recipient and text) are sent once.
type mailGroup struct {
	notices []Notice
}

func (g *mailGroup) first() Notice { return g.notices[0] }

// pendingMail reads this device's e-mail notices that were never sent, grouped into e-mails,
// oldest first, with when each is next tried.
func (s *Service) pendingMail() ([]*mailGroup, error) {
	list, err := noticesWhere(s.db.R(), `n.device = ? AND n.channel = 'email'
		AND NOT EXISTS (SELECT 1 FROM notice_sends x WHERE x.notice_id = n.id AND x.ok = 1)`, s.db.Device())
	if err != nil {
		return nil, err
	}
	var out []*mailGroup
	byKey := map[string]*mailGroup{}
	for _, n := range list {
		key := strings.Join([]string{n.ParcelID, n.At, n.Recipient, n.Subject, n.Body}, "\x00")
		g := byKey[key]
		if g == nil {
			g = &mailGroup{}
			byKey[key] = g
			out = append(out, g)
		}
		n.NextTry = nextTry(n.LastTry, n.Attempts)
		g.notices = append(g.notices, n)
	}
	return out, nil
}

// nextTry is when a notice that failed attempts times, last at lastTry, is due again:
// 2^attempts minutes later, at most an hour ("" = now).
func nextTry(lastTry string, attempts int) string {
	t, err := time.Parse(time.RFC3339, lastTry)
	if err != nil || attempts <= 0 {
		return ""
	}
	wait := maxBackoff
	if attempts < 6 {
		wait = min(maxBackoff, time.Duration(1<<attempts)*time.Minute)
	}
	return t.Add(wait).UTC().Format(time.RFC3339)
}

// Outbox lists the e-mails this device has still to send, one entry per e-mail (the first
// of its notices), oldest first, with the attempts so far and when the next one is due.
func (s *Service) Outbox(ctx context.Context) ([]Notice, error) {
	groups, err := s.pendingMail()
	if err != nil {
		return nil, err
	}
	out := []Notice{}
	for _, g := range groups {
		out = append(out, g.first())
	}
	return out, nil
}

// dialError is a failure to reach the server: the rest of the round is not tried.
type dialError struct{ err error }

func (e *dialError) Error() string { return e.err.Error() }
func (e *dialError) Unwrap() error { return e.err }

// SendPending sends the outbox's e-mails that are due: each attempt, good or bad, is a
// notice_sends row on every notice of the e-mail; one that failed waits 2^attempts minutes
// (at most an hour) before the next try. When the server cannot be reached, the e-mails
// still due this round get the same failure without dialling again. It returns how many
// e-mails were sent and how many failed; err is for a problem other than sending (the
// database, no SMTP settings while e-mails wait).
func (s *Service) SendPending(ctx context.Context) (sent, failed int, err error) {
	return s.sendRound(ctx, false)
}

// SendNow is SendPending without the wait: a person pressed "send now", so every e-mail of
// the outbox is tried at once.
func (s *Service) SendNow(ctx context.Context) (sent, failed int, err error) {
	return s.sendRound(ctx, true)
}

func (s *Service) sendRound(ctx context.Context, now bool) (sent, failed int, err error) {
	outboxMu.Lock()
	defer outboxMu.Unlock()
	groups, err := s.pendingMail()
	if err != nil || len(groups) == 0 {
		return 0, 0, err
	}
	cfg, err := s.loadSMTP()
	if err != nil {
		return 0, 0, err
	}
	if cfg.Host == "" {
		return 0, 0, &domain.Error{Code: domain.EConflict, Key: "shipping.notice.noSmtp",
			Message: "set up e-mail sending (SMTP) in the settings first"}
	}
	var unreachable error
	for _, g := range groups {
		if err := ctx.Err(); err != nil {
			return sent, failed, err
		}
		n := g.first()
		if !now && n.NextTry != "" && s.nowText() < n.NextTry {
			continue
		}
		sendErr := unreachable
		if sendErr == nil {
			sendErr = s.send(ctx, cfg, n)
			if ctx.Err() != nil {
				return sent, failed, ctx.Err() // stopped mid-way (the app closes): not a failed attempt
			}
			var de *dialError
			if errors.As(sendErr, &de) {
				unreachable = sendErr
			}
		}
		if err := s.recordSend(ctx, g, sendErr); err != nil {
			return sent, failed, err
		}
		if sendErr == nil {
			sent++
		} else {
			failed++
		}
	}
	return sent, failed, nil
}

// recordSend adds an attempt to every notice of the e-mail.
func (s *Service) recordSend(ctx context.Context, g *mailGroup, sendErr error) error {
	msg := ""
	if sendErr != nil {
		msg = sendErr.Error()
		if r := []rune(msg); len(r) > 500 {
			msg = string(r[:500])
		}
	}
	at := s.nowText()
	return s.db.Write(ctx, func(tx *store.Tx) error {
		for _, n := range g.notices {
			if err := tx.Add("notice_sends", domain.NewID(), store.Fields{"notice_id": n.ID, "ok": b2i(sendErr == nil),
				"error": msg, "at": at, "device": tx.Device()}); err != nil {
				return err
			}
		}
		return nil
	})
}

// RunOutbox sends the due e-mails now and then every interval (a minute when every ≤ 0)
// until ctx is done. Problems are logged (each once while it lasts), never fatal: the
// e-mails stay in the outbox and are tried again.
func (s *Service) RunOutbox(ctx context.Context, every time.Duration) {
	if every <= 0 {
		every = time.Minute
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	last := ""
	for {
		func() {
			defer func() {
				if r := recover(); r != nil {
					log.Printf("outbox: %v", r)
				}
			}()
			sent, failed, err := s.SendPending(ctx)
			msg := ""
			if err != nil && ctx.Err() == nil {
				msg = "outbox: " + err.Error()
			} else if sent > 0 || failed > 0 {
				log.Printf("outbox: sent %d, failed %d", sent, failed)
			}
			if msg != last && msg != "" {
				log.Print(msg)
			}
			last = msg
		}()
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
	}
}

// send delivers one notice as an e-mail.
func (s *Service) send(ctx context.Context, cfg SMTPSettings, n Notice) error {
	from, ok := plausibleEmail(cfg.From)
	if !ok {
		return fmt.Errorf("the sender %q is not an e-mail address", cfg.From)
	}
	to, ok := plausibleEmail(n.Recipient)
	if !ok {
		return fmt.Errorf("%q is not an e-mail address", n.Recipient)
	}
	msg := buildMessage(from, to, n, s.now())
	return sendMail(ctx, cfg, from.Address, to.Address, msg)
}

// buildMessage writes a UTF-8 plain-text e-mail: the subject as RFC 2047 encoded words, the
// body in base64 with CRLF line ends, and a Message-ID made from the notice id (the same on
// every retry, so a mail server can drop a duplicate).
func buildMessage(from, to *mail.Address, n Notice, now time.Time) []byte {
	_, host, _ := strings.Cut(from.Address, "@")
	subject := strings.NewReplacer("\r", " ", "\n", " ").Replace(n.Subject)
	var b bytes.Buffer
	header := func(k, v string) { b.WriteString(k + ": " + v + "\r\n") }
	header("From", from.String())
	header("To", to.String())
	header("Subject", mime.QEncoding.Encode("UTF-8", subject))
	header("Date", now.Format(time.RFC1123Z))
	header("Message-ID", "<"+strings.ToLower(n.ID)+"@"+host+">")
	header("MIME-Version", "1.0")
	header("Content-Type", "text/plain; charset=UTF-8")
	header("Content-Transfer-Encoding", "base64")
	b.WriteString("\r\n")
	body := strings.ReplaceAll(strings.ReplaceAll(n.Body, "\r\n", "\n"), "\n", "\r\n")
	enc := base64.StdEncoding.EncodeToString([]byte(body))
	for len(enc) > 76 {
		b.WriteString(enc[:76] + "\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc + "\r\n")
	return b.Bytes()
}

// sendMail speaks SMTP to the configured server: implicit TLS ("tls"), plain then STARTTLS
// ("starttls", refused when the server does not offer it), or plain ("none"); logs in with
// PLAIN or LOGIN when a user name is set (never over an unencrypted connection, except to
// this machine).
func sendMail(ctx context.Context, cfg SMTPSettings, from, to string, msg []byte) error {
	addr := net.JoinHostPort(cfg.Host, strconv.Itoa(cfg.Port))
	dialer := &net.Dialer{Timeout: dialTimeout}
	var conn net.Conn
	var err error
	if cfg.TLS == "tls" {
		conn, err = (&tls.Dialer{NetDialer: dialer, Config: &tls.Config{ServerName: cfg.Host}}).DialContext(ctx, "tcp", addr)
	} else {
		conn, err = dialer.DialContext(ctx, "tcp", addr)
	}
	if err != nil {
		return &dialError{err}
	}
	conn.SetDeadline(time.Now().Add(sessionTimeout))
	c, err := smtp.NewClient(conn, cfg.Host)
	if err != nil {
		conn.Close()
		return err
	}
	defer c.Close()
	if cfg.TLS == "starttls" {
		if ok, _ := c.Extension("STARTTLS"); !ok {
			return errors.New("the mail server does not offer STARTTLS")
		}
		if err := c.StartTLS(&tls.Config{ServerName: cfg.Host}); err != nil {
			return err
		}
	}
	if cfg.Username != "" {
		ok, mechs := c.Extension("AUTH")
		if !ok {
			return errors.New("the mail server does not accept a login (no AUTH)")
		}
		mechs = " " + strings.ToUpper(mechs) + " "
		var auth smtp.Auth
		switch {
		case strings.Contains(mechs, " PLAIN "):
			auth = smtp.PlainAuth("", cfg.Username, cfg.Password, cfg.Host)
		case strings.Contains(mechs, " LOGIN "):
			auth = &loginAuth{user: cfg.Username, pass: cfg.Password}
		default:
			return fmt.Errorf("the mail server offers no login this app knows (%s)", strings.TrimSpace(mechs))
		}
		if err := c.Auth(auth); err != nil {
			return err
		}
	}
	if err := c.Mail(from); err != nil {
		return err
	}
	if err := c.Rcpt(to); err != nil {
		return err
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	c.Quit() // the server has accepted the message; a failed goodbye changes nothing
	return nil
}

// loginAuth is the LOGIN mechanism (Outlook and some others offer no PLAIN).
type loginAuth struct {
	user, pass string
	step       int
}

func (a *loginAuth) Start(server *smtp.ServerInfo) (string, []byte, error) {
	if !server.TLS && server.Name != "localhost" && server.Name != "127.0.0.1" && server.Name != "::1" {
		return "", nil, errors.New("unencrypted connection")
	}
	a.step = 0
	return "LOGIN", nil, nil
}

func (a *loginAuth) Next(fromServer []byte, more bool) ([]byte, error) {
	if !more {
		return nil, nil
	}
	a.step++
	switch a.step {
	case 1:
		return []byte(a.user), nil
	case 2:
		return []byte(a.pass), nil
	}
	return nil, fmt.Errorf("unexpected login prompt %q", fromServer)
}
