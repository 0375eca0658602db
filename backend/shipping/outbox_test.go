package shipping_test

import (
	"context"
	"encoding/base64"
	"io"
	"mime"
	"net"
	"net/mail"
	"net/textproto"
	"strings"
	"sync"
	"testing"
	"time"

	"daigoudesk/backend/domain"
	"daigoudesk/backend/shipping"
)

// fakeSMTP is a small SMTP server on 127.0.0.1 that keeps the messages it accepts. refuse
// makes it answer MAIL with 554; auth ("PLAIN", "LOGIN") makes it require that login.
type fakeSMTP struct {
	ln   net.Listener
	port int

	mu         sync.Mutex
	refuse     bool
	auth       string
	user, pass string // the credentials it was given
	msgs       []*mail.Message
	bodies     []string
}

func startSMTP(t *testing.T) *fakeSMTP {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &fakeSMTP{ln: ln, port: ln.Addr().(*net.TCPAddr).Port}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	return s
}

func (s *fakeSMTP) set(fn func(*fakeSMTP)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	fn(s)
}

func (s *fakeSMTP) received() []*mail.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]*mail.Message(nil), s.msgs...)
}

func (s *fakeSMTP) serve(c net.Conn) {
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	tp := textproto.NewConn(c)
	reply := func(line string) { tp.PrintfLine("%s", line) }
	b64 := func(line string) string { v, _ := base64.StdEncoding.DecodeString(line); return string(v) }
	reply("220 fake ESMTP")
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		s.mu.Lock()
		refuse, auth := s.refuse, s.auth
		s.mu.Unlock()
		switch strings.ToUpper(verb) {
		case "EHLO":
			if auth != "" {
				reply("250-fake")
				reply("250 AUTH " + auth)
			} else {
				reply("250 fake")
			}
		case "HELO", "RCPT", "RSET", "NOOP":
			reply("250 ok")
		case "AUTH":
			mech, initial, _ := strings.Cut(arg, " ")
			var user, pass string
			if mech == "PLAIN" {
				parts := strings.Split(b64(initial), "\x00")
				if len(parts) == 3 {
					user, pass = parts[1], parts[2]
				}
			} else {
				reply("334 VXNlcm5hbWU6")
				l, _ := tp.ReadLine()
				user = b64(l)
				reply("334 UGFzc3dvcmQ6")
				l, _ = tp.ReadLine()
				pass = b64(l)
			}
			s.set(func(s *fakeSMTP) { s.user, s.pass = user, pass })
			reply("235 welcome")
		case "MAIL":
			if refuse {
				reply("554 5.7.1 sending refused")
			} else {
				reply("250 ok")
			}
		case "DATA":
			reply("354 go on")
			data, err := tp.ReadDotBytes()
			if err != nil {
				return
			}
			m, err := mail.ReadMessage(strings.NewReader(string(data)))
			if err != nil {
				reply("550 bad message")
				continue
			}
			body, _ := io.ReadAll(m.Body)
			s.set(func(s *fakeSMTP) { s.msgs = append(s.msgs, m); s.bodies = append(s.bodies, string(body)) })
			reply("250 queued")
		case "QUIT":
			reply("221 bye")
			return
		default:
			reply("502 unknown command")
		}
	}
}

// closedPort is a local port nothing listens on.
func closedPort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	return port
}

