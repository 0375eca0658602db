package app

import (
	"context"
	"embed"
	"fmt"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"daigoudesk/backend/services"
)

// processStart is when the process began (package init runs before main).
var processStart = time.Now()

// facade is what every bound area keeps: the services and the Wails context.
type facade struct {
	svc *services.Services
	ctx context.Context
}

func (f *facade) startup(ctx context.Context) { f.ctx = ctx }

// Run opens the desktop window over svc and blocks until it closes.
func Run(assets embed.FS, svc *services.Services) error {
	base := &facade{svc: svc, ctx: context.Background()}
	catalog := &Catalog{base}
	stock := &Stock{base}
	settings := &Settings{base}
	customers := &Customers{base}
	orders := &Orders{base}
	orderImport := &OrderImport{base}
	syncer := &Sync{facade: base}
	purchasing := &Purchasing{base}
	ship := &Shipping{facade: base}
	return wails.Run(&options.App{
		Title:     "Daigou Desk 代购助手",
		Width:     1400,
		Height:    860,
		MinWidth:  900,
		MinHeight: 600,
		AssetServer: &assetserver.Options{
			Assets:     assets,
			Middleware: blobMiddleware(svc),
		},
		OnStartup: func(ctx context.Context) {
			base.startup(ctx)
			forwardChanges(ctx, svc.DB)
			go orderImport.startWatching()
			go syncer.startRunning()
			ship.startOutbox()
			// the order list's index, read after the first paint rather than on the first
			// filtered page (about 1.5 s for 1,000,000 orders)
			time.AfterFunc(2*time.Second, func() { svc.Orders.WarmList(ctx) })
			if os.Getenv("DAIGOU_STARTUP_PROBE") != "" {
				probeStartup(ctx)
			}
		},
		OnShutdown: func(context.Context) {
			orderImport.stopWatching()
			ship.stop()
			syncer.shutdown() // before Close: its last pass exports what was made just before quitting
			svc.Close()
		},
		Bind:           []any{catalog, stock, settings, customers, orders, orderImport, syncer, purchasing, ship},
		ErrorFormatter: formatError,
	})
}

// blobMiddleware serves attachments at /blobs/<hash>; one not yet synced gets 404 and the UI
// shows a placeholder.
func blobMiddleware(svc *services.Services) assetserver.Middleware {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			hash, ok := strings.CutPrefix(r.URL.Path, "/blobs/")
			if !ok {
				next.ServeHTTP(w, r)
				return
			}
			path, err := svc.Blobs.Path(hash)
			if err != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Cache-Control", "max-age=31536000, immutable")
			http.ServeFile(w, r, path)
		})
	}
}

// probeStartup prints the time from process start to the first screen being usable (the
// frontend's "app:ready" event, sent once the shell's first screen is committed and painted),
// with where it went, then quits: `make bench` runs the app with DAIGOU_STARTUP_PROBE=1 to
// measure it.
func probeStartup(ctx context.Context) {
	started := time.Since(processStart)
	runtime.EventsOnce(ctx, "app:ready", func(marks ...any) {
		total := time.Since(processStart)
		fmt.Fprintf(os.Stderr, "startup: %d ms to an interactive window (window up at %d ms; then, in ms since the page began loading: %v)\n",
			total.Milliseconds(), started.Milliseconds(), pageMarks(marks))
		runtime.Quit(ctx)
	})
}

// pageMarks labels the frontend's marks: script running, first screen committed, painted.
func pageMarks(marks []any) string {
	names := []string{"script", "rendered", "painted"}
	var parts []string
	for i, m := range marks {
		if i < len(names) {
			parts = append(parts, fmt.Sprintf("%s %v", names[i], m))
		}
	}
	return strings.Join(parts, ", ")
}
