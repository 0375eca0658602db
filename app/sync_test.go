package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	gosync "sync"
	"testing"

	"daigoudesk/backend/catalog"
	"daigoudesk/backend/customers"
	"daigoudesk/backend/domain"
	"daigoudesk/backend/orders"
	"daigoudesk/backend/services"
	"daigoudesk/backend/stock"
	"daigoudesk/backend/sync"
)

// syncLaptop is one laptop's Sync façade, with the events it sent.
type syncLaptop struct {
	*Sync
	svc *services.Services

	mu     gosync.Mutex
	passes []SyncPass
}

func mustSyncLaptop(t *testing.T) *syncLaptop {
	t.Helper()
	svc, err := services.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	l := &syncLaptop{svc: svc}
	l.Sync = &Sync{facade: &facade{svc: svc, ctx: context.Background()}}
	l.emit = func(event string, data any) {
		if event != EventSyncStatus {
			t.Errorf("event %s, want %s", event, EventSyncStatus)
		}
		l.mu.Lock()
		l.passes = append(l.passes, data.(SyncPass))
		l.mu.Unlock()
	}
	t.Cleanup(func() {
		l.shutdown()
		svc.Close()
	})
	return l
}

func (l *syncLaptop) sent() []SyncPass {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]SyncPass(nil), l.passes...)
}

func (l *syncLaptop) hasSKU(t *testing.T, sku string) bool {
	t.Helper()
	found := false
	err := l.svc.Catalog.AllProducts(context.Background(), func(p catalog.Product) error {
		found = found || p.SKU == sku
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

func (l *syncLaptop) createProduct(t *testing.T, sku string) {
	t.Helper()
	if _, err := l.svc.Catalog.CreateProduct(context.Background(), catalog.ProductInput{SKU: sku, NameZh: "面霜 " + sku,
		PriceCurrency: "CNY", CostCurrency: "JPY"}); err != nil {
		t.Fatal(err)
	}
}

func wantKey(t *testing.T, err error, key string) {
	t.Helper()
	if d := domain.AsError(err); d == nil || d.Key != key {
		t.Fatalf("error %v, want one with key %s", err, key)
	}
	if dto := toErrorDTO(err); dto.Key != key || dto.Code != domain.EInvalid {
		t.Fatalf("the UI gets %+v, want key %s", dto, key)
	}
}

// TestSyncFacade: the first laptop sets up an encrypted folder and syncs in the background;
// the second laptop is told it needs the team passphrase, then that it gave a wrong one, then
// joins; Sync now carries a product across and every pass reaches the window with the new
// status; quitting exports what was made just before.
func TestSyncFacade(t *testing.T) {
	folder := t.TempDir()
	a, b := mustSyncLaptop(t), mustSyncLaptop(t)

	st, err := a.SetFolder(folder, "团队口令 2026")
	if err != nil {
		t.Fatal(err)
	}
	if !st.Encrypted || !st.Running || st.Folder == "" || st.Device != a.svc.DB.Device() {
		t.Fatalf("status after choosing the folder: %+v", st)
	}

	_, err = b.SetFolder(folder, "")
	wantKey(t, err, "sync.error.needPassphrase")
	_, err = b.SetFolder(folder, "wrong")
	wantKey(t, err, "sync.error.wrongPassphrase")
	if st, _ := b.Status(); st.Folder != "" || st.Running {
		t.Fatalf("a refused folder was kept: %+v", st)
	}
	if _, err := b.SetFolder(folder, "团队口令 2026"); err != nil {
		t.Fatal(err)
	}

	a.createProduct(t, "SYNC-A1")
	if _, err := a.SyncNow(); err != nil {
		t.Fatal(err)
	}
	pass, err := b.SyncNow()
	if err != nil {
		t.Fatal(err)
	}
	if !b.hasSKU(t, "SYNC-A1") {
		t.Fatalf("the product did not arrive: pass %+v", pass)
	}
	if len(pass.Status.Devices) != 2 || pass.Status.LastImport == "" || pass.Error != nil {
		t.Fatalf("status after Sync now: %+v", pass)
	}
	if sent := b.sent(); len(sent) == 0 || len(sent[len(sent)-1].Status.Devices) != 2 {
		t.Fatalf("passes sent to the window: %+v", sent)
	}

	if err := a.ChangePassphrase("新口令"); err != nil {
		t.Fatal(err)
	}
	wantKey(t, a.ChangePassphrase("  "), "sync.error.passphraseRequired")

	// quitting right after a change: the background sync's last pass exports it
	a.createProduct(t, "SYNC-A2")
	a.shutdown()
	if st, _ := a.Status(); st.Running || st.Unexported != 0 {
		t.Fatalf("after quitting: %+v", st)
	}
	if _, err := b.SyncNow(); err != nil || !b.hasSKU(t, "SYNC-A2") {
		t.Fatalf("the product made before quitting did not arrive (%v)", err)
	}
}

// TestSyncFolderChecks: what cannot be a shared folder is refused with a translatable error,
// and the background sync keeps running on the folder chosen before.
func TestSyncFolderChecks(t *testing.T) {
	l := mustSyncLaptop(t)
	file := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := l.SyncNow()
	wantKey(t, err, "sync.error.noFolder")

	plain := t.TempDir()
	if _, err := l.SetFolder(plain, ""); err != nil {
		t.Fatal(err)
	}
	scenarios := []struct {
		name, folder, key string
	}{
		{"ErrFolderRequired", "  ", "sync.error.folderRequired"},
		{"ErrMissing", filepath.Join(plain, "nope"), "sync.error.notAFolder"},
		{"ErrFile", file, "sync.error.notAFolder"},
		{"ErrDataDir", l.svc.DataDir, "sync.error.dataDir"},
		{"ErrAroundDataDir", filepath.Dir(l.svc.DataDir), "sync.error.dataDir"},
		{"ErrInsideDataDir", filepath.Join(l.svc.DataDir, "blobs"), "sync.error.dataDir"},
	}
	os.MkdirAll(filepath.Join(l.svc.DataDir, "blobs"), 0o755)
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			_, err := l.SetFolder(sc.folder, "")
			wantKey(t, err, sc.key)
		})
	}
	t.Run("ErrNotEncrypted", func(t *testing.T) {
		wantKey(t, l.ChangePassphrase("secret"), "sync.error.notEncrypted")
	})
	t.Run("ErrPassphraseForPlainFolder", func(t *testing.T) {
		_, err := l.SetFolder(plain, "secret")
		wantKey(t, err, "sync.error.plainFolder")
	})
	if st, _ := l.Status(); !st.Running || st.Encrypted {
		t.Fatalf("after refused folders: %+v", st)
	}
	st, err := l.StopSyncing()
	if err != nil || st.Folder != "" || st.Running {
		t.Fatalf("after stopping: %+v, %v", st, err)
	}
}