func TestOutboxSendsOnce(t *testing.T) {
	e := mustOpen(t)
	srv := startSMTP(t)
	p, o1, o2 := noticeParcel(t, e)
	must(e.s.SaveSMTP(ctx, shipping.SMTPSettings{Host: "127.0.0.1", Port: srv.port, From: "小丽代购 <shop@example.com>", TLS: "none"}))(t)
	n := must(e.s.RenderNotice(ctx, p.ID, "", "shipped", "zh-CN"))(t)
	// one e-mail about both orders: a notice on each order, sent once
	must(e.s.RecordNotice(ctx, shipping.NoticeInput{ParcelID: p.ID, Stage: "shipped", Lang: "zh-CN", Channel: "email",
		Recipient: n.Recipient, Subject: n.Subject, Body: n.Body}))(t)
	if box := must(e.s.Outbox(ctx))(t); len(box) != 1 {
		t.Fatalf("one e-mail waits: %+v", box)
	}
	sent, failed, err := e.s.SendPending(ctx)
	if err != nil || sent != 1 || failed != 0 {
		t.Fatalf("sent %d, failed %d: %v", sent, failed, err)
	}
	msgs := srv.received()
	if len(msgs) != 1 {
		t.Fatalf("the e-mail arrives once: %d", len(msgs))
	}
	m := msgs[0]
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil || subject != n.Subject || !strings.Contains(subject, "已发货") {
		t.Fatalf("subject %q (raw %q): %v", subject, m.Header.Get("Subject"), err)
	}
	if strings.ContainsFunc(m.Header.Get("Subject"), func(r rune) bool { return r > 127 }) {
		t.Fatalf("the subject is encoded: %q", m.Header.Get("Subject"))
	}
	body, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(srv.bodies[0], "\r\n", ""))
	if err != nil || strings.ReplaceAll(string(body), "\r\n", "\n") != n.Body || !strings.Contains(string(body), "\r\n") {
		t.Fatalf("body %q: %v", body, err)
	}
	if ct := m.Header.Get("Content-Type"); ct != "text/plain; charset=UTF-8" || m.Header.Get("Content-Transfer-Encoding") != "base64" ||
		m.Header.Get("MIME-Version") != "1.0" {
		t.Fatalf("MIME headers: %v", m.Header)
	}
	from, err := m.Header.AddressList("From")
	if err != nil || from[0].Name != "小丽代购" || from[0].Address != "shop@example.com" {
		t.Fatalf("from %v: %v", from, err)
	}
	if to, err := m.Header.AddressList("To"); err != nil || to[0].Address != "zhangli@example.com" {
		t.Fatalf("to %v: %v", to, err)
	}
	if date, err := m.Header.Date(); err != nil || !date.Equal(e.now) {
		t.Fatalf("date %v: %v", date, err)
	}
	if id := m.Header.Get("Message-ID"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@example.com>") {
		t.Fatalf("message id %q", id)
	}
	for _, o := range []string{o1.Order.ID, o2.Order.ID} {
		h := must(e.s.OrderNotices(ctx, o))(t)
		if len(h) != 1 || h[0].Sent != "2026-03-10T09:00:00Z" || h[0].Attempts != 1 || h[0].LastError != "" {
			t.Fatalf("each order's notice shows it sent: %+v", h)
		}
	}
	if box := must(e.s.Outbox(ctx))(t); len(box) != 0 {
		t.Fatalf("the outbox is empty: %+v", box)
	}
	e.now = e.now.Add(time.Hour)
	if sent, failed, err := e.s.SendPending(ctx); sent+failed != 0 || err != nil || len(srv.received()) != 1 {
		t.Fatalf("nothing is sent twice: %d %d %v", sent, failed, err)
	}
}

