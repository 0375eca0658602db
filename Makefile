# Daigou Desk. The README's two commands are `make run` and `make test`; the rest are their parts.
# Works from a fresh clone on a machine that has only Go, gcc, Node and npm: `deps` installs the
# system packages (Debian/Ubuntu, apt) and the frontend's node_modules.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build

# sudo only when not root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# Wails/cgo build: GTK3 + WebKitGTK 4.0 (Debian 12). Tests also need a headless X server,
# Chromium for the end-to-end tests, CJK fonts and the tools that check PDFs and labels.
APT_BUILD := build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.0-dev
APT_TEST  := xvfb xauth chromium fonts-noto-cjk imagemagick poppler-utils zbar-tools
APT_PKGS  := $(APT_BUILD) $(APT_TEST)

WAILS := go tool wails
BIN   := build/bin/daigoudesk
NODE_STAMP := frontend/node_modules/.package-lock.json

.PHONY: deps apt-deps frontend-deps bindings build run test vet gotest frontend-test e2e bench test-sync-long demo clean

## deps: system packages and node_modules; idempotent, and quick when nothing is missing.
deps: apt-deps frontend-deps

apt-deps:
	@missing=""; \
	for p in $(APT_PKGS); do \
	  dpkg-query -W -f='$${Status}' "$$p" 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi

frontend-deps: $(NODE_STAMP)

# npm writes node_modules/.package-lock.json on every install: reinstall when the lock is newer.
$(NODE_STAMP): frontend/package-lock.json frontend/package.json
	cd frontend && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
	@touch $@

## bindings: regenerate frontend/wailsjs (the TS side of the bound Go façades) from app/.
# Generating runs main (built with -tags bindings), which opens the data dir: point it at a
# throwaway one so that building never touches (or migrates) the user's real data.
bindings:
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	echo "$(WAILS) generate module"; DAIGOU_DATA_DIR="$$tmp" $(WAILS) generate module

## build: the desktop binary, build/bin/daigoudesk (builds the frontend into frontend/dist first).
# -m: skip `go mod tidy`, which would rewrite go.mod behind the developer's back.
# -skipbindings: done by the bindings target, on a throwaway data dir.
build: deps bindings
	$(WAILS) build -m -skipbindings
	@test -x $(BIN) && echo "built $(BIN)"

## run: build and launch the app on the default data directory.
run: build
	./$(BIN)

## test: everything CI runs.
test: deps vet gotest frontend-test e2e

vet:
	go vet ./...

gotest:
	go test ./...

frontend-test: frontend-deps bindings
	cd frontend && npm run typecheck && npm test

## e2e: the real app (`wails dev` under Xvfb) driven by headless Chromium; see build/e2e.sh.
e2e: deps
	build/e2e.sh

## bench: the speed figures the issues name, on a database of 100,000 products and 2,000,000
# stock moves (built once into $(BENCH_DIR), a few minutes; delete it to rebuild), then app start
# to an interactive window, measured on that database under Xvfb.
BENCH_DIR ?= /tmp/daigoudesk-bench
BENCHTIME ?= 5x
# The sync property test with 5,000 random schedules (CI runs 1,000).
test-sync-long:
	DAIGOU_SYNC_SCHEDULES=5000 go test -count=1 -run Converge -timeout 60m ./backend/sync/

bench: build
	mkdir -p $(BENCH_DIR)
	DAIGOU_BENCH_DIR=$(BENCH_DIR) go test -run '^$$' -bench . -benchtime $(BENCHTIME) -timeout 60m ./backend/bench/ \
	  | awk '/^Benchmark/ {printf "%-55s %12s %s\n", $$1, $$(NF-1), $$NF; next} {print}'
	go test -run '^$$' -bench Import100k -benchtime 1x -timeout 30m ./backend/orderimport/ \
	  | awk '/^Benchmark/ {printf "%-55s %12s %s\n", $$1, $$(NF-1), $$NF; next} {print}'
	@echo "the same into a copy of the 1,000,000-order database:"
	DAIGOU_IMPORT_DB=$(BENCH_DIR)/orders-v2/daigou.db go test -run '^$$' -bench Import100k -benchtime 1x -timeout 30m ./backend/orderimport/ \
	  | awk '/^Benchmark/ {printf "%-55s %12s %s\n", $$1, $$(NF-1), $$NF; next} {print}'
	go test -run '^$$' -bench . -benchtime 3x -timeout 30m ./backend/sync/ \
	  | awk '/^Benchmark/ {printf "%-55s %12s %s\n", $$1, $$(NF-1), $$NF; next} {print}'
	go test -run '^$$' -bench WriteLabels1000 -benchtime 3x ./backend/pdf/
	go test -run '^$$' -bench PrintLabels1000 -benchtime 3x ./backend/shipping/
	@# start-up varies with whatever else the machine does: 15 starts, and their median
	@display=:$$((90 + RANDOM % 9)); Xvfb $$display -screen 0 1400x900x24 >/dev/null 2>&1 & xvfb=$$!; sleep 1; \
	for i in $$(seq 15); do \
	  DISPLAY=$$display DAIGOU_STARTUP_PROBE=1 DAIGOU_DATA_DIR=$(BENCH_DIR) timeout 60 ./$(BIN) 2>&1 | grep '^startup' || true; \
	done | tee /dev/stderr | awk '{print $$2}' | sort -n | \
	  awk '{v[NR] = $$1} END {if (NR) printf "startup over %d runs: median %d ms, fastest %d, slowest %d\n", NR, v[int((NR + 1) / 2)], v[1], v[NR]}'; \
	kill $$xvfb 2>/dev/null || true

## demo: a demo database in /tmp/daigou-demo (opened with DAIGOU_DATA_DIR=/tmp/daigou-demo make run).
demo:
	go run . --data-dir /tmp/daigou-demo demo --force

## clean: build outputs (keeps node_modules and frontend/dist/.gitkeep).
clean:
	rm -rf build/bin frontend/node_modules/.tmp frontend/e2e/output
	find frontend/dist -mindepth 1 ! -name .gitkeep -exec rm -rf {} +