// TestSyncErrorKeys: the sync service's errors a person can act on keep their meaning when
// wrapped.
func TestSyncErrorKeys(t *testing.T) {
	scenarios := []struct {
		name string
		err  error
		key  string
	}{
		{"ErrNewer", fmt.Errorf("sync folder X: format 9: %w", sync.ErrNewer), "sync.error.newer"},
		{"ErrNeedPassphrase", sync.ErrNeedPassphrase, "sync.error.needPassphrase"},
		{"ErrWrongPassphrase", fmt.Errorf("join: %w", sync.ErrWrongPassphrase), "sync.error.wrongPassphrase"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) { wantKey(t, syncError(sc.err), sc.key) })
	}
}

// TestSyncFlagsOversoldAndResolve: the last unit confirmed for an order on each of two
// laptops offline shows on both sync screens as oversold, named by product, location and the
// later order's number; resolving it on one laptop clears it on both.
func TestSyncFlagsOversoldAndResolve(t *testing.T) {
	ctx := context.Background()
	folder := t.TempDir()
	a, b := mustSyncLaptop(t), mustSyncLaptop(t)
	for _, l := range []*syncLaptop{a, b} {
		if _, err := l.SetFolder(folder, ""); err != nil {
			t.Fatal(err)
		}
	}
	zone, err := a.svc.Catalog.SaveZone(ctx, catalog.Zone{Name: "化妆品", Kind: "cosmetics"})
	if err != nil {
		t.Fatal(err)
	}
	loc, err := a.svc.Catalog.SaveLocation(ctx, catalog.Location{ZoneID: zone.ID, Name: "A-1", Kind: "shelf"})
	if err != nil {
		t.Fatal(err)
	}
	a.createProduct(t, "LAST-1")
	p, err := a.svc.Catalog.FindProductByCode(ctx, "LAST-1")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.svc.Stock.Receive(ctx, stock.ReceiveInput{ProductID: p.ID, LocationID: loc.ID, Qty: 1}); err != nil {
		t.Fatal(err)
	}
	syncBoth := func() {
		for round := 0; round < 2; round++ {
			for _, l := range []*syncLaptop{a, b} {
				if _, err := l.SyncNow(); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	syncBoth()
	// offline: each laptop sells the last unit
	var numbers []string
	for _, l := range []*syncLaptop{a, b} {
		c, err := l.svc.Customers.CreateCustomer(ctx, customers.CustomerInput{Name: "客户" + l.svc.DB.Device()})
		if err != nil {
			t.Fatal(err)
		}
		o, err := l.svc.Orders.CreateOrder(ctx, orders.OrderInput{Channel: "wechat", CustomerID: c.ID, Currency: "CNY",
			Lines: []orders.LineInput{{ProductID: p.ID, Qty: 1, UnitPrice: 29900}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.svc.Orders.Transition(ctx, orders.TransitionInput{OrderID: o.Order.ID, To: "confirmed"}); err != nil {
			t.Fatal(err)
		}
		numbers = append(numbers, o.Order.Number)
	}
	syncBoth()
	var subject string
	for i, l := range []*syncLaptop{a, b} {
		st, err := l.Status()
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Flags) != 1 || st.Flags[0].Kind != "oversold" || st.Flags[0].Location != "A-1" ||
			st.Flags[0].Product != "LAST-1 面霜 LAST-1" || st.Flags[0].Short != 1 || len(st.Flags[0].Choices) != 3 {
			t.Fatalf("laptop %d flags %+v", i, st.Flags)
		}
		if n := st.Flags[0].OrderNumber; n != numbers[0] && n != numbers[1] {
			t.Fatalf("flag names order %q, want one of %v", n, numbers)
		}
		if subject != "" && st.Flags[0].Subject != subject {
			t.Fatal("the two laptops flag different sales")
		}
		subject = st.Flags[0].Subject
	}
	if _, err := b.Resolve(subject, "bogus", ""); err == nil {
		t.Fatal("an unknown resolution should be refused")
	}
	if _, err := b.Resolve(subject, "backorder", "下一批到货再发"); err != nil {
		t.Fatal(err)
	}
	syncBoth()
	for i, l := range []*syncLaptop{a, b} {
		if st, _ := l.Status(); len(st.Flags) != 0 {
			t.Fatalf("laptop %d still flags %+v", i, st.Flags)
		}
	}
}