func TestOutboxRetriesWithBackOff(t *testing.T) {
	e := mustOpen(t)
	srv := startSMTP(t)
	srv.set(func(s *fakeSMTP) { s.refuse = true })
	p, o1, o2 := noticeParcel(t, e)
	must(e.s.SaveSMTP(ctx, shipping.SMTPSettings{Host: "127.0.0.1", Port: srv.port, From: "shop@example.com", TLS: "none"}))(t)
	record := func(order, body string) shipping.Notice {
		return must(e.s.RecordNotice(ctx, shipping.NoticeInput{ParcelID: p.ID, OrderID: order, Stage: "delayed", Lang: "en",
			Channel: "email", Recipient: "zhangli@example.com", Subject: "Delayed", Body: body}))(t)
	}
	first := record(o1.Order.ID, "sorry, it is late")

	sent, failed, err := e.s.SendPending(ctx)
	if err != nil || sent != 0 || failed != 1 {
		t.Fatalf("refused: sent %d, failed %d: %v", sent, failed, err)
	}
	box := must(e.s.Outbox(ctx))(t)
	if len(box) != 1 || box[0].ID != first.ID || box[0].Attempts != 1 || !strings.Contains(box[0].LastError, "554") ||
		box[0].LastTry != "2026-03-10T09:00:00Z" || box[0].NextTry != "2026-03-10T09:02:00Z" {
		t.Fatalf("the refused e-mail stays, retried in 2 minutes: %+v", box)
	}
	e.now = e.now.Add(time.Minute)
	if sent, failed, err := e.s.SendPending(ctx); sent+failed != 0 || err != nil {
		t.Fatalf("within the back-off it is not tried: %d %d %v", sent, failed, err)
	}
	if box := must(e.s.Outbox(ctx))(t); box[0].Attempts != 1 {
		t.Fatalf("no attempt recorded: %+v", box[0])
	}
	e.now = e.now.Add(time.Minute)
	if sent, failed, _ := e.s.SendPending(ctx); sent != 0 || failed != 1 {
		t.Fatalf("due again, still refused: %d %d", sent, failed)
	}
	if box := must(e.s.Outbox(ctx))(t); box[0].Attempts != 2 || box[0].NextTry != "2026-03-10T09:06:00Z" {
		t.Fatalf("the second failure waits 4 minutes: %+v", box[0])
	}

	// the server is down: a new e-mail and the old one (due) fail without a second dial
	must(e.s.SaveSMTP(ctx, shipping.SMTPSettings{Host: "127.0.0.1", Port: closedPort(t), From: "shop@example.com", TLS: "none"}))(t)
	e.now = e.now.Add(5 * time.Minute)
	second := record(o2.Order.ID, "yours too")
	if sent, failed, err := e.s.SendPending(ctx); sent != 0 || failed != 2 || err != nil {
		t.Fatalf("unreachable: %d %d %v", sent, failed, err)
	}
	box = must(e.s.Outbox(ctx))(t)
	if len(box) != 2 || box[1].ID != second.ID || box[1].Attempts != 1 || box[1].LastError == "" || box[0].Attempts != 3 {
		t.Fatalf("both failed and stay: %+v", box)
	}
	if len(srv.received()) != 0 {
		t.Fatal("nothing arrived")
	}

	// back online (after the longest wait): both are sent and leave the outbox
	srv.set(func(s *fakeSMTP) { s.refuse = false })
	must(e.s.SaveSMTP(ctx, shipping.SMTPSettings{Host: "127.0.0.1", Port: srv.port, From: "shop@example.com", TLS: "none"}))(t)
	e.now = e.now.Add(time.Hour)
	if sent, failed, err := e.s.SendPending(ctx); sent != 2 || failed != 0 || err != nil {
		t.Fatalf("back online: %d %d %v", sent, failed, err)
	}
	if box := must(e.s.Outbox(ctx))(t); len(box) != 0 {
		t.Fatalf("sent e-mails leave the outbox: %+v", box)
	}
	if len(srv.received()) != 2 {
		t.Fatalf("each arrives once: %d", len(srv.received()))
	}
	h := must(e.s.OrderNotices(ctx, o1.Order.ID))(t)
	if len(h) != 1 || h[0].Sent == "" || h[0].Attempts != 4 || h[0].LastError == "" {
		t.Fatalf("the history keeps the attempts: %+v", h)
	}

	// RunOutbox: sends in the background until stopped
	record(o1.Order.ID, "one more")
	stop, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { e.s.RunOutbox(stop, 10*time.Millisecond); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for len(srv.received()) < 3 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	<-done
	if len(srv.received()) != 3 {
		t.Fatalf("the background loop sent it: %d", len(srv.received()))
	}
}

func TestSMTPSettings(t *testing.T) {
	e := mustOpen(t)
	if cfg := must(e.s.SMTP(ctx))(t); cfg.Host != "" || cfg.Port != 587 || cfg.TLS != "starttls" || cfg.HasPassword {
		t.Fatalf("defaults: %+v", cfg)
	}
	_, err := e.s.SaveSMTP(ctx, shipping.SMTPSettings{Host: "smtp.qq.com:465", Port: 70000, From: "shop", TLS: "ssl3"})
	for _, key := range []string{"shipping.smtp.host", "shipping.smtp.port", "shipping.smtp.from", "shipping.smtp.tls"} {
		mustErr(t, err, domain.EInvalid, key)
	}
	if v, _ := e.svc.DB.Meta("smtp"); v != "" {
		t.Fatal("refused settings are not kept")
	}

	srv := startSMTP(t)
	srv.set(func(s *fakeSMTP) { s.auth = "PLAIN LOGIN" })
	in := shipping.SMTPSettings{Host: "127.0.0.1", Port: srv.port, Username: "shop", Password: "s3cret!", From: "shop@example.com", TLS: "none"}
	cfg := must(e.s.SaveSMTP(ctx, in))(t)
	if cfg.Password != "" || !cfg.HasPassword || cfg.Username != "shop" || cfg.Port != srv.port {
		t.Fatalf("the password is never handed out: %+v", cfg)
	}
	if cfg := must(e.s.SMTP(ctx))(t); cfg.Password != "" || !cfg.HasPassword {
		t.Fatalf("the password is never handed out: %+v", cfg)
	}
	in.Password = ""
	in.From = "小丽 <shop@example.com>"
	if cfg := must(e.s.SaveSMTP(ctx, in))(t); !cfg.HasPassword || cfg.From != "小丽 <shop@example.com>" {
		t.Fatalf("a blank password keeps the old one: %+v", cfg)
	}
	var leaked int
	e.svc.DB.R().QueryRow(`SELECT count(*) FROM oplog WHERE data LIKE '%s3cret%'`).Scan(&leaked)
	if leaked != 0 {
		t.Fatal("the password is never replicated")
	}

	// the kept password logs in, with PLAIN and with LOGIN
	p, _, _ := noticeParcel(t, e)
	for i, mech := range []string{"PLAIN", "LOGIN"} {
		srv.set(func(s *fakeSMTP) { s.auth, s.user, s.pass = mech, "", "" })
		e.now = e.now.Add(time.Minute)
		must(e.s.RecordNotice(ctx, shipping.NoticeInput{ParcelID: p.ID, Stage: "delivered", Lang: "en", Channel: "email",
			Recipient: "zhangli@example.com", Subject: "Delivered", Body: "arrived " + mech}))(t)
		if sent, failed, err := e.s.SendPending(ctx); sent != 1 || failed != 0 || err != nil {
			box, _ := e.s.Outbox(ctx)
			t.Fatalf("%s: sent %d failed %d: %v %+v", mech, sent, failed, err, box)
		}
		srv.mu.Lock()
		user, pass, n := srv.user, srv.pass, len(srv.msgs)
		srv.mu.Unlock()
		if user != "shop" || pass != "s3cret!" || n != i+1 {
			t.Fatalf("%s login: %q %q, %d messages", mech, user, pass, n)
		}
	}

	// no user name: no login, and the password goes
	in.Username = ""
	if cfg := must(e.s.SaveSMTP(ctx, in))(t); cfg.HasPassword {
		t.Fatalf("without a user the password is dropped: %+v", cfg)
	}
	// STARTTLS asked of a server that does not offer it: refused, nothing sent in clear
	in.TLS = "starttls"
	must(e.s.SaveSMTP(ctx, in))(t)
	srv.set(func(s *fakeSMTP) { s.auth = "" })
	must(e.s.RecordNotice(ctx, shipping.NoticeInput{ParcelID: p.ID, Stage: "delivered", Lang: "en", Channel: "email",
		Recipient: "zhangli@example.com", Subject: "Delivered", Body: "again"}))(t)
	if sent, failed, _ := e.s.SendPending(ctx); sent != 0 || failed != 1 {
		t.Fatalf("no STARTTLS, no e-mail: %d %d", sent, failed)
	}
	if box := must(e.s.Outbox(ctx))(t); len(box) != 1 || !strings.Contains(box[0].LastError, "STARTTLS") {
		t.Fatalf("the reason is kept: %+v", box)
	}
}

// "Send now" tries an e-mail that is still waiting out its back-off.
func TestSendNowSkipsTheBackOff(t *testing.T) {
	e := mustOpen(t)
	srv := startSMTP(t)
	srv.set(func(s *fakeSMTP) { s.refuse = true })
	p, o1, _ := noticeParcel(t, e)
	must(e.s.SaveSMTP(ctx, shipping.SMTPSettings{Host: "127.0.0.1", Port: srv.port, From: "shop@example.com", TLS: "none"}))(t)
	must(e.s.RecordNotice(ctx, shipping.NoticeInput{ParcelID: p.ID, OrderID: o1.Order.ID, Stage: "shipped", Lang: "zh-CN",
		Channel: "email", Recipient: "zhangli@example.com", Subject: "已发货", Body: "您的包裹已发出"}))(t)
	if _, failed, _ := e.s.SendPending(ctx); failed != 1 {
		t.Fatalf("refused first: %d", failed)
	}
	srv.set(func(s *fakeSMTP) { s.refuse = false })
	if sent, failed, _ := e.s.SendPending(ctx); sent+failed != 0 {
		t.Fatal("the round skips it within the back-off")
	}
	if sent, failed, err := e.s.SendNow(ctx); sent != 1 || failed != 0 || err != nil {
		t.Fatalf("send now sends it at once: %d %d %v", sent, failed, err)
	}
	if box := must(e.s.Outbox(ctx))(t); len(box) != 0 || len(srv.received()) != 1 {
		t.Fatalf("sent once and gone from the outbox: %+v", box)
	}
}
